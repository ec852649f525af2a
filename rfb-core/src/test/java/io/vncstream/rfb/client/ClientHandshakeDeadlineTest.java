package io.vncstream.rfb.client;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;

import static io.vncstream.rfb.client.ClientHandshakeTest.CHALLENGE;
import static io.vncstream.rfb.client.ClientHandshakeTest.OK;
import static io.vncstream.rfb.client.ClientHandshakeTest.V38;
import static io.vncstream.rfb.client.LoopbackServer.read;
import static io.vncstream.rfb.client.LoopbackServer.trickle;
import static io.vncstream.rfb.testing.Wire.concat;
import static io.vncstream.rfb.testing.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The handshake has one deadline (issue 11, defect 4): a server that drips its version one byte
 * at a time, each well inside the read timeout, is given up on when the connect timeout is over
 * in total, not after 12 read timeouts. Time the user spends on a prompt does not count.
 */
class ClientHandshakeDeadlineTest {
    @Test
    void aDrippingServerIsGivenUpOnAtTheDeadline() throws Exception {
        try (LoopbackServer server = new LoopbackServer(s -> {
            OutputStream out = s.getOutputStream();
            try {
                for (byte b : V38) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(700);
                }
            } catch (java.io.IOException closedByClient) {
                return;
            }
        })) {
            ClientConfig config = new ClientConfig().connectTimeout(Duration.ofSeconds(2));
            long start = System.nanoTime();
            assertThatThrownBy(() -> RfbClient.connect(server.address(), config, new RfbClientHandler() { }))
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessage("the server did not complete the handshake within 2 s");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).as("given up at the deadline, not after the drip's 8.4 s").isBetween(1900L, 4000L);
            server.finish();
        }
    }

    @Test
    void timeSpentAskingTheUserDoesNotCount() throws Exception {
        try (LoopbackServer server = new LoopbackServer(s -> {
            trickle(s.getOutputStream(), concat(V38, hex("01 02"), CHALLENGE));
            read(s.getInputStream(), 12 + 1 + 16);
            trickle(s.getOutputStream(), concat(OK));
            read(s.getInputStream(), 1);
            trickle(s.getOutputStream(), ScriptedServer.SERVER_INIT);
        })) {
            ClientConfig config = new ClientConfig().connectTimeout(Duration.ofSeconds(1)).password(name -> {
                try {
                    Thread.sleep(2500); // a person typing
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "secret".toCharArray();
            });
            try (RfbClient client = RfbClient.connect(server.address(), config, new RfbClientHandler() { })) {
                assertThat(client.serverInit().name()).isEqualTo("test");
            }
            server.finish();
        }
    }
}
