package io.vncstream.gateway;

import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.relay.UpstreamDesktop;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.testing.ClipboardCheck;
import io.vncstream.rfb.server.ServerSecurity;
import io.vncstream.rfb.testing.Eventually;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.TestPeers;
import io.vncstream.rfb.testing.XClipboard;
import io.vncstream.rfb.testing.XvncServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extended clipboard through the gateway in front of a real Xvnc: our client gets and gives
 * UTF-8 exactly as it does directly, and so does TigerVNC's own viewer (its clipboard read with
 * xclip on the viewer's display). Before, the gateway stripped 0xC0A1E5CE and both fell back
 * to Latin-1, losing "世界 ✓".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClipboardThroughGatewayXvncTest {
    private XvncServer xvnc;
    private Gateway gateway;

    @BeforeAll
    void start() throws Exception {
        xvnc = XvncServer.builder().depth(24).geometry(320, 240).start();
        gateway = Gateway.start("127.0.0.1", 0, new UpstreamDesktop(ServerAddress.tcp("127.0.0.1", xvnc.port()), null),
                new DeviceRegistry(), ServerSecurity.NONE, Gateway.DEFAULT_MAX_BEHIND);
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (xvnc != null) {
            xvnc.close();
        }
    }

    @Test
    void ourClientThroughTheGatewayBothWaysAndAMebibyte() throws Exception {
        ClipboardCheck.bothWays(xvnc, ServerAddress.tcp("127.0.0.1", gateway.port()));
    }

    @Test
    void tigerVncViewerThroughTheGatewayGetsUnicode() throws Exception {
        String vncviewer = TestPeers.requireProgram("vncviewer", "tigervnc-viewer");
        String unicode = "Gr\u00fc\u00dfe, \u4e16\u754c \u2713";
        try (XvncServer screen = XvncServer.builder().depth(24).geometry(800, 600).start();
             XClipboard server = new XClipboard(xvnc);
             XClipboard viewerSide = new XClipboard(screen)) {
            Process viewer = Processes.start(Map.of("DISPLAY", ":" + screen.display()), screen.dir(),
                    screen.dir().resolve("vncviewer.log"), List.of(vncviewer, "-SecurityTypes=None",
                            "127.0.0.1::" + gateway.port()));
            try {
                Eventually.await(Duration.ofSeconds(20), "vncviewer connected", () -> gateway.viewerCount() == 1);
                // TigerVNC's viewer takes the server's clipboard only while its window has the focus.
                TestPeers.requireProgram("xdotool", "xdotool");
                Processes.check(Duration.ofSeconds(20), Map.of("DISPLAY", ":" + screen.display()), screen.dir(),
                        "xdotool", "search", "--sync", "--onlyvisible", "--name", "TigerVNC", "windowfocus");
                server.set(unicode);
                Eventually.await(Duration.ofSeconds(20), "the server's Unicode text on vncviewer's display",
                        () -> unicode.equals(viewerSide.get()));
                String back = "zur\u00fcck \u2713";
                viewerSide.set(back);
                Eventually.await(Duration.ofSeconds(20), "vncviewer's Unicode text on the server",
                        () -> back.equals(server.get()));
                assertThat(gateway.viewerCount()).isEqualTo(1);
            } finally {
                Processes.killTree(viewer.toHandle());
            }
        }
    }
}
