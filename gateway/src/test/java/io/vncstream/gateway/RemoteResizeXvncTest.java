package io.vncstream.gateway;

import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.relay.UpstreamDesktop;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.FirstFullUpdate;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.pseudo.ScreenLayout;
import io.vncstream.rfb.server.ServerSecurity;
import io.vncstream.rfb.testing.Eventually;
import io.vncstream.rfb.testing.PixelDiff;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.TestPeers;
import io.vncstream.rfb.testing.XvncServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remote resize through the gateway in front of a real Xvnc: SetDesktopSize (251) is relayed
 * upstream, Xvnc resizes (xdpyinfo on its display says so), the answer comes back, and the
 * viewer's session goes on. Before, the gateway dropped the viewer on 251 ("unknown client
 * message type 251"), which ended TigerVNC's session whenever its window was maximised.
 */
class RemoteResizeXvncTest {
    private XvncServer xvnc;
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        xvnc = XvncServer.builder().depth(24).geometry(640, 480).start();
        xvnc.background().flatArea(100, 100, 200, 150, 0x3366CC).waitUntilStable();
        gateway = Gateway.start("127.0.0.1", 0, new UpstreamDesktop(ServerAddress.tcp("127.0.0.1", xvnc.port()), null),
                new DeviceRegistry(), ServerSecurity.NONE, Gateway.DEFAULT_MAX_BEHIND);
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (xvnc != null) {
            xvnc.close();
        }
    }

    /** The size of the X screen, as {@code xdpyinfo} on the server's display reports it. */
    static String screenSize(XvncServer server) throws Exception {
        TestPeers.requireProgram("xdpyinfo", "x11-utils");
        String out = Processes.check(Duration.ofSeconds(15), Map.of("DISPLAY", ":" + server.display()), server.dir(),
                "xdpyinfo");
        Matcher m = Pattern.compile("dimensions:\\s+(\\d+x\\d+) pixels").matcher(out);
        return m.find() ? m.group(1) : "no dimensions in xdpyinfo's output";
    }

    private record Answer(int reason, int status, int width, int height) {
    }

    @Test
    void ourClientResizesXvncThroughTheGatewayAndStaysConnected(@TempDir Path dir) throws Exception {
        BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
        RfbClientHandler handler = new RfbClientHandler() {
            @Override
            public void extendedDesktopSize(int reason, int status, int width, int height, ScreenLayout layout) {
                answers.add(new Answer(reason, status, width, height));
            }
        };
        try (RfbClient client = RfbClient.connect(ServerAddress.tcp("127.0.0.1", gateway.port()), new ClientConfig(), handler)) {
            client.start();
            Eventually.await(Duration.ofSeconds(10), "Xvnc offers remote resize through the gateway",
                    client::supportsRemoteResize);
            answers.clear();
            assertThat(client.requestDesktopSize(800, 600)).isTrue();

            Answer answer = answers.poll(10, TimeUnit.SECONDS);
            while (answer != null && answer.reason() != 1) {
                answer = answers.poll(10, TimeUnit.SECONDS);
            }
            assertThat(answer).as("Xvnc's answer to SetDesktopSize").isEqualTo(new Answer(1, 0, 800, 600));
            assertThat(screenSize(xvnc)).isEqualTo("800x600");
            Eventually.await(Duration.ofSeconds(10), "the client's framebuffer is 800x600",
                    () -> client.framebuffer().width() == 800 && client.framebuffer().height() == 600);
            long before = client.updatesReceived();
            client.requestUpdate(false);
            Eventually.await(Duration.ofSeconds(10), "updates after the resize", () -> client.updatesReceived() > before);
            assertThat(client.isClosed()).as("session closed").isFalse();
            assertThat(gateway.viewerCount()).isEqualTo(1);
        }
        xvnc.waitUntilStable();
        FirstFullUpdate.Frame frame = Frames.take("127.0.0.1::" + gateway.port(), new ClientConfig());
        assertThat(frame.width() + "x" + frame.height()).isEqualTo("800x600");
        PixelDiff.assertMatches(PixelDiff.read(xvnc.referencePng(dir.resolve("xwd.png"))), Frames.image(frame),
                PixelDiff.EXACT, "a snapshot through the gateway after the resize");
    }

    @Test
    void tigerVncViewerResizesXvncThroughTheGateway() throws Exception {
        String vncviewer = TestPeers.requireProgram("vncviewer", "tigervnc-viewer");
        // TigerVNC's viewer needs a display of its own: a second Xvnc, nobody looks at it.
        try (XvncServer screen = XvncServer.builder().depth(24).geometry(1280, 1024).start()) {
            Process viewer = Processes.start(Map.of("DISPLAY", ":" + screen.display()), screen.dir(),
                    screen.dir().resolve("vncviewer.log"), List.of(vncviewer, "-DesktopSize=1024x700",
                            "-RemoteResize=1", "-SecurityTypes=None", "127.0.0.1::" + gateway.port()));
            try {
                Eventually.await(Duration.ofSeconds(20), "Xvnc resized to 1024x700 by vncviewer through the gateway",
                        () -> screenSize(xvnc).equals("1024x700"));
                Thread.sleep(2000);
                assertThat(gateway.viewerCount()).as("viewers still connected to the gateway\n"
                        + Processes.tail(screen.dir().resolve("vncviewer.log"))).isEqualTo(1);
                assertThat(viewer.isAlive()).isTrue();
            } finally {
                Processes.killTree(viewer.toHandle());
            }
        }
    }
}
