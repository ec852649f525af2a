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
import static io.vncstream.viewer.ui.DemoWindowTestBase.raise;

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
        raise(pane.target());
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
     * Clicks the button, and again (the dialog raised first) while the dialog is still open 3 s
     * later; the third time the button is pressed from the keyboard (its space bar), as a user
     * whose click went nowhere would. Seen in CI and here, one run in two or three of
     * the whole suite: a settled dialog's OK button clicked three times and the dialog still
     * open, the clicks lost somewhere between the robot and the X server (each miss prints the
     * windows over the button). A button that does not work still fails: the dialog must close.
     */
    private static void press(JOptionPaneFixture pane, Supplier<JButtonFixture> button, String text) {
        press(pane.target(), button, text);
    }

    /** As {@link #press(JOptionPaneFixture, Supplier, String)} for any dialog, {@code inDialog} a component in it. */
    static void press(javax.swing.JComponent inDialog, Supplier<JButtonFixture> button, String text) {
        java.util.function.BooleanSupplier closed = () -> !GuiActionRunner.execute(inDialog::isShowing);
        for (int attempt = 1; attempt <= 3; attempt++) {
            if (attempt > 1) {
                raise(inDialog);
            }
            if (attempt < 3) {
                button.get().click();
            } else {
                button.get().focus().pressAndReleaseKeys(java.awt.event.KeyEvent.VK_SPACE);
            }
            if (closesWithin(closed, 3_000)) {
                return;
            }
            System.err.println("OptionPanes: the dialog is still open 3 s after " + text + " was "
                    + (attempt < 3 ? "clicked" : "pressed from the keyboard") + " (" + attempt + ")"
                    + (attempt < 3 ? ", trying again" : ", giving up") + "; " + windowsOver(button.get()));
            // It may still close (a late click) while it is settling again: then it is answered.
            awaitSettled(inDialog, closed);
            if (closed.getAsBoolean()) {
                return;
            }
        }
        throw new AssertionError("the dialog stayed open after " + text + " was clicked twice and pressed from the keyboard");
    }

    /** The showing windows, top-level first, and which of them cover the button's centre: why a click went astray. */
    static String windowsOver(JButtonFixture button) {
        return GuiActionRunner.execute(() -> {
            java.awt.Component b = button.target();
            java.awt.Point centre = b.getLocationOnScreen();
            centre.translate(b.getWidth() / 2, b.getHeight() / 2);
            StringBuilder out = new StringBuilder("button centre " + centre.x + "," + centre.y + "; windows:");
            for (Window w : Window.getWindows()) {
                if (w.isShowing()) {
                    java.awt.Rectangle r = new java.awt.Rectangle(w.getLocationOnScreen(), w.getSize());
                    out.append(' ').append(w.getClass().getSimpleName()).append('"')
                            .append(w instanceof java.awt.Frame f ? f.getTitle() : w instanceof java.awt.Dialog d ? d.getTitle() : w.getName())
                            .append("\" ").append(r.x).append(',').append(r.y).append(' ').append(r.width).append('x').append(r.height)
                            .append(r.contains(centre) ? " COVERS" : "").append(w.isFocused() ? " focused" : "").append(';');
                }
            }
            return out.toString();
        });
    }

    private static boolean closesWithin(java.util.function.BooleanSupplier closed, long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            if (closed.getAsBoolean()) {
                return true;
            }
            Pause.pause(20);
        }
        return closed.getAsBoolean();
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
