package io.vncstream.terminal.emulation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream that breaks off in the middle of an escape sequence: the host's note and the next
 * stream's output must show as they are, not be eaten as the rest of the sequence (or printed
 * as its debris, which is what the core does with a CSI aborted by CAN).
 */
class BrokenSequenceTest {
    @ParameterizedTest(name = "{index}: broken off after {0}")
    @ValueSource(strings = {
        "\u001b", "\u001b[", "\u001b[1;3", "\u001b[38;5;", "\u001b[?", "\u001b[?1049", "\u001b[2\u0018",
        "\u001b(", "\u001b]0;a title", "\u001b]0;t\u001b", "\u001bP1$r", "\u001b]8;;http://x/\u0018"})
    void theNoteAndTheNextStreamShowIntact(String partial) throws Exception {
        try (TerminalEngine engine = new TerminalEngine("broken", 40, 4, 10, new TerminalEngine.Hooks() { })) {
            feed(engine, "ab" + partial);
            engine.note("stream ended");
            engine.newStream();
            feed(engine, "cd" + partial);
            engine.newStream();
            feed(engine, "ef");
            assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(engine.screenLines()).containsExactly("ab", " stream ended", "cdef", "");
            assertThat(engine.textBuffer().isUsingAlternateBuffer()).isFalse();
        }
    }

    private static void feed(TerminalEngine engine, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        engine.accept(bytes, 0, bytes.length);
    }
}
