package io.vncstream.viewer.ui;

import io.vncstream.gateway.demo.EmbeddedDemo;
import io.vncstream.rfb.testing.TestPeers;
import io.vncstream.viewer.connect.AppConfig;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import javax.swing.JComponent;
import javax.swing.ToolTipManager;
import java.awt.Point;
import java.awt.Window;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The real viewer window (decorated, as users get it) connected to the embedded demo gateway
 * through the connection window, driven by AssertJ-Swing's robot. Xvfb has no window manager,
 * so a decorated frame's position on screen is guessed first and corrected later: every test
 * waits until the component it uses has stopped moving before it clicks or captures.
 */
abstract class DemoWindowTestBase {
    @TempDir
    Path temp;

    EmbeddedDemo demo;
    ViewerApp app;
    ViewerWindow viewer;
    FrameFixture window;
    Robot robot;

    @BeforeEach
    void connectToDemo() throws Exception {
        TestPeers.requireDisplay();
        FailOnThreadViolationRepaintManager.install();
        demo = EmbeddedDemo.start(0);
        app = new ViewerApp(new AppConfig(temp.resolve("config")));
        app.setRememberServers(false);
        app.setConsoleLogDirectory(temp.resolve("logs"));
        GuiActionRunner.execute(() -> {
            ToolTipManager.sharedInstance().setEnabled(false);
            app.theme().apply();
            app.showConnectWindow(address(), true);
        });
        awaitEdt(() -> viewerWindow() != null, "the viewer window replaced the connection window");
        viewer = GuiActionRunner.execute(this::viewerWindow);
        window = new FrameFixture(viewer);
        robot = window.robot();
        awaitEdt(() -> viewer.screen().image() != null, "the first picture arrived");
        awaitEdt(() -> devices().equals(List.of("serial0", "log0")), "the device list shows serial0 and log0");
        awaitSettled(viewer.screen());
    }

    String address() {
        return "127.0.0.1::" + demo.port();
    }

    private ViewerWindow viewerWindow() {
        for (Window w : app.windows()) {
            if (w instanceof ViewerWindow v && v.isShowing()) {
                return v;
            }
        }
        return null;
    }

    @AfterEach
    void closeAll() {
        if (window != null) {
            window.cleanUp();
        }
        if (app != null) {
            GuiActionRunner.execute(() -> {
                for (Window w : new ArrayList<>(app.windows())) {
                    w.dispose();
                }
            });
        }
        if (demo != null) {
            demo.close();
        }
    }

    List<String> devices() {
        return GuiActionRunner.execute(() -> viewer.devicePanel().devices());
    }

    /** Opens a device's console as a user does: double-click in the device list. */
    ConsoleTab openConsole(String device) {
        awaitSettled(viewer.devicePanel().deviceList());
        window.list("devices").item(device).doubleClick();
        awaitEdt(() -> viewer.consoles().selected() != null && viewer.consoles().selected().device().equals(device),
                "the console tab of " + device + " is selected");
        ConsoleTab tab = GuiActionRunner.execute(() -> viewer.consoles().get(device));
        awaitEdt(() -> tab.capture() != null, device + " is captured");
        awaitEdt(() -> tab.session().component().isFocusOwner(), "the terminal has the keyboard focus");
        return tab;
    }

    /** Types a line into the focused component, as key presses. */
    void typeLine(String text) {
        robot.enterText(text);
        robot.pressAndReleaseKey(java.awt.event.KeyEvent.VK_ENTER);
        robot.waitForIdle();
    }

    /** Everything the console shows: scrollback and screen. */
    static String consoleText(ConsoleTab tab) {
        List<String> lines = new ArrayList<>(tab.session().engine().historyLines());
        lines.addAll(tab.session().engine().screenLines());
        return String.join("\n", lines);
    }

    int subscribers(String device) {
        var d = demo.registry().get(device);
        return d == null ? -1 : d.subscriberCount();
    }

    /** Waits (at most 15 s) until {@code check}, evaluated on the event thread, holds. */
    static void awaitEdt(Supplier<Boolean> check, String description) {
        Pause.pause(new Condition(description) {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(check::get);
            }
        }, Timeout.timeout(15_000));
    }

    /** Waits (at most 15 s) until {@code check} holds (any thread). */
    static void await(Supplier<Boolean> check, String description) {
        Pause.pause(new Condition(description) {
            @Override
            public boolean test() {
                return check.get();
            }
        }, Timeout.timeout(15_000));
    }

    /**
     * Waits until the component's position on screen has not changed for 400 ms. Time, not a
     * count of polls (they come every 10 ms): a window just shown may report a stale position
     * (0,0) for a few polls before X tells the toolkit where it really is, and a click aimed at
     * it then lands beside the target.
     */
    static void awaitSettled(JComponent c) {
        awaitSettled(c, () -> false);
    }

    /**
     * Raises {@code c}'s window above the others, puts it again where the toolkit thinks it is,
     * and waits until it has settled. Xvfb has no window manager to keep a dialog above its
     * owner or to report where it placed a window: seen in CI, a dialog the toolkit placed at
     * (0,0) while the viewer window covered the point the robot aimed at for its OK button, and
     * a connection window whose tab the robot clicked in vain. Moving the window a pixel and
     * back makes the X server's idea of its place the toolkit's (the same place is no request).
     */
    static void raise(JComponent c) {
        GuiActionRunner.execute(() -> {
            java.awt.Window w = javax.swing.SwingUtilities.getWindowAncestor(c);
            if (w != null) {
                java.awt.Point at = w.getLocation();
                w.setLocation(at.x + 1, at.y);
                w.setLocation(at);
                w.toFront();
            }
        });
        awaitSettled(c);
    }

    /** The same, or until {@code instead} holds (checked first, off the event thread). */
    static void awaitSettled(JComponent c, java.util.function.BooleanSupplier instead) {
        Point[] last = {null};
        long[] since = {0};
        Pause.pause(new Condition(c.getName() + " has settled on the screen") {
            @Override
            public boolean test() {
                if (instead.getAsBoolean()) {
                    return true;
                }
                Point now = GuiActionRunner.execute(() -> c.isShowing() ? c.getLocationOnScreen() : null);
                long t = System.nanoTime();
                if (now == null || !now.equals(last[0])) {
                    last[0] = now;
                    since[0] = t;
                    return false;
                }
                return t - since[0] >= 400_000_000L;
            }
        }, Timeout.timeout(10_000));
    }
}
