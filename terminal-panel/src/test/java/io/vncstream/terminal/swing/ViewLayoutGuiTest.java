package io.vncstream.terminal.swing;

import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

import javax.swing.JLabel;
import javax.swing.JToolBar;
import javax.swing.SwingUtilities;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

/** How the view lays out at its default size: the toolbar's status and the text's margin. */
class ViewLayoutGuiTest extends GuiTestBase {

    @Test
    void theStatusIsShownWholeWithRoomToTheRightEdge() {
        JLabel status = window.label("status").target();
        awaitEdt(() -> status.getText().equals("Connected"), "the status says Connected");
        JToolBar bar = (JToolBar) SwingUtilities.getAncestorOfClass(JToolBar.class, status);
        Rectangle at = GuiActionRunner.execute(() -> status.getBounds());
        int barRight = GuiActionRunner.execute(() -> bar.getWidth() - bar.getInsets().right);
        assertThat(at.width).as("the label's width against the width its text needs")
                .isGreaterThanOrEqualTo(GuiActionRunner.execute(() -> status.getPreferredSize().width));
        int textRight = at.x + at.width - GuiActionRunner.execute(() -> status.getInsets().right);
        assertThat(barRight - textRight).as("room between the text and the right edge").isGreaterThanOrEqualTo(4);
    }

    @Test
    void aLongStatusGivesWayInsideTheBarAndKeepsItsWholeTextInTheTooltip() {
        JLabel status = window.label("status").target();
        String reason = "the device went away while a very long reason was being written out in full";
        session.streamEnded(reason);
        awaitEdt(() -> status.getText().startsWith("Stream ended"), "the status shows the end");
        JToolBar bar = (JToolBar) SwingUtilities.getAncestorOfClass(JToolBar.class, status);
        robot.waitForIdle();
        Rectangle at = GuiActionRunner.execute(() -> status.getBounds());
        assertThat(at.x + at.width).as("right edge of the label")
                .isLessThanOrEqualTo(GuiActionRunner.execute(() -> bar.getWidth() - bar.getInsets().right));
        assertThat(GuiActionRunner.execute(() -> status.getToolTipText())).isEqualTo("Stream ended: " + reason);
    }

    @Test
    void theTextKeepsAMarginFromTheLeftEdge() {
        feedAndSettle("\u001b[7mX\u001b[0m\r\n");
        Rectangle first = GuiActionRunner.execute(() -> panel.cellBounds(0, 0));
        assertThat(first.x).as("left edge of the first column").isGreaterThanOrEqualTo(3);
        // On screen: the margin is background, the (inverse) first cell is light right after it.
        awaitScreen("the inverse X is painted after the margin", () -> {
            BufferedImage now = captureLeftEdge(first.x + first.width, first.y, first.height);
            return share(now.getSubimage(first.x, 0, first.width, first.height), GuiTestBase::isLight) > 0.3;
        });
        BufferedImage row = captureLeftEdge(first.x + first.width, first.y, first.height);
        assertThat(share(row.getSubimage(0, 0, first.x, first.height), GuiTestBase::isLight))
                .as("light pixels in the margin").isZero();
    }

    private BufferedImage captureLeftEdge(int width, int y, int height) {
        java.awt.Point origin = GuiActionRunner.execute(() -> panel.getLocationOnScreen());
        try {
            return new java.awt.Robot().createScreenCapture(new Rectangle(origin.x, origin.y + y, width, height));
        } catch (java.awt.AWTException e) {
            throw new IllegalStateException(e);
        }
    }
}
