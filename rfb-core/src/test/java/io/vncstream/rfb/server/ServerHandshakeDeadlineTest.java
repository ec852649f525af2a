package io.vncstream.rfb.server;

import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.io.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11 defect 4: one deadline for the whole handshake. A client dripping a byte at a time,
 * each well within any per-read timeout, is cut off when the handshake's time is up.
 */
@Timeout(30)
class ServerHandshakeDeadlineTest {

    @Test
    void aClientDrippingOneByteAtATimeIsCutOffAtTheDeadline() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
            Transport transport = Transport.of(listener.accept());
            // A per-read timeout far longer than the gaps: only the overall deadline can end this.
            transport.setReadTimeout(Duration.ofSeconds(20));
            ServerHandshake h = new ServerHandshake(RfbInput.of(transport.input()), transport.output(),
                    ServerSecurity.vncAuth("secret".toCharArray()), Duration.ofMillis(1500), transport);
            long start = System.nanoTime();
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
                try {
                    h.run();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            in.readNBytes(12);
            byte[] reply = "RFB 003.008\n\u0002".getBytes(StandardCharsets.US_ASCII);
            // 13 bytes at 300 ms take 3.9 s: the version arrives, the challenge follows, then the
            // response drips; the handshake would never end for a slower drip.
            for (byte b : reply) {
                try {
                    out.write(b);
                    out.flush();
                } catch (IOException closed) {
                    break;
                }
                Thread.sleep(300);
                if (server.isDone()) {
                    break;
                }
            }
            assertThatThrownBy(() -> server.get(10, TimeUnit.SECONDS)).cause().cause()
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessage("handshake not completed within 1500 ms");
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(elapsedMs).isBetween(1400L, 3000L);
            // The server closed the connection: the client reads the end of it.
            client.setSoTimeout(5000);
            assertThat(in.readAllBytes()).hasSizeLessThan(64);
        }
    }

    @Test
    void aHandshakeThatEndsInTimeIsNotDisturbedAfterwards() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
            Transport transport = Transport.of(listener.accept());
            ServerHandshake h = new ServerHandshake(RfbInput.of(transport.input()), transport.output(),
                    ServerSecurity.NONE, Duration.ofMillis(500), transport);
            client.getOutputStream().write("RFB 003.008\n\u0001\u0001".getBytes(StandardCharsets.US_ASCII));
            h.run();
            Thread.sleep(800);
            h.output().write(42);
            h.output().flush();
            InputStream in = client.getInputStream();
            in.readNBytes(12 + 2 + 4);
            assertThat(in.read()).isEqualTo(42);
        }
    }
}
