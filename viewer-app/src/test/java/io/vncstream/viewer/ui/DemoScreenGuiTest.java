package io.vncstream.viewer.ui;

import io.vncstream.gateway.demo.DemoScene;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.testing.PixelDiff;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.JFileChooserFixture;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.AWTException;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The remote screen of the demo: what is painted, what is sent, what is saved. */
class DemoScreenGuiTest extends DemoWindowTestBase {
    /** The demo's title card and colour squares: nothing animates there. */
    private static final Rectangle STILL = new Rectangle(0, 0, 650, 290);

    @Test
    void theWindowShowsTheDemoDesktopPixelForPixel() throws Exception {
        assertThat(GuiActionRunner.execute(() -> viewer.getTitle())).isEqualTo("vncstream demo - vncstream");
        await(() -> same(region(sceneImage(), STILL), region(framebufferImage(), STILL)),
                "the client framebuffer holds the demo desktop");
        BufferedImage expected = region(sceneImage(), STILL);
        assertThat(PixelDiff.distinctColours(expected)).as("the compared area has real content").isGreaterThan(50);
        PixelDiff.assertMatches(expected, region(framebufferImage(), STILL), PixelDiff.EXACT, "client framebuffer");
        PixelDiff.assertMatches(region(framebufferImage(), STILL), onScreen(STILL), PixelDiff.EXACT, "painted screen");
    }

    @Test
    void viewOnlyBlocksKeysAndPointer() {
        Point middle = new Point(300, 400);
        // Control: without view-only, clicks and keys reach the demo server.
        long before = demo.scene().inputEvents();
        window.robot().click(viewer.screen(), middle);
        robot.pressAndReleaseKey(KeyEvent.VK_A);
        await(() -> demo.scene().inputEvents() > before, "input reaches the server");

        window.toggleButton("tool.viewOnly").click();
        awaitEdt(() -> viewer.screen().isViewOnly(), "view-only is on");
        robot.waitForIdle();
        long blocked = demo.scene().inputEvents();
        window.robot().click(viewer.screen(), middle);
        window.robot().moveMouse(viewer.screen(), new Point(350, 420));
        robot.pressAndReleaseKey(KeyEvent.VK_B);
        robot.enterText("view only");
        // Enough round trips for a stray event to arrive: the connection keeps updating the clock.
        long updates = GuiActionRunner.execute(() -> viewer.client().updatesReceived());
        await(() -> viewer.client().updatesReceived() > updates + 5, "five more updates arrived");
        assertThat(demo.scene().inputEvents()).as("input events at the server in view-only mode").isEqualTo(blocked);
    }

    @Test
    void theScreenshotActionWritesThePngOfTheFramebuffer() throws Exception {
        // Stop the clock and the moving box so that the picture holds still. Stopping may cut a
        // tick between drawing and telling the viewers, so ask for the whole picture once more.
        demo.scene().close();
        Thread.sleep(300);
        GuiActionRunner.execute(() -> viewer.client().requestUpdate(false));
        await(() -> same(sceneImage(), framebufferImage()), "the framebuffer caught up with the stopped scene");
        Path file = temp.resolve("shot.png");
        // The chooser is a real dialog. Drawn by the look and feel (undecorated at the window
        // system), its position on screen is known at once: Xvfb has no window manager, and a
        // natively decorated dialog is placed by guessed insets that robot clicks then miss.
        boolean wasDecorated = javax.swing.JDialog.isDefaultLookAndFeelDecorated();
        javax.swing.JDialog.setDefaultLookAndFeelDecorated(true);
        try {
            window.menuItem("menu.connection").click();
            window.menuItem("menu.screenshot").click();
            JFileChooserFixture chooser = window.fileChooser();
            chooser.setCurrentDirectory(temp.toFile());
            chooser.fileNameTextBox().setText("shot");
            awaitSettled(chooser.approveButton().target());
            chooser.approve();
        } finally {
            javax.swing.JDialog.setDefaultLookAndFeelDecorated(wasDecorated);
        }
        await(() -> Files.exists(file), "shot.png was written (.png added to the name)");
        awaitEdt(() -> viewer.statusText().startsWith("Screenshot saved"), "the status line says so");
        BufferedImage png = ImageIO.read(file.toFile());
        assertThat(png.getWidth()).isEqualTo(DemoScene.WIDTH);
        assertThat(png.getHeight()).isEqualTo(DemoScene.HEIGHT);
        PixelDiff.assertMatches(framebufferImage(), png, PixelDiff.EXACT, "screenshot");
    }

    private BufferedImage framebufferImage() {
        Framebuffer fb = viewer.client().framebuffer();
        BufferedImage img = new BufferedImage(fb.width(), fb.height(), BufferedImage.TYPE_INT_RGB);
        int[] px = fb.pixels().clone();
        for (int i = 0; i < px.length; i++) {
            px[i] &= 0xFFFFFF;
        }
        img.setRGB(0, 0, fb.width(), fb.height(), px, 0, fb.width());
        return img;
    }

    private BufferedImage sceneImage() {
        BufferedImage img = new BufferedImage(DemoScene.WIDTH, DemoScene.HEIGHT, BufferedImage.TYPE_INT_RGB);
        synchronized (demo.scene().lock()) {
            img.setRGB(0, 0, DemoScene.WIDTH, DemoScene.HEIGHT, demo.scene().pixels(), 0, DemoScene.WIDTH);
        }
        return img;
    }

    /** The part of the X screen where the window paints framebuffer area {@code r}. */
    private BufferedImage onScreen(Rectangle r) throws AWTException {
        Rectangle at = GuiActionRunner.execute(() -> {
            Rectangle c = viewer.screen().mapping().toComponent(r.x, r.y, r.width, r.height);
            Point origin = viewer.screen().getLocationOnScreen();
            c.translate(origin.x, origin.y);
            return c;
        });
        assertThat(at.getSize()).as("1:1 scaling").isEqualTo(r.getSize());
        return new java.awt.Robot().createScreenCapture(at);
    }

    /** A copy of an area, as plain RGB, so that images compare with equals-like checks. */
    private static BufferedImage region(BufferedImage img, Rectangle r) {
        BufferedImage out = new BufferedImage(r.width, r.height, BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(img.getSubimage(r.x, r.y, r.width, r.height), 0, 0, null);
        return out;
    }

    private static boolean same(BufferedImage expected, BufferedImage actual) {
        return PixelDiff.describe(expected, actual, PixelDiff.EXACT) == null;
    }
}
