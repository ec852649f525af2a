package io.vncstream.terminal.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** The inputs of {@link EmulatorBench}, generated from fixed seeds so every run feeds the same bytes. */
final class BenchText {
    private BenchText() {
    }

    /** The reference: plain ASCII lines of 79 printable characters, no escape sequence at all. */
    static byte[] plainAscii(int size) {
        Random random = new Random(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 256);
        StringBuilder line = new StringBuilder();
        while (out.size() < size) {
            line.setLength(0);
            for (int i = 0; i < 79; i++) {
                line.append((char) ('!' + random.nextInt(94)));
            }
            line.append("\r\n");
            out.writeBytes(line.toString().getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    /**
     * Typical console output, like a Linux boot log on a serial console: kernel lines with a
     * timestamp, systemd lines with a green or red status word, lines of 30 to 110 characters
     * (so some wrap at 80 columns), an occasional non-ASCII character.
     */
    static byte[] bootLog(int size) {
        Random random = new Random(1);
        String[] words = ("systemd kernel usb device eth0 link up mounted filesystem starting service network "
                + "manager reached target audit cpu memory block sda1 ext4 journal 1.5GiB \u00b5s").split(" ");
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 256);
        int line = 0;
        while (out.size() < size) {
            StringBuilder sb = new StringBuilder();
            if (line % 5 == 0) {
                sb.append(line % 35 == 0 ? "[\u001b[0;1;31mFAILED\u001b[0m] " : "[\u001b[0;32m  OK  \u001b[0m] ");
            } else {
                sb.append(String.format("[%12.6f] ", line * 0.0137));
            }
            int length = 30 + random.nextInt(80);
            while (sb.length() < length) {
                sb.append(words[random.nextInt(words.length)]).append(' ');
            }
            sb.append("\r\n");
            out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
            line++;
        }
        return out.toByteArray();
    }

    /**
     * The worst case: a full-screen program repainting with a cursor move before each short run
     * and a colour change (256-colour or true colour, bold, underline) before nearly every
     * character, plus line erases and scroll-region scrolls. About 1 printed character in 12 bytes.
     */
    static byte[] escapeHeavy(int size) {
        Random random = new Random(2);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 256);
        while (out.size() < size) {
            StringBuilder sb = new StringBuilder();
            sb.append("\u001b[").append(1 + random.nextInt(24)).append(';').append(1 + random.nextInt(60)).append('H');
            for (int i = 0; i < 20; i++) {
                if (i % 2 == 0) {
                    sb.append("\u001b[38;5;").append(random.nextInt(256)).append('m');
                } else {
                    sb.append("\u001b[38;2;").append(random.nextInt(256)).append(';').append(random.nextInt(256))
                            .append(';').append(random.nextInt(256)).append(i % 3 == 0 ? ";1;4m" : "m");
                }
                sb.append((char) ('!' + random.nextInt(90)));
            }
            sb.append("\u001b[0m\u001b[K");
            if (random.nextInt(8) == 0) {
                sb.append("\r\n\u001b[2;23r\u001b[S\u001b[r");
            }
            out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** {@code count} lines filling all {@code columns}; coloured ones change colour every 8 characters. */
    static byte[] fullLines(int count, int columns, boolean coloured) {
        Random random = new Random(3);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < columns; c++) {
                if (coloured && c % 8 == 0) {
                    text.append("\u001b[3").append((c / 8) % 8).append('m');
                }
                text.append((char) ('a' + random.nextInt(26)));
            }
            text.append(coloured ? "\u001b[0m\r\n" : "\r\n");
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
