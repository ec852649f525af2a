package io.vncstream.terminal.emulation;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Raw terminal input in, expected screen text out; the cases are in golden/screens.txt. */
class GoldenScreenTest {

    record GoldenCase(String name, int columns, int rows, byte[] input, List<String> expected) {
    }

    @TestFactory
    Stream<DynamicTest> screensMatchTheGoldenText() throws IOException {
        return loadCases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            try (TerminalEngine engine = new TerminalEngine("golden", c.columns(), c.rows(), 100,
                    new TerminalEngine.Hooks() { })) {
                engine.accept(c.input(), 0, c.input().length);
                assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
                assertThat(withoutTrailingEmptyLines(engine.screenLines()))
                        .as("screen after %s", c.name())
                        .containsExactlyElementsOf(c.expected());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> screensAreTheSameWhenFedOneByteAtATime() throws IOException {
        return loadCases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            try (TerminalEngine engine = new TerminalEngine("golden", c.columns(), c.rows(), 100,
                    new TerminalEngine.Hooks() { })) {
                for (int i = 0; i < c.input().length; i++) {
                    engine.accept(c.input(), i, 1);
                }
                assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
                assertThat(withoutTrailingEmptyLines(engine.screenLines()))
                        .containsExactlyElementsOf(c.expected());
            }
        }));
    }

    static List<String> withoutTrailingEmptyLines(List<String> lines) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isEmpty()) {
            end--;
        }
        return lines.subList(0, end);
    }

    static List<GoldenCase> loadCases() throws IOException {
        String text;
        try (InputStream in = GoldenScreenTest.class.getResourceAsStream("/golden/screens.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<GoldenCase> cases = new ArrayList<>();
        String[] lines = text.split("\n");
        int i = 0;
        while (i < lines.length) {
            if (!lines[i].startsWith("### ")) {
                i++;
                continue;
            }
            String name = lines[i].substring(4);
            String[] size = lines[i + 1].trim().split(" ");
            String input = lines[i + 2];
            if (!input.startsWith("in: ")) {
                throw new IllegalStateException("case " + name + " lacks its input line");
            }
            List<String> expected = new ArrayList<>();
            i += 3;
            while (i < lines.length && lines[i].startsWith("|")) {
                expected.add(new String(unescape(lines[i].length() > 2 ? lines[i].substring(2) : ""),
                        StandardCharsets.UTF_8));
                i++;
            }
            cases.add(new GoldenCase(name, Integer.parseInt(size[0]), Integer.parseInt(size[1]),
                    unescape(input.substring(4)), expected));
        }
        return cases;
    }

    /** Escapes: e r n t b as in C, xHH for a raw byte, u and four hex digits for a character. */
    static byte[] unescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'e' -> out.write(0x1b);
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'b' -> out.write('\b');
                case 'x' -> {
                    out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    out.writeBytes(String.valueOf((char) Integer.parseInt(s.substring(i + 1, i + 5), 16))
                            .getBytes(StandardCharsets.UTF_8));
                    i += 4;
                }
                default -> out.write(e);
            }
        }
        return out.toByteArray();
    }
}
