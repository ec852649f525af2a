package io.vncstream.gateway;

import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.relay.UpstreamDesktop;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.ClientHandshake;
import io.vncstream.rfb.client.FirstFullUpdate;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.handshake.ConnectionRefusedException;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.security.PasswordFile;
import io.vncstream.rfb.server.ServerSecurity;
import io.vncstream.rfb.testing.XvncServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static io.vncstream.rfb.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fault test of issue 11: the upstream Xvnc killed while it is sending updates (an xterm
 * scrolling). A viewer without consoles has its connection ended at once with the reason, the gateway lets go of
 * its threads, and the next viewer is told the upstream is down rather than seeing a bare EOF.
 */
class UpstreamFaultTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void anUpstreamKilledMidUpdateEndsItsViewersCleanly() throws Exception {
        XvncServer xvnc = XvncServer.builder().geometry(480, 320).vncAuth("upstream1").start();
        Gateway gateway = null;
        try {
            xvnc.xterm(0, 0, 60, 20, dir, "while true; do date +%s.%N; done");
            Path password = xvnc.passwordFile();
            gateway = Gateway.start("127.0.0.1", 0,
                    new UpstreamDesktop(ServerAddress.tcp("127.0.0.1", xvnc.port()), server -> PasswordFile.read(password)),
                    new DeviceRegistry(), ServerSecurity.NONE, Gateway.DEFAULT_MAX_BEHIND);
            long threads0 = ManagementFactory.getThreadMXBean().getThreadCount();
            AtomicReference<Exception> lost = new AtomicReference<>();
            FirstFullUpdate frame = new FirstFullUpdate(new RfbClientHandler() {
                @Override
                public void disconnected(Exception cause) {
                    lost.set(cause == null ? new Exception("closed") : cause);
                }
            });
            // Without the stream extension: a viewer with consoles keeps its session (UpstreamResumeTest).
            RfbClient viewer = RfbClient.connect(ServerAddress.tcp("127.0.0.1", gateway.port()),
                    new ClientConfig().streams(false), frame);
            frame.watch(viewer.framebuffer());
            viewer.start();
            frame.await(Duration.ofSeconds(30));
            Thread.sleep(1000); // updates keep coming: the xterm scrolls
            long killed = System.nanoTime();
            xvnc.close();
            Gateway g = gateway;
            await(Duration.ofSeconds(10), "the viewer's connection ended", () -> lost.get() != null);
            System.out.printf("upstream killed mid-update: the viewer's connection ended %d ms later (%s)%n",
                    (System.nanoTime() - killed) / 1_000_000, lost.get().getMessage());
            await(Duration.ofSeconds(10), "the session is gone", () -> g.viewerCount() == 0);
            viewer.close();
            try (Socket s = new Socket("127.0.0.1", gateway.port())) {
                assertThatThrownBy(() -> new ClientHandshake(RfbInput.of(s.getInputStream()), s.getOutputStream(),
                        new ClientConfig(), "gateway").run())
                        .isInstanceOf(ConnectionRefusedException.class)
                        .hasMessageContaining("connection refused by 127.0.0.1 port " + xvnc.port());
            }
            await(Duration.ofSeconds(10), "the gateway's threads for it are gone",
                    () -> ManagementFactory.getThreadMXBean().getThreadCount() <= threads0 + 1);
        } finally {
            if (gateway != null) {
                gateway.close();
            }
            xvnc.close();
        }
    }
}
