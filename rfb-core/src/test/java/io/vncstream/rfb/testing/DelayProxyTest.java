package io.vncstream.rfb.testing;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DelayProxyTest {

    /** An echo server on loopback: what a connection sends comes back. */
    private static ServerSocket echoServer() throws Exception {
        ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = ss.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                in.transferTo(out);
            } catch (Exception e) {
                // the test ends it
            }
        }, "echo");
        t.setDaemon(true);
        t.start();
        return ss;
    }

    @Test
    void everyByteComesBackAfterTheRoundTripInOrder() throws Exception {
        try (ServerSocket echo = echoServer();
             DelayProxy proxy = new DelayProxy("127.0.0.1", echo.getLocalPort(), Duration.ofMillis(25));
             Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            s.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(s.getInputStream());
            long start = System.nanoTime();
            s.getOutputStream().write(7);
            assertThat(in.read()).isEqualTo(7);
            long roundTripMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(roundTripMillis).as("one byte's round trip through 25 ms each way").isBetween(50L, 1000L);

            byte[] sent = new byte[8 << 20];
            new Random(1).nextBytes(sent);
            Thread writer = new Thread(() -> {
                try {
                    s.getOutputStream().write(sent);
                } catch (Exception e) {
                    // the read below fails then
                }
            });
            writer.start();
            byte[] back = new byte[sent.length];
            in.readFully(back);
            writer.join();
            assertThat(back).as("8 MiB back in the order sent").isEqualTo(sent);
        }
    }

    @Test
    void countsTheUpdatesAClientOfXvncReceives(@TempDir Path dir) throws Exception {
        try (XvncServer xvnc = XvncServer.builder().depth(24).geometry(640, 480).start()) {
            xvnc.xterm(0, 0, 80, 24, dir, "sleep 1; for i in $(seq 40); do ls -l /usr/bin; sleep 0.05; done; exec sleep 100000");
            ClientConfig config = new ClientConfig().preferredEncoding(Encodings.ZRLE)
                    .extensions(List.of(Encodings.FENCE, Encodings.CONTINUOUS_UPDATES));
            try (DelayProxy proxy = new DelayProxy("127.0.0.1", xvnc.port(), Duration.ofMillis(25))) {
                long start = System.nanoTime();
                RfbClient client = RfbClient.connect(ServerAddress.tcp("127.0.0.1", proxy.port()), config, new RfbClientHandler() { });
                long handshakeMillis = (System.nanoTime() - start) / 1_000_000;
                DelayProxy.Link link = proxy.nextLink(Duration.ofSeconds(5));
                assertThat(link).isNotNull();
                RfbTrafficCounter.Snapshot s;
                long received;
                try (client) {
                    client.start();
                    Eventually.await(Duration.ofSeconds(20), "continuous updates on", client::continuousUpdates);
                    Eventually.await(Duration.ofSeconds(30), "10 updates, then none for a second", () -> {
                        long before = client.updatesReceived();
                        Thread.sleep(1000);
                        return before >= 10 && client.updatesReceived() == before;
                    });
                    received = client.updatesReceived();
                    s = link.counter().snapshot();
                }
                assertThat(handshakeMillis).as("version, security and init: three round trips").isGreaterThanOrEqualTo(150);
                assertThat(s.problem()).isNull();
                assertThat(s.updates()).as("what the client decoded").isEqualTo(received);
                assertThat(s.rectsByEncoding()).containsKey("ZRLE");
                assertThat(s.pixels()).isGreaterThanOrEqualTo(640L * 480);
                assertThat(s.continuousEnabled()).isTrue();
                assertThat(s.serverFences()).isPositive();
                assertThat(s.fenceAnswers()).as("fence requests of the server answered").isPositive();
                assertThat(s.clientFences()).isPositive();
                assertThat(s.clientEncodings()).contains(Encodings.ZRLE, Encodings.FENCE, Encodings.CONTINUOUS_UPDATES);
            }
        }
    }
}
