package io.vncstream.viewer.ui;

import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.fixture.JOptionPaneFixture;

import javax.swing.JDialog;
import java.awt.Window;
import java.util.ArrayList;
import java.util.List;

import static io.vncstream.viewer.ui.DemoWindowTestBase.awaitEdt;
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
        pane.buttonWithText(text).click();
        awaitClosed(pane, text);
    }

    /** Clicks the OK button and waits until the dialog has closed. */
    static void ok(JOptionPaneFixture pane) {
        pane.okButton().click();
        awaitClosed(pane, "OK");
    }

    /** Clicks the Cancel button and waits until the dialog has closed. */
    static void cancel(JOptionPaneFixture pane) {
        pane.cancelButton().click();
        awaitClosed(pane, "Cancel");
    }

    private static void awaitClosed(JOptionPaneFixture pane, String button) {
        awaitEdt(() -> !pane.target().isShowing(), "the dialog closed after " + button + " was clicked");
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
