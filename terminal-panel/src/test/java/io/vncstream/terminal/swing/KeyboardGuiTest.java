package io.vncstream.terminal.swing;

import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.awt.event.KeyEvent;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class KeyboardGuiTest extends GuiTestBase {
    private static final String ESC = "\u001b";

    @Test
    void typingSendsExactlyTheBytesOfEachKey() {
        robot.enterText("ls -l");
        robot.pressAndReleaseKey(KeyEvent.VK_ENTER);
        robot.pressAndReleaseKey(KeyEvent.VK_UP);
        robot.pressAndReleaseKey(KeyEvent.VK_DOWN);
        robot.pressAndReleaseKey(KeyEvent.VK_RIGHT);
        robot.pressAndReleaseKey(KeyEvent.VK_LEFT);
        chord(KeyEvent.VK_C, KeyEvent.VK_CONTROL);
        robot.pressAndReleaseKey(KeyEvent.VK_TAB);
        robot.pressAndReleaseKey(KeyEvent.VK_BACK_SPACE);
        robot.pressAndReleaseKey(KeyEvent.VK_ESCAPE);
        robot.waitForIdle();
        awaitSent("ls -l\r" + ESC + "[A" + ESC + "[B" + ESC + "[C" + ESC + "[D" + "\u0003\t\u007f" + ESC);
    }

    @Test
    void functionAndEditingKeysGoThroughTheKeyEncoder() {
        int[] keys = {KeyEvent.VK_F1, KeyEvent.VK_F5, KeyEvent.VK_F12, KeyEvent.VK_HOME, KeyEvent.VK_END,
                KeyEvent.VK_PAGE_UP, KeyEvent.VK_PAGE_DOWN, KeyEvent.VK_DELETE, KeyEvent.VK_INSERT};
        StringBuilder expected = new StringBuilder();
        for (int key : keys) {
            robot.pressAndReleaseKey(key);
            expected.append(new String(session.engine().codeForKey(key, 0), StandardCharsets.ISO_8859_1));
        }
        awaitSent(expected.toString());
        assertThat(expected.toString()).startsWith(ESC + "OP" + ESC + "[15~" + ESC + "[24~");
    }

    @Test
    void applicationCursorModeChangesTheArrowKeys() {
        feedAndSettle(ESC + "[?1h");
        robot.pressAndReleaseKey(KeyEvent.VK_UP);
        awaitSent(ESC + "OA");
    }

    @Test
    void altSendsEscapeBeforeTheCharacterAndCtrlCombosAreControlCharacters() {
        chord(KeyEvent.VK_X, KeyEvent.VK_ALT);
        chord(KeyEvent.VK_D, KeyEvent.VK_CONTROL);
        chord(KeyEvent.VK_OPEN_BRACKET, KeyEvent.VK_CONTROL);
        chord(KeyEvent.VK_SPACE, KeyEvent.VK_CONTROL);
        awaitSent(ESC + "x" + "\u0004" + ESC + "\u0000");
    }

    @Test
    void nothingIsEchoedLocally() {
        robot.enterText("abc");
        awaitSent("abc");
        robot.waitForIdle();
        TestScreen.assertScreenLine(session, 0, "");
    }

    @Test
    void readOnlyDropsTypingAndSaysSo() {
        window.toggleButton("readOnly").click();
        robot.click(panel);
        robot.enterText("x");
        robot.waitForIdle();
        assertThat(sentBytes()).isEmpty();
        assertThat(GuiActionRunner.execute(() -> panel.hintText())).isEqualTo("Read-only: input is not sent");
        window.toggleButton("readOnly").click();
        robot.click(panel);
        robot.enterText("y");
        awaitSent("y");
    }

    @Test
    void afterTheStreamEndsTypingIsDroppedWithAHintAndTheStatusSaysWhy() {
        feedAndSettle("still here\r\n");
        session.streamEnded("device closed");
        javax.swing.JLabel status = window.label("status").target();
        awaitEdt(() -> status.getText().equals("Stream ended: device closed"),
                "status shows the end");
        robot.click(panel);
        robot.enterText("z");
        robot.waitForIdle();
        assertThat(sentBytes()).isEmpty();
        assertThat(GuiActionRunner.execute(() -> panel.hintText())).isEqualTo("Not connected: input is not sent");
        TestScreen.assertScreenLine(session, 0, "still here");
    }

    @Test
    void ctrlShiftVAndShiftInsertPasteTheClipboardWithLineBreaksAsEnter() {
        GuiActionRunner.execute(() -> Toolkit.getDefaultToolkit().getSystemClipboard()
                .setContents(new StringSelection("echo hi\nls"), null));
        chord(KeyEvent.VK_V, KeyEvent.VK_CONTROL, KeyEvent.VK_SHIFT);
        awaitSent("echo hi\rls");
        clearSent();
        chord(KeyEvent.VK_INSERT, KeyEvent.VK_SHIFT);
        awaitSent("echo hi\rls");
    }

    @Test
    void bracketedPasteWrapsPastedText() {
        feedAndSettle(ESC + "[?2004h");
        GuiActionRunner.execute(() -> panel.pasteText("a\nb"));
        awaitSent(ESC + "[200~a\rb" + ESC + "[201~");
    }

    @Test
    void ctrlPlusMinusAndZeroZoomTheFontAndTheGridFollows() {
        int size = GuiActionRunner.execute(() -> panel.fontSize());
        int columns = GuiActionRunner.execute(() -> panel.columns());
        chord(KeyEvent.VK_EQUALS, KeyEvent.VK_CONTROL);
        chord(KeyEvent.VK_EQUALS, KeyEvent.VK_CONTROL);
        chord(KeyEvent.VK_EQUALS, KeyEvent.VK_CONTROL);
        robot.waitForIdle();
        assertThat(GuiActionRunner.execute(() -> panel.fontSize())).isEqualTo(size + 3);
        assertThat(GuiActionRunner.execute(() -> panel.columns())).isLessThan(columns);
        assertThat(session.engine().terminal().getTerminalWidth())
                .isEqualTo(GuiActionRunner.execute(() -> panel.columns()));
        chord(KeyEvent.VK_MINUS, KeyEvent.VK_CONTROL);
        robot.waitForIdle();
        assertThat(GuiActionRunner.execute(() -> panel.fontSize())).isEqualTo(size + 2);
        chord(KeyEvent.VK_0, KeyEvent.VK_CONTROL);
        robot.waitForIdle();
        assertThat(GuiActionRunner.execute(() -> panel.fontSize())).isEqualTo(size);
        assertThat(GuiActionRunner.execute(() -> panel.columns())).isEqualTo(columns);
        assertThat(sentBytes()).as("zoom keys are not sent").isEmpty();
    }

    private void awaitSent(String expected) {
        byte[] bytes = expected.getBytes(StandardCharsets.ISO_8859_1);
        awaitEdt(() -> java.util.Arrays.equals(sentBytes(), bytes), "sent bytes are " + printable(expected));
        assertThat(sentBytes()).isEqualTo(bytes);
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }
}
