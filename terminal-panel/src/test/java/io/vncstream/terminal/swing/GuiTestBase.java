package io.vncstream.terminal.swing;

import io.vncstream.rfb.testing.TestPeers;
import io.vncstream.terminal.TerminalSession;
import io.vncstream.terminal.TestSessions;
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
import javax.swing.JFrame;
import javax.swing.ToolTipManager;
import java.awt.Color;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A terminal view in a real window, driven by AssertJ-Swing's robot. Needs an X display: without
 * one the tests skip and say why, except in CI (CI=true), where that is a failure.
 */
abstract class GuiTestBase {
    @TempDir
    Path logDir;

    TerminalSession session;
    TerminalPanel panel;
    FrameFixture window;
    Robot robot;
    /** Every byte the terminal sent to the device. */
    final ByteArrayOutputStream sent = new ByteArrayOutputStream();

    @BeforeEach
    void openWindow() {
        // Checked per test (not once per class) so that every GUI test is reported as skipped.
        TestPeers.requireDisplay();
        FailOnThreadViolationRepaintManager.install();
        // A tooltip popping up over the terminal would spoil the pixel checks.
        GuiActionRunner.execute(() -> ToolTipManager.sharedInstance().setEnabled(false));
        session = TestSessions.createForGui(logDir, 80, 24);
        session.attach(bytes -> {
            synchronized (sent) {
                sent.writeBytes(bytes);
            }
        });
        JFrame frame = GuiActionRunner.execute(() -> {
            JFrame f = new JFrame("terminal test");
            // Xvfb has no window manager: for a decorated frame the toolkit first guesses the
            // decoration insets and corrects them later, so for a moment every on-screen
            // position it reports is off and robot clicks and screen captures miss.
            f.setUndecorated(true);
            f.setContentPane(content(session.view()));
            f.pack();
            return f;
        });
        panel = GuiActionRunner.execute(() -> session.component());
        window = new FrameFixture(frame);
        window.show();
        robot = window.robot();
        awaitStableLocation();
        robot.click(panel);
        awaitEdt(() -> panel.isFocusOwner(), "terminal has the keyboard focus");
    }

    /** What the test window shows: the terminal's view, or something holding it. Event thread. */
    JComponent content(TerminalView view) {
        return view;
    }

    /** Waits until the panel's reported position on screen has stopped changing. */
    private void awaitStableLocation() {
        awaitSettled(panel);
    }

    /**
     * Waits until a component's reported position on screen has stopped changing: a decorated
     * dialog (a JOptionPane's) moves once its insets are known, and a click before that misses.
     */
    static void awaitSettled(java.awt.Component c) {
        Point[] last = {null};
        int[] sameFor = {0};
        Pause.pause(new Condition("the window has settled on the screen") {
            @Override
            public boolean test() {
                Point now = GuiActionRunner.execute(() -> c.isShowing() ? c.getLocationOnScreen() : null);
                sameFor[0] = now != null && now.equals(last[0]) ? sameFor[0] + 1 : 0;
                last[0] = now;
                // Polls come every few milliseconds: ask for a tenth of a second without a move,
                // which outlasts the window system's round trip that corrects the position.
                return sameFor[0] >= 10;
            }
        }, Timeout.timeout(10_000));
    }

    @AfterEach
    void closeWindow() {
        if (window != null) {
            window.cleanUp();
        }
        if (session != null) {
            session.close();
        }
    }

    /**
     * Presses {@code key} while holding the given modifier keys (KeyEvent.VK_CONTROL and so on):
     * the robot's own modifier argument wants the old-style masks, which are deprecated.
     */
    void chord(int key, int... modifierKeys) {
        for (int modifier : modifierKeys) {
            robot.pressKey(modifier);
        }
        robot.pressAndReleaseKey(key);
        for (int i = modifierKeys.length - 1; i >= 0; i--) {
            robot.releaseKey(modifierKeys[i]);
        }
        robot.waitForIdle();
    }

    byte[] sentBytes() {
        synchronized (sent) {
            return sent.toByteArray();
        }
    }

    void clearSent() {
        synchronized (sent) {
            sent.reset();
        }
    }

    /** Feeds output and waits until the emulator has shown it and a frame has painted. */
    void feedAndSettle(String text) {
        TestSessions.feed(session, text);
        TestSessions.settle(session);
        robot.waitForIdle();
        Pause.pause(3 * RepaintScheduler.FRAME_MILLIS);
        robot.waitForIdle();
    }

    /** Waits (at most 10 s) until {@code check}, evaluated on the event thread, holds. */
    void awaitEdt(Supplier<Boolean> check, String description) {
        Pause.pause(new Condition(description) {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(check::get);
            }
        }, Timeout.timeout(10_000));
    }

    /** What the screen shows in a cell of the panel (row 0 is the top visible row). */
    BufferedImage capture(int column, int visibleRow, int cells) {
        Rectangle first = GuiActionRunner.execute(() -> panel.cellBounds(column, visibleRow));
        Point origin = GuiActionRunner.execute(() -> panel.getLocationOnScreen());
        Rectangle area = new Rectangle(origin.x + first.x, origin.y + first.y, first.width * cells, first.height);
        try {
            return new java.awt.Robot().createScreenCapture(area);
        } catch (java.awt.AWTException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (at most 5 s) until what the screen shows satisfies {@code check}. */
    void awaitScreen(String description, Supplier<Boolean> check) {
        Pause.pause(new Condition(description) {
            @Override
            public boolean test() {
                return check.get();
            }
        }, Timeout.timeout(5_000));
    }

    static boolean anyPixel(BufferedImage image, Predicate<Color> test) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (test.test(new Color(image.getRGB(x, y)))) {
                    return true;
                }
            }
        }
        return false;
    }

    static double share(BufferedImage image, Predicate<Color> test) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (test.test(new Color(image.getRGB(x, y)))) {
                    count++;
                }
            }
        }
        return (double) count / (image.getWidth() * image.getHeight());
    }

    static boolean isLight(Color c) {
        return c.getRed() > 150 && c.getGreen() > 150 && c.getBlue() > 150;
    }

    /** The centre of a visible cell, relative to the panel. */
    Point cellCentre(int column, int visibleRow) {
        Rectangle cell = GuiActionRunner.execute(() -> panel.cellBounds(column, visibleRow));
        return new Point(cell.x + cell.width / 2, cell.y + cell.height / 2);
    }

    /** The left edge of a visible cell, vertically centred, relative to the panel. */
    Point cellLeftEdge(int column, int visibleRow) {
        Rectangle cell = GuiActionRunner.execute(() -> panel.cellBounds(column, visibleRow));
        return new Point(cell.x + 1, cell.y + cell.height / 2);
    }
}
