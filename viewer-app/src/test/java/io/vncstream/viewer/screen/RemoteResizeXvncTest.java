package io.vncstream.viewer.screen;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.pseudo.ScreenLayout;
import io.vncstream.rfb.testing.Eventually;
import io.vncstream.rfb.testing.PixelDiff;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.TestPeers;
import io.vncstream.rfb.testing.XvncServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.swing.JFrame;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Resize remote session to the window" with a real Xvnc: the viewer's window takes three
 * sizes, Xvnc's screen (xdpyinfo) follows each, and the viewer's picture then equals xwd.
 */
class RemoteResizeXvncTest {
    private static String screenSize(XvncServer server) throws Exception {
        TestPeers.requireProgram("xdpyinfo", "x11-utils");
        String out = Processes.check(Duration.ofSeconds(15), Map.of("DISPLAY", ":" + server.display()), server.dir(),
                "xdpyinfo");
        Matcher m = Pattern.compile("dimensions:\\s+(\\d+x\\d+) pixels").matcher(out);
        return m.find() ? m.group(1) : "none";
    }

    private static BufferedImage picture(RfbClient client) {
        var fb = client.framebuffer();
        BufferedImage image = new BufferedImage(fb.width(), fb.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, fb.width(), fb.height(), fb.pixels(), 0, fb.width());
        return image;
    }

    @Test
    void theRemoteDesktopFollowsTheWindowThroughThreeSizes(@TempDir Path dir) throws Exception {
        TestPeers.requireDisplay();
        List<String> status = new CopyOnWriteArrayList<>();
        try (XvncServer xvnc = XvncServer.builder().depth(24).geometry(640, 480).start()) {
            xvnc.background().flatArea(20, 20, 100, 80, 0x3366CC).waitUntilStable();
            RemoteScreen screen = new RemoteScreen(null);
            JFrame[] frame = new JFrame[1];
            RemoteResize[] resize = new RemoteResize[1];
            SwingUtilities.invokeAndWait(() -> {
                frame[0] = new JFrame("remote resize test");
                JScrollPane scroll = new JScrollPane(screen);
                scroll.setBorder(null);
                frame[0].setContentPane(scroll);
                resize[0] = new RemoteResize(scroll.getViewport(), status::add);
                frame[0].setUndecorated(true);
                frame[0].setSize(500, 400);
                frame[0].setVisible(true);
            });
            RfbClientHandler handler = new RfbClientHandler() {
                @Override
                public void extendedDesktopSize(int reason, int st, int width, int height, ScreenLayout layout) {
                    resize[0].answered(reason, st, width, height);
                }
            };
            ClientConfig config = new ClientConfig().onlyEncoding(Encodings.ZRLE);
            try (RfbClient client = RfbClient.connect(ServerAddress.parse(xvnc.address()), config, handler)) {
                client.start();
                SwingUtilities.invokeAndWait(() -> {
                    screen.attach(client.framebuffer(), RemoteInput.of(client));
                    resize[0].attach(client);
                    resize[0].setEnabled(true);
                });
                for (Dimension size : List.of(new Dimension(800, 600), new Dimension(1024, 700), new Dimension(640, 400))) {
                    SwingUtilities.invokeAndWait(() -> frame[0].setSize(size));
                    String wanted = size.width + "x" + size.height;
                    Eventually.await(Duration.ofSeconds(15), "Xvnc resized to " + wanted + " (status: " + status + ")",
                            () -> screenSize(xvnc).equals(wanted));
                    Eventually.await(Duration.ofSeconds(10), "the viewer's framebuffer is " + wanted,
                            () -> client.framebuffer().width() == size.width && client.framebuffer().height() == size.height);
                    xvnc.waitUntilStable();
                    BufferedImage expected = PixelDiff.read(xvnc.referencePng(dir.resolve("xwd-" + wanted + ".png")));
                    Eventually.await(Duration.ofSeconds(10), "the viewer's picture at " + wanted + " equals xwd",
                            () -> PixelDiff.describe(expected, picture(client), PixelDiff.EXACT) == null);
                }
                assertThat(status).isEmpty();
                assertThat(client.isClosed()).isFalse();
            } finally {
                SwingUtilities.invokeAndWait(() -> {
                    resize[0].dispose();
                    screen.detach();
                    frame[0].dispose();
                });
            }
        }
    }
}
