package io.vncstream.gateway;

import io.vncstream.gateway.device.Device;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.device.SocketBackend;
import io.vncstream.gateway.load.LightViewer;
import io.vncstream.gateway.load.SequenceChecker;
import io.vncstream.gateway.load.SequenceSource;
import io.vncstream.gateway.relay.UpstreamDesktop;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.ClientHandshake;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.handshake.ConnectionRefusedException;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.security.PasswordFile;
import io.vncstream.rfb.server.ServerSecurity;
import io.vncstream.rfb.testing.XvncServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11, defects 7 and 14 (exclusive sessions) with TigerVNC's Xvnc behind the gateway: a
 * refusal upstream reaches the viewer as a reason, a burst of viewers is served, and a viewer
 * asking for an exclusive session does not take the other viewers' desktops and consoles away.
 */
class UpstreamRefusalTest {
    @TempDir
    Path dir;

    private static Gateway relay(XvncServer xvnc, DeviceRegistry registry) throws Exception {
        return Gateway.start("127.0.0.1", 0,
                new UpstreamDesktop(ServerAddress.tcp("127.0.0.1", xvnc.port()), server -> PasswordFile.read(xvnc.passwordFile())),
                registry, ServerSecurity.NONE, Gateway.DEFAULT_MAX_BEHIND);
    }

    @Test
    @Timeout(120)
    void aBurstOfTwentyViewersIsServed() throws Exception {
        try (XvncServer xvnc = XvncServer.builder().geometry(320, 240).vncAuth("upstream1").start()) {
            Gateway gateway = relay(xvnc, new DeviceRegistry());
            List<LightViewer> viewers = new CopyOnWriteArrayList<>();
            List<String> failures = new CopyOnWriteArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    Thread t = new Thread(() -> {
                        try {
                            go.await();
                            viewers.add(new LightViewer(gateway.port()));
                        } catch (Exception e) {
                            failures.add(String.valueOf(e.getMessage()));
                        }
                    });
                    t.start();
                    threads.add(t);
                }
                go.countDown();
                for (Thread t : threads) {
                    t.join(60_000);
                }
                assertThat(failures).isEmpty();
                assertThat(viewers).hasSize(20);
            } finally {
                viewers.forEach(LightViewer::close);
                gateway.close();
            }
        }
    }

    @Test
    @Timeout(60)
    void anUpstreamThatIsDownIsAReasonTheViewerSees() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        Gateway gateway = Gateway.start("127.0.0.1", 0, new UpstreamDesktop(ServerAddress.tcp("127.0.0.1", deadPort), null),
                new DeviceRegistry(), ServerSecurity.NONE, Gateway.DEFAULT_MAX_BEHIND);
        try (Socket s = new Socket("127.0.0.1", gateway.port())) {
            assertThatThrownBy(() -> new ClientHandshake(RfbInput.of(s.getInputStream()), s.getOutputStream(), new ClientConfig(), "gateway").run())
                    .isInstanceOf(ConnectionRefusedException.class)
                    .hasMessageContaining("connection refused by 127.0.0.1 port " + deadPort);
        } finally {
            gateway.close();
        }
    }

    @Test
    @Timeout(120)
    void anExclusiveSessionDoesNotEndTheOtherViewersDesktopsOrConsoles() throws Exception {
        try (XvncServer xvnc = XvncServer.builder().geometry(320, 240).vncAuth("upstream1").start();
             SequenceSource source = new SequenceSource(dir.resolve("ser.sock"), 20_000)) {
            DeviceRegistry registry = new DeviceRegistry();
            registry.add(new Device("ser", SocketBackend.unix(source.path()), 0));
            Gateway gateway = relay(xvnc, registry);
            try (LightViewer a = new LightViewer(gateway.port())) {
                SequenceChecker console = new SequenceChecker();
                a.capture("ser", console);
                Frames.take("127.0.0.1::" + gateway.port(), new ClientConfig().shared(false));
                long before = console.bytes();
                Thread.sleep(1500);
                assertThat(a.disconnected()).isNull();
                assertThat(console.bytes()).isGreaterThan(before);
                assertThat(console.error()).isNull();
                assertThat(gateway.viewerCount()).isEqualTo(1);
            } finally {
                gateway.close();
            }
        }
    }
}
