package io.vncstream.terminal.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class EscapeStripperTest {

    /** Input and expected text use ~ for ESC, and ^ for BEL, to stay readable. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            SGR colours                 | ~[1;31mred~[0m plain~[m\\n          | red plain\\n
            256 and true colour         | ~[38;5;200ma~[38;2;1;2;3mb~[48:5:1mc\\n | abc\\n
            OSC title ended by BEL      | ~]0;title^text\\n                    | text\\n
            OSC hyperlink ended by ST   | ~]8;;http://x~\\\\link~]8;;~\\\\\\n  | link\\n
            charset and keypad escapes  | ~(B~)0~=abc~>~7~8~M~#8\\n            | abc\\n
            DCS payload                 | ~Pq#0;2;0;0;0~\\\\after\\n           | after\\n
            APC and SOS payloads        | ~_apc~\\\\~Xsos~\\\\x\\n            | x\\n
            CR LF ends a line           | one\\r\\ntwo\\r\\n                   | one\\ntwo\\n
            lone CR overwrites          | progress 10%\\rprogress 100%\\n      | progress 100%\\n
            CR then erase line          | abcdef\\r~[Kxy\\n                    | xy\\n
            erase whole line            | abcdef~[2Kxy\\n                      | "      xy\\n"
            backspace                   | ab\\bc\\n                            | ac\\n
            cursor column               | abc~[1Gx~[5Gy\\n                     | xbc y\\n
            bell and NUL vanish         | a^b\\u0000c\\n                       | abc\\n
            CAN aborts a sequence       | ~[12\\u0018text\\n                   | text\\n
            private modes               | ~[?1049h~[?25lvisible~[?25h\\n       | visible\\n
            unterminated last line      | last words                         | last words\\n
            """)
    void stripsEscapesAndAppliesCarriageReturns(String name, String input, String expected) {
        byte[] raw = decode(input).getBytes(StandardCharsets.UTF_8);
        assertThat(EscapeStripper.strip(raw)).isEqualTo(decode(expected));
        // The same when every byte arrives on its own.
        assertThat(stripByteByByte(raw)).isEqualTo(decode(expected));
    }

    @Test
    void keepsUtf8TextWhateverTheChunking() {
        String text = "caf\u00e9 \u4e2d\u6587 \uD83D\uDE00\n";
        byte[] raw = ("\u001b[1m" + text).getBytes(StandardCharsets.UTF_8);
        assertThat(EscapeStripper.strip(raw)).isEqualTo(text);
        assertThat(stripByteByByte(raw)).isEqualTo(text);
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() {
        byte[] raw = {'a', (byte) 0xff, 'b', (byte) 0xe4, 'c', '\n'};
        assertThat(EscapeStripper.strip(raw)).isEqualTo("a\uFFFDb\uFFFDc\n");
    }

    @Test
    void notesBecomeLinesAndSentInputIsLeftOut() {
        byte[] raw = concat("prompt$ ".getBytes(StandardCharsets.UTF_8),
                LogAnnotations.encode(LogAnnotations.SENT, "ls\r".getBytes(StandardCharsets.UTF_8)),
                "ls\r\nfile\r\n".getBytes(StandardCharsets.UTF_8),
                LogAnnotations.encode(LogAnnotations.NOTE, "[stream ended: eof]".getBytes(StandardCharsets.UTF_8)),
                "after".getBytes(StandardCharsets.UTF_8));
        assertThat(EscapeStripper.strip(raw)).isEqualTo("prompt$ ls\nfile\n[stream ended: eof]\nafter\n");
    }

    @Test
    void timestampsAreTheArrivalTimesOfEachLinesFirstByte() throws IOException {
        TimeIndex times = new TimeIndex();
        times.record(0, 1_000_000_000_000L);
        times.record(6, 1_000_000_005_000L);
        StringWriter out = new StringWriter();
        EscapeStripper stripper = new EscapeStripper(out, times, ZoneOffset.UTC);
        byte[] raw = "first\nsecond\nthird\n".getBytes(StandardCharsets.US_ASCII);
        stripper.feed(raw, 0, raw.length, 0);
        stripper.finish();
        assertThat(out).hasToString("[2001-09-09 01:46:40] first\n"
                + "[2001-09-09 01:46:45] second\n"
                + "[2001-09-09 01:46:45] third\n");
    }

    private static String stripByteByByte(byte[] raw) {
        StringWriter out = new StringWriter();
        EscapeStripper stripper = new EscapeStripper(out);
        try {
            for (int i = 0; i < raw.length; i++) {
                stripper.feed(raw, i, 1, i);
            }
            stripper.finish();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** ~ is ESC, ^ is BEL; backslash escapes n r b, backslash itself and u plus four hex digits as in Java. */
    private static String decode(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '~') {
                sb.append('\u001b');
            } else if (c == '^') {
                sb.append('\u0007');
            } else if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
