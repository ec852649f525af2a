package io.vncstream.viewer.ui;

import io.vncstream.gateway.demo.EmbeddedDemo;
import io.vncstream.terminal.StreamStatus;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Devices and consoles of the demo in the window: hot-plug, a shell, closing, losing the connection. */
class DemoConsolesGuiTest extends DemoWindowTestBase {

    @Test
    void theShellHotPlugsDevicesIntoTheListAndAnswersCommands() {
        ConsoleTab serial = openConsole("serial0");
        assertThat(subscribers("serial0")).as("captures of serial0 at the server").isEqualTo(1);

        typeLine("plug extra");
        awaitEdt(() -> devices().equals(List.of("serial0", "log0", "extra")), "extra appears in the device list");

        typeLine("echo marker-" + 42 * 1000);
        await(() -> consoleText(serial).lines().anyMatch(l -> l.equals("marker-42000")),
                "the command's output (not just its echo) is shown");

        typeLine("unplug extra");
        awaitEdt(() -> devices().equals(List.of("serial0", "log0")), "extra is gone from the device list");
    }

    @Test
    void closingTheTabEndsTheCapture() {
        openConsole("serial0");
        await(() -> subscribers("serial0") == 1, "the server captures serial0 for us");

        window.menuItem("menu.consoles").click();
        window.menuItem("menu.closeConsole").click();

        await(() -> subscribers("serial0") == 0, "the server saw the capture end");
        awaitEdt(() -> viewer.consoles().get("serial0") == null && viewer.tabs().getTabCount() == 1,
                "only the screen tab is left");
        awaitEdt(() -> viewer.screen().isFocusOwner(), "the keyboard is back on the screen");
    }

    @Test
    void theTabsCloseButtonEndsTheCaptureToo() {
        ConsoleTab log = openConsole("log0");
        await(() -> subscribers("log0") == 1, "the server captures log0 for us");
        awaitSettled(viewer.tabs());
        java.awt.Point close = GuiActionRunner.execute(() -> {
            java.awt.Rectangle tab = viewer.tabs().getBoundsAt(viewer.tabs().indexOfComponent(log.view()));
            // FlatLaf draws the close button at the trailing end of the tab
            return new java.awt.Point(tab.x + tab.width - 12, tab.y + tab.height / 2);
        });
        robot.click(viewer.tabs(), close);
        await(() -> subscribers("log0") == 0, "the server saw the capture end");
        awaitEdt(() -> viewer.consoles().get("log0") == null && viewer.tabs().getTabCount() == 1, "the tab is gone");
        assertThat(log.session().status()).isEqualTo(StreamStatus.CLOSED);
    }

    @Test
    void aRemovedDeviceKeepsItsTabWithItsContents() {
        openConsole("serial0");
        typeLine("plug extra");
        awaitEdt(() -> devices().contains("extra"), "extra is listed");
        ConsoleTab extra = openConsole("extra");
        typeLine("hello extra");
        await(() -> consoleText(extra).contains("hello extra"), "the echo device answers");

        demo.registry().remove("extra");

        awaitEdt(() -> !devices().contains("extra"), "extra left the list");
        awaitEdt(() -> extra.session().status() == StreamStatus.ENDED, "the console says its stream ended");
        awaitEdt(() -> viewer.tabs().getTitleAt(viewer.tabs().indexOfComponent(extra.view())).equals("extra (removed)"),
                "the tab is marked removed");
        assertThat(consoleText(extra)).contains("hello extra");
    }

    @Test
    void ctrlPageDownSwitchesBetweenScreenAndConsoles() {
        openConsole("serial0");
        robot.pressKey(java.awt.event.KeyEvent.VK_CONTROL);
        robot.pressAndReleaseKey(java.awt.event.KeyEvent.VK_PAGE_DOWN);
        robot.releaseKey(java.awt.event.KeyEvent.VK_CONTROL);
        awaitEdt(() -> viewer.tabs().getSelectedIndex() == 0 && viewer.screen().isFocusOwner(),
                "the screen tab is shown and has the keyboard");
        robot.pressKey(java.awt.event.KeyEvent.VK_CONTROL);
        robot.pressAndReleaseKey(java.awt.event.KeyEvent.VK_PAGE_UP);
        robot.releaseKey(java.awt.event.KeyEvent.VK_CONTROL);
        awaitEdt(() -> viewer.tabs().getSelectedIndex() == 1
                && viewer.consoles().get("serial0").session().component().isFocusOwner(), "back on the console");
    }

    @Test
    void losingTheServerSaysSoAndReconnectingReopensTheConsole() throws Exception {
        ConsoleTab serial = openConsole("serial0");
        typeLine("echo before-" + "the-gap");
        await(() -> consoleText(serial).lines().anyMatch(l -> l.equals("before-the-gap")), "output before the drop");
        int port = demo.port();

        demo.close();

        awaitEdt(() -> viewer.banner().isVisible() && viewer.banner().message().startsWith("Connection lost"),
                "the window says the connection is lost");
        awaitEdt(() -> viewer.getTitle().contains("(disconnected)"), "the title says so");
        awaitEdt(() -> serial.session().status() == StreamStatus.ENDED
                && viewer.tabs().getTitleAt(1).equals("serial0 (disconnected)"), "the console tab is marked");
        assertThat(subscribers("serial0")).isEqualTo(-1); // the old server has no devices left

        demo = EmbeddedDemo.start(port);

        awaitEdt(() -> !viewer.banner().isVisible() && viewer.keeper().isConnected(), "reconnected by itself");
        await(() -> subscribers("serial0") == 1, "the new server captures serial0 for the reopened console");
        awaitEdt(() -> serial.capture() != null && viewer.tabs().getTitleAt(1).equals("serial0"), "the tab is live again");
        awaitEdt(() -> viewer.getTitle().equals("vncstream demo - vncstream"), "the title is back");
        // The note goes through the terminal's feed like output: it shows a moment after the tab is live.
        await(() -> consoleText(serial).contains("captured again at"), "the gap marker");
        String text = GuiActionRunner.execute(() -> consoleText(serial));
        assertThat(text).as("scrollback kept, then the gap marker").contains("before-the-gap");
        int gap = text.indexOf("captured again at");
        assertThat(gap).isGreaterThan(text.indexOf("before-the-gap"));

        GuiActionRunner.execute(() -> serial.session().component().requestFocusInWindow());
        awaitEdt(() -> serial.session().component().isFocusOwner(), "the terminal has the keyboard");
        typeLine("echo after-" + "the-gap");
        await(() -> consoleText(serial).lines().anyMatch(l -> l.equals("after-the-gap")), "the console works again");
        assertThat(consoleText(serial).indexOf("after-the-gap")).isGreaterThan(consoleText(serial).indexOf("captured again at"));
    }

    /**
     * The server replays its backlog as soon as a capture starts, on the capture's delivery
     * thread, while the event thread may still be busy: what it replays must still come after
     * the gap note. The event thread is held here to make that happen every time.
     */
    @Test
    void outputThatArrivesBeforeTheTabIsAttachedComesAfterTheGapNote() {
        ConsoleTab log = openConsole("log0");
        await(() -> logNumbers(consoleText(log)).size() >= 1, "a log line is shown");
        GuiActionRunner.execute(() -> log.capture().close());
        awaitEdt(() -> !log.isLive(), "the capture ended");
        long lastBefore = GuiActionRunner.execute(() -> logNumbers(consoleText(log)).stream().mapToLong(n -> n).max().orElseThrow());
        await(() -> demo.registry().get("log0") != null, "log0 is listed");
        sleep(1500); // log0 prints while no one captures it: the backlog holds lines not yet shown

        GuiActionRunner.execute(() -> {
            viewer.consoles().open("log0");
            sleep(1500); // the event thread is busy while the replay arrives
        });

        await(() -> consoleText(log).contains("captured again at"), "the gap marker is shown");
        await(() -> logNumbers(consoleText(log)).stream().anyMatch(n -> n > lastBefore), "lines from the gap are shown");
        String text = GuiActionRunner.execute(() -> consoleText(log));
        String beforeNote = text.substring(0, text.indexOf("captured again at"));
        assertThat(logNumbers(beforeNote)).as("lines before the gap note").allMatch(n -> n <= lastBefore);
    }

    /** log0 numbers its lines: "... [17]". */
    private static final Pattern LOG_NUMBER = Pattern.compile("\\[(\\d+)\\]$");

    private static List<Long> logNumbers(String text) {
        return text.lines().map(l -> LOG_NUMBER.matcher(l.strip()))
                .filter(Matcher::find).map(m -> Long.parseLong(m.group(1))).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void reconnectingToTheSameServerDoesNotPrintItsBacklogTwice() {
        ConsoleTab serial = openConsole("serial0");
        typeLine("echo once-" + "only");
        await(() -> consoleText(serial).lines().filter(l -> l.equals("once-only")).count() == 1, "the output is shown");

        window.button("tool.reconnect").click();

        await(() -> consoleText(serial).contains("captured again at"), "the gap marker is shown");
        awaitEdt(() -> serial.capture() != null, "serial0 is captured again");
        await(() -> subscribers("serial0") == 1, "one capture at the server: the old one ended with its connection");
        GuiActionRunner.execute(() -> serial.session().component().requestFocusInWindow());
        awaitEdt(() -> serial.session().component().isFocusOwner(), "the terminal has the keyboard");
        typeLine("echo after-" + "reconnect");
        await(() -> consoleText(serial).lines().anyMatch(l -> l.equals("after-reconnect")), "the console works again");
        // The server replayed its backlog (banner, the echo above) to the new capture: shown once only.
        assertThat(consoleText(serial).lines().filter(l -> l.equals("once-only"))).hasSize(1);
        assertThat(consoleText(serial).lines().filter(l -> l.contains("serial console. Type 'help'"))).hasSize(1);
    }

    @Test
    void fullScreenKeepsTheConnectionAndTheConsoles() {
        ConsoleTab serial = openConsole("serial0");
        GuiActionRunner.execute(() -> viewer.toggleFullScreen());
        awaitEdt(() -> viewer.isFullScreen() && viewer.isShowing() && viewer.isUndecorated(), "full screen");
        GuiActionRunner.execute(() -> viewer.toggleFullScreen());
        awaitEdt(() -> !viewer.isFullScreen() && viewer.isShowing() && !viewer.isUndecorated(), "windowed again");
        // Leaving and entering full screen rebuilds the native window: it must not count as closing it.
        robot.waitForIdle();
        assertThat(GuiActionRunner.execute(() -> viewer.keeper().isConnected())).isTrue();
        assertThat(GuiActionRunner.execute(() -> app.windows())).contains(viewer);
        assertThat(subscribers("serial0")).isEqualTo(1);
        assertThat(serial.session().status()).isEqualTo(StreamStatus.CONNECTED);
    }

    @Test
    void closingTheWindowEndsItsCaptures() {
        openConsole("serial0");
        await(() -> subscribers("serial0") == 1, "captured");
        window.close();
        await(() -> subscribers("serial0") == 0, "the server saw the capture end");
        await(() -> demo.viewerCount() == 0, "and the viewer leave");
        awaitEdt(() -> app.windows().isEmpty(), "no window is left");
    }
}
