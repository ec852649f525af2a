package io.vncstream.viewer.ui;

import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.testing.TestPeers;
import io.vncstream.rfb.testing.XvncServer;
import io.vncstream.viewer.connect.AppConfig;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.Window;
import java.nio.file.Path;
import java.util.ArrayList;

import static io.vncstream.viewer.ui.DemoWindowTestBase.await;
import static io.vncstream.viewer.ui.DemoWindowTestBase.awaitEdt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The viewer window on a plain TigerVNC Xvnc (no stream extension, so no device list) with a VM
 * text console's screen size, 720x400: the picture's actions, the reconnect banner in a small
 * window, and the window following the remote screen's size as TigerVNC's viewer does.
 */
class XvncWindowGuiTest {
    @TempDir
    Path temp;
    XvncServer xvnc;
    ViewerApp app;
    ViewerWindow viewer;
    RfbClient resizer;

    @BeforeEach
    void start() throws Exception {
        TestPeers.requireDisplay();
        xvnc = XvncServer.builder().geometry(720, 400).start();
        FailOnThreadViolationRepaintManager.install();
        app = new ViewerApp(new AppConfig(temp.resolve("config")));
        app.setRememberServers(false);
        app.setConsoleLogDirectory(temp.resolve("logs"));
        GuiActionRunner.execute(() -> {
            app.theme().apply();
            app.showConnectWindow(xvnc.address(), true);
        });
        awaitEdt(() -> viewerWindow() != null, "the viewer window is shown");
        viewer = GuiActionRunner.execute(this::viewerWindow);
        awaitEdt(() -> viewer.screen().image() != null, "the first picture arrived");
    }

    @AfterEach
    void stop() {
        if (resizer != null) {
            resizer.close();
        }
        if (app != null) {
            GuiActionRunner.execute(() -> new ArrayList<>(app.windows()).forEach(Window::dispose));
        }
        if (xvnc != null) {
            xvnc.close();
        }
    }

    private ViewerWindow viewerWindow() {
        for (Window w : app.windows()) {
            if (w instanceof ViewerWindow v && v.isShowing()) {
                return v;
            }
        }
        return null;
    }

    private JButton toolbarButton(String name) {
        for (Component c : viewer.toolbar().getComponents()) {
            if (c instanceof JButton b && name.equals(b.getName())) {
                return b;
            }
        }
        throw new AssertionError("no toolbar button " + name);
    }

    @Test
    void screenshotIsEnabledOnceThePictureIsThereWithoutAnyOtherEvent() {
        JButton screenshot = GuiActionRunner.execute(() -> toolbarButton("tool.screenshot"));
        awaitEdt(screenshot::isEnabled, "Screenshot... is enabled");
    }

    @Test
    void theReconnectBannerWrapsLongMessagesWithinTheWindowAndEndsEachSentence() {
        GuiActionRunner.execute(() -> {
            viewer.setSize(480, viewer.getHeight());
            return null;
        });
        xvnc.close();
        xvnc = null;
        awaitEdt(() -> viewer.banner().message().contains("Trying again in"), "the banner says it tries again");
        String message = GuiActionRunner.execute(() -> viewer.banner().message());
        assertThat(message).as("a sentence break before the next sentence").containsPattern("[.!?] Trying again in \\d+ s\\.$");
        awaitEdt(() -> {
            viewer.validate();
            return true;
        }, "laid out");
        GuiActionRunner.execute(() -> {
            DisconnectedBanner banner = viewer.banner();
            viewer.getContentPane().validate();
            int content = viewer.getContentPane().getWidth();
            assertThat(banner.getWidth()).as("banner width in a %d px content pane", content).isLessThanOrEqualTo(content);
            JComponent button = find(banner, "banner.reconnect");
            Rectangle b = SwingUtilities.convertRectangle(button.getParent(), button.getBounds(), banner);
            assertThat(b.x + b.width).as("the Reconnect button's right edge").isLessThanOrEqualTo(banner.getWidth());
            assertThat(b.width).as("the button is its full width").isGreaterThanOrEqualTo(button.getPreferredSize().width);
            JComponent text = banner.textArea();
            assertThat(text.getX() + text.getWidth()).as("the text ends before the button").isLessThanOrEqualTo(b.x);
            assertThat(text.getHeight()).as("the message wrapped onto more lines, all shown")
                    .isGreaterThanOrEqualTo(text.getPreferredSize().height)
                    .isGreaterThan(2 * text.getFontMetrics(text.getFont()).getHeight() - 1);
            assertThat(viewer.screenScroll().getWidth()).as("the screen is not laid out wider either").isLessThanOrEqualTo(content);
            return null;
        });
    }

    @Test
    void theWindowFollowsTheRemoteScreenSizeUntilTheUserResizesIt() throws Exception {
        Dimension first = GuiActionRunner.execute(() -> viewer.screenScroll().getViewport().getExtentSize());
        assertThat(first).isEqualTo(new Dimension(720, 400));

        resizeRemoteScreen(720, 480);
        awaitEdt(() -> viewer.screenScroll().getViewport().getExtentSize().equals(new Dimension(720, 480)),
                "the window grew with the remote screen to show all of 720x480");
        resizeRemoteScreen(800, 600);
        awaitEdt(() -> viewer.screenScroll().getViewport().getExtentSize().equals(new Dimension(800, 600)),
                "and again to 800x600");

        Dimension chosen = GuiActionRunner.execute(() -> {
            viewer.setSize(viewer.getWidth() - 100, viewer.getHeight() - 50); // by hand
            return viewer.getSize();
        });
        resizeRemoteScreen(640, 480);
        awaitEdt(() -> viewer.screen().image().getWidth() == 640, "the new picture is shown");
        Thread.sleep(500);
        Dimension now = GuiActionRunner.execute(() -> viewer.getSize());
        assertThat(now).as("the size the user chose stays").isEqualTo(chosen);
    }

    /** SetDesktopSize (message 251) from a second client, as a VM switching video modes would change it. */
    private void resizeRemoteScreen(int width, int height) throws Exception {
        if (resizer == null) {
            resizer = RfbClient.connect(ServerAddress.tcp("127.0.0.1", xvnc.port()), new ClientConfig(),
                    new RfbClientHandler() { });
            resizer.start();
        }
        resizer.send(out -> out.u8(251).padding(1).u16(width).u16(height).u8(1).padding(1)
                .u32(0).u16(0).u16(0).u16(width).u16(height).u32(0));
        await(() -> resizer.framebuffer().width() == width && resizer.framebuffer().height() == height,
                "Xvnc is " + width + "x" + height);
    }

    private static JComponent find(java.awt.Container root, String name) {
        for (Component c : root.getComponents()) {
            if (name.equals(c.getName())) {
                return (JComponent) c;
            }
            if (c instanceof java.awt.Container k) {
                JComponent found = find(k, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
