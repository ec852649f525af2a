package io.vncstream.viewer.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code console} removes from a replay on a terminal: the sequences a terminal answers, and nothing else. */
class TerminalQueriesTest {

    /** Fed one byte at a time: no chunk holds a whole sequence. */
    private static String oneByteAtATime(String text) {
        TerminalQueries q = new TerminalQueries();
        byte[] in = text.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < in.length; i++) {
            out.writeBytes(q.filter(in, i, 1));
        }
        out.writeBytes(q.release());
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static String whole(String text) {
        TerminalQueries q = new TerminalQueries();
        byte[] in = text.getBytes(StandardCharsets.ISO_8859_1);
        return new String(q.filter(in, 0, in.length), StandardCharsets.ISO_8859_1)
                + new String(q.release(), StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {
            "\u001b[6n", "\u001b[5n", "\u001b[?6n", "\u001b[c", "\u001b[0c", "\u001b[>c", "\u001b[=c", "\u001b[x",
            "\u001b[18t", "\u001b[14t", "\u001b[?25$p", "\u001b[2$w", "\u001b[>q", "\u001b[>0q", "\u001b[?u",
            "\u001bZ", "\u0005", "\u001b]11;?\u0007", "\u001b]10;?\u001b\\", "\u001b]4;1;?\u0007",
            "\u001bP$qm\u001b\\", "\u001bP+q544e\u001b\\",
    })
    void aQueryIsRemoved(String query) {
        assertThat(oneByteAtATime("a" + query + "b")).isEqualTo("ab");
        assertThat(whole("a" + query + "b")).isEqualTo("ab");
    }

    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {
            "\u001b[1;31mred\u001b[0m", "\u001b[2J\u001b[H", "\u001b[?25l", "\u001b[?2004h", "\u001b[10;20H",
            "\u001b]0;title\u0007", "\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\", "\u001b(B", "\u001b7\u001b8",
            "\u001bPq#0;2;0;0;0\u001b\\", "\u001b[ q", "\u001b[2 q", "~ # ", "caf\u00c3\u00a9\r\n",
    })
    void everythingElsePassesUnchanged(String text) {
        assertThat(oneByteAtATime(text)).isEqualTo(text);
        assertThat(whole(text)).isEqualTo(text);
    }

    @Test
    void busyboxPromptsLoseTheirCursorQueriesOnly() {
        String replay = "/ # \u001b[6necho hi\r\nhi\r\n/ # \u001b[6n";
        assertThat(oneByteAtATime(replay)).isEqualTo("/ # echo hi\r\nhi\r\n/ # ");
    }

    @Test
    void escapeInsideAStringEndsItAndStartsTheNext() {
        assertThat(oneByteAtATime("\u001b]0;t\u001b[6nx")).isEqualTo("\u001b]0;tx");
        assertThat(oneByteAtATime("\u001b\u001b[6nx")).isEqualTo("\u001bx");
    }

    @Test
    void aSequenceLongerThanAnyQueryPassesAsItIs() {
        String longCsi = "\u001b[" + "1;".repeat(TerminalQueries.MAX_CSI) + "n";
        assertThat(oneByteAtATime(longCsi)).isEqualTo(longCsi);
        String title = "\u001b]0;" + "?;".repeat(TerminalQueries.MAX_STRING) + "\u0007";
        assertThat(oneByteAtATime(title)).isEqualTo(title);
    }

    @Test
    void aQueryTheReplayBeginsIsRemovedFromTheLiveOutputThatEndsIt() {
        TerminalQueries q = new TerminalQueries();
        byte[] replay = "x\u001b[".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(q.filter(replay, 0, replay.length)).isEqualTo(new byte[] {'x'});
        assertThat(q.inSequence()).isTrue();
        byte[] live = "6n\u001b[6n".getBytes(StandardCharsets.ISO_8859_1);
        // Only the replay's query is removed; a live query is the user's terminal's to answer.
        assertThat(new String(q.finish(live, 0, live.length), StandardCharsets.ISO_8859_1)).isEqualTo("\u001b[6n");
        assertThat(q.inSequence()).isFalse();
    }
}
