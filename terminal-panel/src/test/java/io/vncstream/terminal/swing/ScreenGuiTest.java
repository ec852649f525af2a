package io.vncstream.terminal.swing;

import io.vncstream.terminal.TerminalOptions;
import org.assertj.swing.core.MouseButton;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Toolkit;
import java.awt.datatransfer.DataFlavor;
import java.awt.event.KeyEvent;

import static org.assertj.core.api.Assertions.assertThat;

class ScreenGuiTest extends GuiTestBase {

    @Test
    void bytesFedFromAnotherThreadAppearOnScreenInTheirColours() {
        feedAndSettle("plain \u001b[31mred\u001b[0m \u001b[42m    \u001b[0m");
        awaitScreen("plain text painted light", () -> anyPixel(capture(0, 0, 5), GuiTestBase::isLight));
        assertThat(anyPixel(capture(0, 0, 5), ScreenGuiTest::isRed)).as("no red in the plain text").isFalse();
        awaitScreen("red text painted red", () -> anyPixel(capture(6, 0, 3), ScreenGuiTest::isRed));
        awaitScreen("green background fills its cells", () -> share(capture(10, 0, 4),
                c -> c.getGreen() > 120 && c.getRed() < 80 && c.getBlue() < 80) > 0.9);
        assertThat(anyPixel(capture(20, 0, 10), GuiTestBase::isLight)).as("nothing painted after the text").isFalse();
    }

    @Test
    void dragSelectsAndCopyPutsTheTextOnTheClipboard() throws Exception {
        feedAndSettle("alpha beta gamma\r\n");
        robot.pressMouse(panel, cellLeftEdge(6, 0), MouseButton.LEFT_BUTTON);
        robot.moveMouse(panel, cellLeftEdge(8, 0));
        robot.moveMouse(panel, cellLeftEdge(10, 0));
        robot.releaseMouse(MouseButton.LEFT_BUTTON);
        robot.waitForIdle();
        assertThat(GuiActionRunner.execute(() -> panel.selectedText())).isEqualTo("beta");
        chord(KeyEvent.VK_C, KeyEvent.VK_CONTROL, KeyEvent.VK_SHIFT);
        robot.waitForIdle();
        assertThat(clipboardText()).isEqualTo("beta");
        assertThat(sentBytes()).as("copy keys are not sent").isEmpty();
        awaitScreen("the selection is painted", () -> share(capture(6, 0, 4), c -> c.equals(ColorScheme.SELECTION)) > 0.3);
    }

    @Test
    void doubleClickSelectsAWordAndTripleClickTheLine() {
        feedAndSettle("alpha beta gamma\r\n");
        robot.click(panel, cellCentre(12, 0), MouseButton.LEFT_BUTTON, 2);
        robot.waitForIdle();
        assertThat(GuiActionRunner.execute(() -> panel.selectedText())).isEqualTo("gamma");
        robot.click(panel, cellCentre(2, 0), MouseButton.LEFT_BUTTON, 3);
        robot.waitForIdle();
        assertThat(GuiActionRunner.execute(() -> panel.selectedText()).trim()).isEqualTo("alpha beta gamma");
    }

    @Test
    void theContextMenuCopiesAndPastes() throws Exception {
        feedAndSettle("one two\r\n");
        robot.click(panel, cellCentre(5, 0), MouseButton.LEFT_BUTTON, 2);
        robot.click(panel, cellCentre(5, 3), MouseButton.RIGHT_BUTTON, 1);
        window.menuItem("copy").click();
        assertThat(clipboardText()).isEqualTo("two");
        robot.click(panel, cellCentre(5, 3), MouseButton.RIGHT_BUTTON, 1);
        window.menuItem("paste").click();
        awaitEdt(() -> new String(sentBytes()).equals("two"), "pasted text sent");
    }

    @Test
    void middleClickPastesTheSelection() {
        feedAndSettle("hello world\r\n");
        robot.click(panel, cellCentre(8, 0), MouseButton.LEFT_BUTTON, 2);
        robot.waitForIdle();
        assertThat(GuiActionRunner.execute(() -> panel.selectedText())).isEqualTo("world");
        robot.click(panel, cellCentre(3, 5), MouseButton.MIDDLE_BUTTON, 1);
        awaitEdt(() -> new String(sentBytes()).equals("world"), "middle click pasted the word");
    }

    @Test
    void findHighlightsAMatchInTheScrollbackAndScrollsToIt() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append(i == 20 ? "the needle is here" : "hay " + i).append("\r\n");
        }
        feedAndSettle(text.toString());
        assertThat(GuiActionRunner.execute(() -> panel.scrollOffset())).isZero();
        window.textBox("find").enterText("needle\n");
        robot.waitForIdle();
        window.label("findResult").requireText("1/1");
        int offset = GuiActionRunner.execute(() -> panel.scrollOffset());
        assertThat(offset).as("scrolled back into history").isPositive();
        FindModel.Match match = GuiActionRunner.execute(() -> panel.findModel().current());
        assertThat(match.row()).as("the match is in the scrollback").isNegative();
        int visibleRow = match.row() + offset;
        assertThat(visibleRow).isBetween(0, GuiActionRunner.execute(() -> panel.rows()) - 1);
        awaitScreen("the match is highlighted", () -> share(capture(match.column(), visibleRow, match.length()),
                c -> c.equals(ColorScheme.FIND_CURRENT)) > 0.3);
        assertThat(share(capture(0, visibleRow, 3), c -> c.equals(ColorScheme.FIND_CURRENT))).isZero();
        assertThat(GuiActionRunner.execute(() -> panel.scrollBar().getValue())).isEqualTo(-offset);
    }

    /** A console keeps printing while the person looks at a match: the highlight stays on its text. */
    @Test
    void findMatchesFollowTheirTextAsOutputScrollsItAndAreDroppedWhenTrimmed() {
        feedAndSettle("hay\r\nthe needle is here\r\nhay\r\n");
        window.textBox("find").enterText("needle\n");
        window.label("findResult").requireText("1/1");
        assertThat(GuiActionRunner.execute(() -> panel.findModel().current().row())).isEqualTo(1);

        StringBuilder more = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            more.append("more ").append(i).append("\r\n");
        }
        feedAndSettle(more.toString());
        awaitEdt(() -> panel.findModel().current() != null && panel.findModel().current().row() < 0,
                "the match moved up into the scrollback with its text");
        FindModel.Match match = GuiActionRunner.execute(() -> panel.findModel().current());
        assertThat(lineText(match.row()).substring(match.column(), match.column() + match.length())).isEqualTo("needle");
        GuiActionRunner.execute(() -> panel.findPrevious());
        int offset = GuiActionRunner.execute(() -> panel.scrollOffset());
        int visibleRow = match.row() + offset;
        assertThat(visibleRow).isBetween(0, GuiActionRunner.execute(() -> panel.rows()) - 1);
        awaitScreen("the moved match is highlighted on its text", () -> share(capture(match.column(), visibleRow,
                match.length()), c -> c.equals(ColorScheme.FIND_CURRENT)) > 0.3);

        StringBuilder flood = new StringBuilder();
        for (int i = 0; i < TerminalOptions.DEFAULT_SCROLLBACK_LINES * 11 / 10; i++) {
            flood.append(i).append("\r\n");
        }
        feedAndSettle(flood.toString());
        awaitEdt(() -> panel.findModel().matches().isEmpty(), "the match went with its trimmed line");
        assertThat(GuiActionRunner.execute(() -> panel.findModel().current())).isNull();
        awaitEdt(() -> "no match".equals(window.label("findResult").target().getText()), "the find result says so");
    }

    private String lineText(int row) {
        return GuiActionRunner.execute(() -> {
            session.engine().textBuffer().lock();
            try {
                return session.engine().textBuffer().getLine(row).getText();
            } finally {
                session.engine().textBuffer().unlock();
            }
        });
    }

    @Test
    void findNextAndPreviousWalkTheMatches() {
        feedAndSettle("x1\r\nfoo a\r\nbar\r\nfoo b\r\nfoo c\r\n");
        assertThat(GuiActionRunner.execute(() -> panel.find("FOO"))).isTrue();
        assertThat(GuiActionRunner.execute(() -> panel.findModel().matches())).hasSize(3);
        assertThat(GuiActionRunner.execute(() -> panel.findModel().current().row())).isEqualTo(4);
        GuiActionRunner.execute(() -> panel.findPrevious());
        assertThat(GuiActionRunner.execute(() -> panel.findModel().current().row())).isEqualTo(3);
        GuiActionRunner.execute(() -> panel.findNext());
        GuiActionRunner.execute(() -> panel.findNext());
        assertThat(GuiActionRunner.execute(() -> panel.findModel().current().row())).isEqualTo(1);
    }

    @Test
    void resizingTheWindowTellsTheEmulatorTheNewSize() {
        window.resizeTo(new Dimension(500, 300));
        robot.waitForIdle();
        int columns = GuiActionRunner.execute(() -> panel.columns());
        int rows = GuiActionRunner.execute(() -> panel.rows());
        assertThat(columns).isLessThan(80);
        awaitEdt(() -> session.engine().terminal().getTerminalWidth() == columns
                && session.engine().terminal().getTerminalHeight() == rows, "emulator resized");
        feedAndSettle("x".repeat(columns + 3));
        assertThat(session.engine().screenLines().get(1)).isEqualTo("xxx");
    }

    @Test
    void theScrollbarCoversTheScrollbackAndTheWheelScrolls() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            text.append("line ").append(i).append("\r\n");
        }
        feedAndSettle(text.toString());
        int history = session.engine().textBuffer().getHistoryLinesCount();
        assertThat(history).isGreaterThan(70);
        assertThat(GuiActionRunner.execute(() -> panel.scrollBar().getMinimum())).isEqualTo(-history);
        robot.rotateMouseWheel(panel, -2);
        robot.waitForIdle();
        assertThat(GuiActionRunner.execute(() -> panel.scrollOffset())).isEqualTo(6);
        // Typing returns to the bottom.
        robot.enterText("q");
        awaitEdt(() -> panel.scrollOffset() == 0, "back at the bottom after typing");
    }

    @Test
    void aScrolledBackViewKeepsShowingTheSameLinesWhileOutputArrivesAndTheScrollbackIsTrimmed() {
        // Fill the scrollback (10,000 lines) so that more output makes the engine trim its top.
        feedAndSettle(lines("old", 10_100));
        GuiActionRunner.execute(() -> panel.scrollBy(30));
        robot.waitForIdle();
        String shown = topVisibleLine();
        assertThat(shown).startsWith("old ");
        long trimmedBefore = trimmed();
        feedAndSettle(lines("new", 1_500));
        assertThat(trimmed()).isGreaterThan(trimmedBefore);
        assertThat(topVisibleLine()).isEqualTo(shown);
    }

    private static String lines(String prefix, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(prefix).append(' ').append(i).append("\r\n");
        }
        return text.toString();
    }

    /** The text of the top row on view. */
    private String topVisibleLine() {
        return GuiActionRunner.execute(() -> {
            java.util.List<String> history = session.engine().historyLines();
            return history.get(history.size() - panel.scrollOffset());
        });
    }

    private long trimmed() {
        session.engine().textBuffer().lock();
        try {
            return session.engine().linesTrimmed();
        } finally {
            session.engine().textBuffer().unlock();
        }
    }

    @Test
    void aBurstRepaintsAtMostOncePerFrame() {
        int before = GuiActionRunner.execute(() -> panel.framesRefreshed());
        long start = System.nanoTime();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append("burst line ").append(i).append("\r\n");
        }
        feedAndSettle(text.toString());
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        int frames = GuiActionRunner.execute(() -> panel.framesRefreshed()) - before;
        assertThat(frames).isPositive();
        assertThat(frames).as("frames in %d ms", elapsedMillis)
                .isLessThanOrEqualTo((int) (elapsedMillis / RepaintScheduler.FRAME_MILLIS) + 2);
        assertThat(session.engine().screenLines()).contains("burst line 19999");
    }


    private static boolean isRed(Color c) {
        return c.getRed() > 150 && c.getGreen() < 90 && c.getBlue() < 90;
    }

    static String clipboardText() throws Exception {
        return GuiActionRunner.execute(() -> (String) Toolkit.getDefaultToolkit().getSystemClipboard()
                .getData(DataFlavor.stringFlavor));
    }
}
