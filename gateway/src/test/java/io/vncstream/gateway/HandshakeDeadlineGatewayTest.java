package io.vncstream.gateway;

import io.vncstream.rfb.server.ServerHandshake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static io.vncstream.rfb.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 defect 4 at the gateway: a viewer that sends its handshake one byte every few
 * seconds (each read well within any read timeout) no longer keeps its thread and socket: the
 * handshake's one deadline ends it. Takes the deadline's full minute.
 */
@Timeout(120)
class HandshakeDeadlineGatewayTest {
    @Test
    void aViewerDrippingItsHandshakeIsCutOffAtTheDeadline() throws Exception {
        try (DemoGatewayFixture demo = new DemoGatewayFixture(Gateway.DEFAULT_MAX_BEHIND);
             Socket s = new Socket(InetAddress.getLoopbackAddress(), demo.port())) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            in.readNBytes(12);
            await(java.time.Duration.ofSeconds(5), "the gateway has the session", () -> demo.gateway.viewerCount() == 1);
            long start = System.nanoTime();
            // A valid handshake (version, security None, shared), one byte every 8 s: each read is
            // far within a read timeout, and the whole would take almost two minutes.
            byte[] handshake = "RFB 003.008\n\u0001\u0001".getBytes(StandardCharsets.US_ASCII);
            long deadlineMs = ServerHandshake.DEFAULT_DEADLINE.toMillis();
            int sent = 0;
            while (demo.gateway.viewerCount() == 1 && (System.nanoTime() - start) / 1_000_000 < deadlineMs + 15_000) {
                if (sent < handshake.length) {
                    try {
                        out.write(handshake[sent++]);
                        out.flush();
                    } catch (IOException closed) {
                        break;
                    }
                }
                for (int i = 0; i < 80 && demo.gateway.viewerCount() == 1; i++) {
                    Thread.sleep(100);
                }
            }
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(demo.gateway.viewerCount()).as("session ended after %d ms", elapsedMs).isZero();
            assertThat(elapsedMs).isBetween(deadlineMs - 2_000, deadlineMs + 6_000);
            s.setSoTimeout(5_000);
            assertThat(in.readAllBytes()).as("the gateway closed the connection, having sent nothing more").isEmpty();
        }
    }
}
