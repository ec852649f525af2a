package io.vncstream.viewer.screen;

import io.vncstream.gateway.Gateway;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.relay.UpstreamDesktop;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.server.ServerSecurity;
import io.vncstream.rfb.testing.ClipboardCheck;
import io.vncstream.rfb.testing.Eventually;
import io.vncstream.rfb.testing.XClipboard;
import io.vncstream.rfb.testing.XvncServer;
import io.vncstream.viewer.connect.ConnectionSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.swing.SwingUtilities;
import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.StringSelection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The viewer's clipboard with a real Xvnc, directly and through the gateway: text set on the
 * server with xclip lands on the viewer's clipboard exactly (Unicode, a mebibyte), the viewer's
 * Unicode text reaches {@code xclip -o} on the server, and with sync off nothing crosses.
 * The viewer's clipboard is a private one, so the test does not depend on the desktop's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClipboardBridgeXvncTest {
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

    private static String text(Clipboard clipboard) throws Exception {
        AtomicReference<String> out = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                out.set(clipboard.isDataFlavorAvailable(DataFlavor.stringFlavor)
                        ? (String) clipboard.getData(DataFlavor.stringFlavor) : null);
            } catch (Exception e) {
                out.set(null);
            }
        });
        return out.get();
    }

    @ParameterizedTest(name = "through the gateway: {0}")
    @ValueSource(booleans = {false, true})
    void unicodeAndAMebibyteBothWays(boolean throughGateway) throws Exception {
        Clipboard local = new Clipboard("viewer under test");
        RemoteScreen[] screen = new RemoteScreen[1];
        SwingUtilities.invokeAndWait(() -> screen[0] = new RemoteScreen(local));
        RfbClientHandler handler = new RfbClientHandler() {
            @Override
            public void serverCutText(String text) {
                screen[0].serverCutText(text);
            }
        };
        ServerAddress address = throughGateway ? ServerAddress.tcp("127.0.0.1", gateway.port()) : ServerAddress.parse(xvnc.address());
        try (XClipboard server = new XClipboard(xvnc);
             RfbClient client = RfbClient.connect(address, new ConnectionSettings().toClientConfig(), handler)) {
            client.start();
            SwingUtilities.invokeAndWait(() -> screen[0].attach(client.framebuffer(), RemoteInput.of(client)));
            Eventually.await(Duration.ofSeconds(10), "the extended clipboard offered", client::extendedClipboard);

            server.set(ClipboardCheck.UNICODE);
            Eventually.await(Duration.ofSeconds(15), "the server's Unicode text on the viewer's clipboard",
                    () -> ClipboardCheck.UNICODE.equals(text(local)));
            String mebibyte = ClipboardCheck.mebibyteOfText();
            server.set(mebibyte);
            Eventually.await(Duration.ofSeconds(30), "the server's 1 MiB text on the viewer's clipboard",
                    () -> mebibyte.equals(text(local)));

            String fromViewer = "aus dem Viewer: " + ClipboardCheck.UNICODE;
            SwingUtilities.invokeAndWait(() -> {
                local.setContents(new StringSelection(fromViewer), null);
                screen[0].clipboard().checkLocal();
            });
            Eventually.await(Duration.ofSeconds(15), "the viewer's text in xclip -o on the server",
                    () -> fromViewer.equals(server.get()));

            SwingUtilities.invokeAndWait(() -> screen[0].clipboard().setSyncEnabled(false));
            server.set("not shared");
            SwingUtilities.invokeAndWait(() -> {
                local.setContents(new StringSelection("not shared either"), null);
                screen[0].clipboard().checkLocal();
            });
            Thread.sleep(1500);
            assertThat(text(local)).isEqualTo("not shared either");
            assertThat(server.get()).isEqualTo("not shared");
            assertThat(client.isClosed()).isFalse();
        } finally {
            SwingUtilities.invokeAndWait(() -> screen[0].detach());
        }
    }
}
