package io.vncstream.gateway;

import io.vncstream.gateway.demo.DemoDesktop;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.load.LightViewer;
import io.vncstream.gateway.net.ConnectionLimits;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.ClientHandshake;
import io.vncstream.rfb.handshake.ConnectionRefusedException;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.server.ServerSecurity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.vncstream.rfb.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 11, defect 5: the gateway's connection caps refuse with a reason, and running out of descriptors does not spin. */
class ConnectionLimitsTest {
    @TempDir
    Path dir;

    private static void handshake(Socket s, String password) throws Exception {
        ClientConfig config = new ClientConfig();
        if (password != null) {
            config.password(server -> password.toCharArray());
        }
        new ClientHandshake(RfbInput.of(s.getInputStream()), s.getOutputStream(), config, "gateway").run();
    }

    @Test
    @Timeout(60)
    void viewersPastMaxViewersAreRefusedWithAReason() throws Exception {
        Gateway g = Gateway.start("127.0.0.1", 0, new DemoDesktop(), new DeviceRegistry(), ServerSecurity.NONE,
                Gateway.DEFAULT_MAX_BEHIND, new ConnectionLimits(2, 8));
        try (LightViewer a = new LightViewer(g.port()); LightViewer b = new LightViewer(g.port());
             Socket c = new Socket("127.0.0.1", g.port())) {
            assertThatThrownBy(() -> handshake(c, null)).isInstanceOf(ConnectionRefusedException.class)
                    .hasMessageContaining("the gateway already serves its maximum of 2 viewers");
            b.close();
            await(Duration.ofSeconds(10), "a place is free again", () -> g.viewerCount() == 1);
            try (LightViewer again = new LightViewer(g.port())) {
                assertThat(again.disconnected()).isNull();
            }
        } finally {
            g.close();
        }
    }

    @Test
    @Timeout(60)
    void anAddressHoldingHandshakesOpenIsRefusedMoreUntilOneEnds() throws Exception {
        Gateway g = Gateway.start("127.0.0.1", 0, new DemoDesktop(), new DeviceRegistry(), ServerSecurity.vncAuth("secret".toCharArray()),
                Gateway.DEFAULT_MAX_BEHIND, new ConnectionLimits(100, 2));
        List<Socket> holders = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                holders.add(new Socket("127.0.0.1", g.port()));
            }
            await(Duration.ofSeconds(10), "both holders accepted", () -> g.viewerCount() == 2);
            try (Socket s = new Socket("127.0.0.1", g.port())) {
                assertThatThrownBy(() -> handshake(s, "secret")).isInstanceOf(ConnectionRefusedException.class)
                        .hasMessageContaining("too many connections from 127.0.0.1 have not authenticated yet");
            }
            holders.get(0).close();
            await(Duration.ofSeconds(40), "the gateway saw a holder go", () -> g.viewerCount() == 1);
            try (Socket s = new Socket("127.0.0.1", g.port())) {
                handshake(s, "secret");
            }
        } finally {
            for (Socket s : holders) {
                s.close();
            }
            g.close();
        }
    }

    @Test
    @Timeout(120)
    void outOfDescriptorsTheAcceptLoopBacksOffAndLogsOncePerInterval() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.start(dir, 160, List.of("-Xmx128m", "-XX:+UseSerialGC"),
                "--demo", "--max-viewers", "5000")) {
            List<Socket> flood = new ArrayList<>();
            try {
                for (int i = 0; i < 200; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(new InetSocketAddress("127.0.0.1", gateway.port), 200);
                        flood.add(s);
                    } catch (java.io.IOException e) {
                        s.close();
                    }
                }
                long cpu0 = gateway.cpuMillis();
                long t0 = System.nanoTime();
                Thread.sleep(5000);
                double cpuShare = (gateway.cpuMillis() - cpu0) / ((System.nanoTime() - t0) / 1e6);
                long failures = Files.readAllLines(gateway.log).stream().filter(l -> l.contains("accept failed")).count();
                System.out.printf("out of descriptors: %d 'accept failed' lines, %.0f%% of a core over 5 s, log %d bytes%n",
                        failures, cpuShare * 100, Files.size(gateway.log));
                Files.readAllLines(gateway.log).stream().filter(l -> l.contains("accept failed")).forEach(System.out::println);
                assertThat(gateway.logText()).contains("Too many open files");
                assertThat(failures).as("accept failures logged").isLessThanOrEqualTo(3);
                assertThat(cpuShare).as("share of a core").isLessThan(0.3);
            } finally {
                for (Socket s : flood) {
                    s.close();
                }
            }
            long t1 = System.nanoTime();
            // With descriptors free again, viewers are served.
            await(Duration.ofSeconds(30), "a viewer is served again", () -> {
                try (LightViewer v = new LightViewer(gateway.port)) {
                    return v.disconnected() == null;
                } catch (Exception e) {
                    return false;
                }
            });
            System.out.printf("served again %d ms after the flood ended%n", (System.nanoTime() - t1) / 1_000_000);
        }
    }
}
