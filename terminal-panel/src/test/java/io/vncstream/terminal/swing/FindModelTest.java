package io.vncstream.terminal.swing;

import io.vncstream.terminal.TerminalSession;
import io.vncstream.terminal.TestSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FindModelTest {
    @TempDir
    Path logDir;

    @Test
    void eachLineGetsExactlyItsOwnMatchesInColumnOrder() {
        try (TerminalSession session = TestSessions.create(logDir, 40, 5)) {
            // Lines with none, one and several matches, in the scrollback and on the screen.
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 30; i++) {
                text.append(switch (i % 4) {
                    case 0 -> "nothing here";
                    case 1 -> "one ab";
                    case 2 -> "ab two ab";
                    default -> "ab ab ab three";
                }).append("\r\n");
            }
            TestSessions.feed(session, text.toString());
            TestSessions.settle(session);
            FindModel find = new FindModel();
            find.search(session.engine().textBuffer(), session.engine()::linesTrimmed, "AB");
            List<FindModel.Match> all = find.matches();
            // Eight lines with one match, seven with two, seven with three.
            assertThat(all).hasSize(8 + 7 * 2 + 7 * 3);

            int history = session.engine().textBuffer().getHistoryLinesCount();
            for (int row = -history - 1; row <= 5; row++) {
                int line = row;
                assertThat(find.matchesOn(row)).as("line %d", row)
                        .isEqualTo(all.stream().filter(m -> m.row() == line).toList());
            }
            assertThat(find.matchesOn(-history + 3)).extracting(FindModel.Match::column).containsExactly(0, 3, 6);
        }
    }
}
