package io.vncstream.terminal.demo;

/** Sample output showing what the terminal draws: colours, attributes, wide characters. */
final class DemoText {
    private DemoText() {
    }

    static String banner() {
        return "\u001b[1mvncstream terminal demo\u001b[0m \u2014 a local echo device.\r\n"
                + "Type; try \u001b[4mseq\u001b[0m, \u001b[4mcolors\u001b[0m and \u001b[4mreconnect\u001b[0m.\r\n"
                + "Drag \u2630 log out to save the log; drop a text file here to type it.\r\n"
                + colours();
    }

    static String colours() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            text.append("\u001b[48;5;").append(i).append("m  ");
        }
        text.append("\u001b[0m 16 colours\r\n");
        for (int i = 16; i < 232; i += 6) {
            text.append("\u001b[48;5;").append(i).append("m ");
        }
        text.append("\u001b[0m 256 colours\r\n");
        for (int i = 0; i < 36; i++) {
            text.append("\u001b[48;2;").append(i * 7).append(';').append(80).append(';').append(255 - i * 7).append("m ");
        }
        text.append("\u001b[0m true colour\r\n");
        text.append("\u001b[1mbold\u001b[0m \u001b[3mitalic\u001b[0m \u001b[4munderline\u001b[0m "
                + "\u001b[7minverse\u001b[0m \u001b[2mdim\u001b[0m \u001b[31mred\u001b[32mgreen\u001b[34mblue\u001b[0m "
                + "wide: \u4e2d\u6587\u5b57 caf\u00e9\r\n");
        return text.toString();
    }
}
