package io.vncstream.viewer.ui;

import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.fixture.JButtonFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.assertj.swing.timing.Pause;

import javax.swing.JDialog;
import java.awt.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static io.vncstream.viewer.ui.DemoWindowTestBase.awaitSettled;

/**
 * Answers the app's question dialogs the way a user does: only once the dialog has stopped
 * moving (on a loaded machine a click aimed at a dialog still being placed lands beside its
 * button and leaves it open, modal, in front of every later step), and then checks that it closed.
 */
final class OptionPanes {
    private OptionPanes() {
    }

    /** The question dialog showing now, or within 10 s, once it has settled on the screen. */
    static JOptionPaneFixture find(Robot robot) {
        JOptionPaneFixture pane = JOptionPaneFinder.findOptionPane().withTimeout(10_000).using(robot);
        awaitSettled(pane.target());
        return pane;
    }

    /** Clicks the button labelled {@code text} and waits until the dialog has closed. */
    static void answer(JOptionPaneFixture pane, String text) {
        press(pane, () -> pane.buttonWithText(text), text);
    }

    /** Clicks the OK button and waits until the dialog has closed. */
    static void ok(JOptionPaneFixture pane) {
        press(pane, pane::okButton, "OK");
    }

    /** Clicks the Cancel button and waits until the dialog has closed. */
    static void cancel(JOptionPaneFixture pane) {
        press(pane, pane::cancelButton, "Cancel");
    }

    /**
     * Clicks the button, and again (at most three clicks) while the dialog is still open 3 s
     * later. Seen in CI: a settled dialog whose OK button was clicked stayed open for 15 s, the
     * click lost somewhere between the robot and the X server. A button that does not work
     * still fails: after the third click the dialog must close.
     */
    private static void press(JOptionPaneFixture pane, Supplier<JButtonFixture> button, String text) {
        for (int click = 1; click <= 3; click++) {
            button.get().click();
            if (closesWithin(pane, 3_000)) {
                return;
            }
            System.err.println("OptionPanes: the dialog is still open 3 s after " + text + " was clicked ("
                    + click + (click < 3 ? "), clicking again" : "), giving up"));
            // It may still close (a late click) while it is settling again: then it is answered.
            awaitSettled(pane.target(), () -> !showing(pane));
            if (!showing(pane)) {
                return;
            }
        }
        throw new AssertionError("the dialog stayed open after " + text + " was clicked three times");
    }

    private static boolean showing(JOptionPaneFixture pane) {
        return GuiActionRunner.execute(() -> pane.target().isShowing());
    }

    private static boolean closesWithin(JOptionPaneFixture pane, long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            if (!showing(pane)) {
                return true;
            }
            Pause.pause(20);
        }
        return !showing(pane);
    }

    /**
     * Disposes every dialog still showing (a test that failed half-way may leave one, and a modal
     * dialog would turn every later test of the class into a failure of its own): their titles.
     */
    static List<String> closeLeftovers() {
        return GuiActionRunner.execute(() -> {
            List<String> titles = new ArrayList<>();
            for (Window w : Window.getWindows()) {
                if (w instanceof JDialog d && d.isShowing()) {
                    titles.add(d.getTitle());
                    d.dispose();
                }
            }
            return titles;
        });
    }
}
