package io.vncstream.gateway;

import io.vncstream.gateway.device.Device;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.device.SocketBackend;
import io.vncstream.gateway.load.SequenceChecker;
import io.vncstream.gateway.load.SequenceSource;
import io.vncstream.gateway.relay.UpstreamDesktop;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.server.ServerSecurity;
import io.vncstream.rfb.testing.PixelDiff;
import io.vncstream.rfb.testing.XvncServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.client.ClientHandshake;
import io.vncstream.rfb.client.ServerMessageFramer;
import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.message.Fence;
import io.vncstream.rfb.message.FramebufferUpdateRequest;
import io.vncstream.rfb.message.SetEncodings;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.vncstream.rfb.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11 defect 15, second half, with a real Xvnc killed and started again on the same port:
 * a viewer with consoles keeps its session while the upstream is down (its consoles byte-exact,
 * a placeholder on its screen) and gets the desktop back, at the new server's size, when it
 * returns; a viewer without the stream extension is ended as before.
 */
class UpstreamResumeTest {
    private static final int PLACEHOLDER_BACKGROUND = 0x2b2b2b;

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void consolesOutliveTheUpstreamAndTheScreenComesBackWhenItIsRestarted() throws Exception {
        // Fractal backgrounds: Tight sends them through its zlib streams, which a new upstream cannot continue.
        XvncServer xvnc = XvncServer.builder().geometry(480, 320).vncAuth("upstream1").start();
        xvnc.background().waitUntilStable();
        int display = xvnc.display();
        XvncServer again = null;
        try (SequenceSource source = new SequenceSource(dir.resolve("ser.sock"), 20_000)) {
            DeviceRegistry registry = new DeviceRegistry();
            registry.add(new Device("ser", SocketBackend.unix(source.path()), 0));
            Gateway gateway = Gateway.start("127.0.0.1", 0, new UpstreamDesktop(ServerAddress.tcp("127.0.0.1", xvnc.port()),
                    server -> "upstream1".toCharArray()), registry, ServerSecurity.NONE, Gateway.DEFAULT_MAX_BEHIND);
            try (StreamViewer viewer = new StreamViewer(gateway.port())) {
                SequenceChecker console = new SequenceChecker();
                viewer.streams.capture("ser", console).get(10, TimeUnit.SECONDS);
                AtomicReference<Exception> plainLost = new AtomicReference<>();
                RfbClient plain = RfbClient.connect(ServerAddress.tcp("127.0.0.1", gateway.port()),
                        new ClientConfig().streams(false), new RfbClientHandler() {
                            @Override
                            public void disconnected(Exception cause) {
                                plainLost.set(cause == null ? new Exception("closed") : cause);
                            }
                        });
                plain.start();
                await(Duration.ofSeconds(10), "console output", () -> console.bytes() > 2000);
                BufferedImage first = PixelDiff.read(xvnc.referencePng(dir.resolve("xwd-first.png")));
                await(Duration.ofSeconds(20), "the viewer shows the first server's screen",
                        () -> PixelDiff.describe(first, image(viewer.client.framebuffer()), PixelDiff.EXACT) == null);

                xvnc.close();
                await(Duration.ofSeconds(10), "the viewer without consoles is ended", () -> plainLost.get() != null);
                plain.close();
                Framebuffer fb = viewer.client.framebuffer();
                await(Duration.ofSeconds(10), "the placeholder on the viewer's screen",
                        () -> (fb.pixel(0, 0) & 0xFFFFFF) == PLACEHOLDER_BACKGROUND);
                assertThat(fb.width() + "x" + fb.height()).as("the placeholder keeps the last size").isEqualTo("480x320");
                long before = console.bytes();
                Thread.sleep(3000);
                assertThat(console.bytes() - before).as("console bytes while the upstream is down").isGreaterThan(30_000);
                assertThat(console.error()).isNull();
                assertThat(viewer.disconnected).isNull();
                assertThat(gateway.viewerCount()).isEqualTo(1);

                again = XvncServer.builder().display(display).geometry(640, 400).vncAuth("upstream1").start();
                again.background();
                again.flatArea(100, 80, 200, 120, 0x3366cc).waitUntilStable();
                await(Duration.ofSeconds(20), "the viewer's screen takes the restarted server's size",
                        () -> fb.width() == 640 && fb.height() == 400);
                BufferedImage expected = PixelDiff.read(again.referencePng(dir.resolve("xwd.png")));
                AtomicReference<String> diff = new AtomicReference<>();
                try {
                    await(Duration.ofSeconds(20), "the viewer's screen equals the restarted server's", () -> {
                        diff.set(PixelDiff.describe(expected, image(fb), PixelDiff.EXACT));
                        return diff.get() == null;
                    });
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + ": " + diff.get(), e);
                }
                long after = console.bytes();
                Thread.sleep(1000);
                assertThat(console.bytes()).isGreaterThan(after);
                assertThat(console.error()).isNull();
                assertThat(viewer.disconnected).isNull();
                assertThat(console.linesChecked()).isGreaterThan(1000);
            } finally {
                gateway.close();
            }
        } finally {
            xvnc.close();
            if (again != null) {
                again.close();
            }
        }
    }

    @Test
    @Timeout(120)
    void withAdmitWhenDownAViewerGetsAPlaceholderDesktopAndItsConsolesUntilTheUpstreamStarts() throws Exception {
        XvncServer probe = XvncServer.builder().geometry(320, 240).start();
        int display = probe.display();
        int port = probe.port();
        probe.close();
        XvncServer xvnc = null;
        try (SequenceSource source = new SequenceSource(dir.resolve("ser.sock"), 20_000)) {
            DeviceRegistry registry = new DeviceRegistry();
            registry.add(new Device("ser", SocketBackend.unix(source.path()), 0));
            Gateway gateway = Gateway.start("127.0.0.1", 0,
                    new UpstreamDesktop(ServerAddress.tcp("127.0.0.1", port), null).admitWhenDown(true),
                    registry, ServerSecurity.NONE, Gateway.DEFAULT_MAX_BEHIND);
            try (StreamViewer viewer = new StreamViewer(gateway.port())) {
                Framebuffer fb = viewer.client.framebuffer();
                assertThat(fb.width() + "x" + fb.height()).isEqualTo("1024x768");
                assertThat(fb.pixel(0, 0) & 0xFFFFFF).isEqualTo(PLACEHOLDER_BACKGROUND);
                SequenceChecker console = new SequenceChecker();
                viewer.streams.capture("ser", console).get(10, TimeUnit.SECONDS);
                await(Duration.ofSeconds(10), "console output while the upstream is down", () -> console.bytes() > 20_000);

                xvnc = XvncServer.builder().display(display).geometry(320, 240).start();
                xvnc.flatArea(10, 10, 100, 50, 0xcc6633).waitUntilStable();
                await(Duration.ofSeconds(20), "the viewer's screen takes the server's size",
                        () -> fb.width() == 320 && fb.height() == 240);
                BufferedImage expected = PixelDiff.read(xvnc.referencePng(dir.resolve("xwd.png")));
                await(Duration.ofSeconds(20), "the viewer's screen equals the server's",
                        () -> PixelDiff.describe(expected, image(fb), PixelDiff.EXACT) == null);
                assertThat(console.error()).isNull();
                assertThat(viewer.disconnected).isNull();
            } finally {
                gateway.close();
            }
        } finally {
            if (xvnc != null) {
                xvnc.close();
            }
        }
    }

    @Test
    @Timeout(120)
    void whileDownFencesAreAnsweredAndAViewerThatCannotResizeIsEndedWhenTheServerComesBackAtAnotherSize() throws Exception {
        XvncServer xvnc = XvncServer.builder().geometry(320, 240).start();
        int display = xvnc.display();
        XvncServer again = null;
        Gateway gateway = Gateway.start("127.0.0.1", 0, new UpstreamDesktop(ServerAddress.tcp("127.0.0.1", xvnc.port()), null),
                new DeviceRegistry(), ServerSecurity.NONE, Gateway.DEFAULT_MAX_BEHIND);
        try (Socket s = new Socket("127.0.0.1", gateway.port())) {
            s.setSoTimeout(30_000);
            RfbInput in = RfbInput.of(s.getInputStream());
            OutputStream out = s.getOutputStream();
            ServerInit init = new ClientHandshake(in, out, new ClientConfig(), "gateway").run();
            // Consoles, but neither DesktopSize nor ExtendedDesktopSize.
            out.write(new SetEncodings(List.of(Encodings.RAW, Encodings.RRE, Encodings.STREAMS)).toBytes());
            out.write(new FramebufferUpdateRequest(false, 0, 0, 320, 240).toBytes());
            ServerMessageFramer framer = new ServerMessageFramer(in, init);
            while (framer.next()[0] != 0) {
                // device notices: none here
            }
            xvnc.close();
            assertThat(framer.next()[0]).as("the placeholder, a FramebufferUpdate").isEqualTo((byte) 0);
            out.write(new Fence(Fence.REQUEST | Fence.BLOCK_BEFORE, new byte[] {'a', 'b', 'c'}).toBytes());
            byte[] answer = framer.next();
            assertThat(framer.lastFence()).as("the answer to the viewer's fence, message type %d", answer[0]).isNotNull();
            assertThat(framer.lastFence().isRequest()).isFalse();
            assertThat(framer.lastFence().data()).containsExactly('a', 'b', 'c');

            again = XvncServer.builder().display(display).geometry(400, 300).start();
            assertThatThrownBy(() -> {
                while (true) {
                    framer.next();
                }
            }).as("the gateway ends the viewer").isInstanceOf(IOException.class);
            await(Duration.ofSeconds(10), "the session is gone", () -> gateway.viewerCount() == 0);
        } finally {
            gateway.close();
            xvnc.close();
            if (again != null) {
                again.close();
            }
        }
    }

    private static BufferedImage image(Framebuffer fb) {
        synchronized (fb) {
            BufferedImage image = new BufferedImage(fb.width(), fb.height(), BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, fb.width(), fb.height(), fb.pixels(), 0, fb.width());
            return image;
        }
    }
}
