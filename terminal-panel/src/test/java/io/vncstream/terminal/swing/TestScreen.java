package io.vncstream.terminal.swing;

import io.vncstream.terminal.TerminalSession;
import io.vncstream.terminal.TestSessions;

import static org.assertj.core.api.Assertions.assertThat;

final class TestScreen {
    private TestScreen() {
    }

    static void assertScreenLine(TerminalSession session, int row, String expected) {
        TestSessions.settle(session);
        assertThat(session.engine().screenLines().get(row)).isEqualTo(expected);
    }
}
