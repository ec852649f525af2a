package io.vncstream.rfb.client;

import io.vncstream.rfb.handshake.ProtocolVersion;
import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.io.Transport;
import io.vncstream.rfb.testing.OneByteAtATimeInputStream;
import io.vncstream.rfb.testing.Wire;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A server whose every byte is written down in advance: the client handshake reads them whole or
 * one byte per read, and what the client answers is collected for comparison with the
 * bytes the RFB spec requires. A protocol-unit peer: the real servers are in the Xvnc tests.
 */
final class ScriptedServer {
    static final String SERVER_NAME = "scripted:5900";
    /** ServerInit: 64x48, 32-bit little-endian true colour, named "test". */
    static final byte[] SERVER_INIT = Wire.hex("00 40 | 00 30 | 20 18 00 01 00 ff 00 ff 00 ff 10 08 00 00 00 00"
            + " | 00 00 00 04 | 74 65 73 74");

    private ScriptedServer() {
    }

    record Outcome(ProtocolVersion version, ServerInit init, byte[] clientSent) {
    }

    record Failure(Throwable error, byte[] clientSent) {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Runs the handshake over the server's bytes both ways; both must agree and consume every byte. */
    static Outcome handshakeBothWays(byte[] serverBytes, ClientConfig config) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Outcome whole = handshake(serverBytes, config, false);
            Outcome trickle = handshake(serverBytes, config, true);
            assertThat(trickle.version()).isEqualTo(whole.version());
            assertThat(trickle.init()).isEqualTo(whole.init());
            assertThat(trickle.clientSent()).isEqualTo(whole.clientSent());
            return whole;
        });
    }

    /** The handshake must fail both ways with the same exception and message, and say the same before. */
    static Failure rejectedBothWays(byte[] serverBytes, ClientConfig config) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Failure whole = failure(serverBytes, config, false);
            Failure trickle = failure(serverBytes, config, true);
            assertThat(trickle.error()).isExactlyInstanceOf(whole.error().getClass());
            if (!(whole.error() instanceof java.io.EOFException)) {
                assertThat(trickle.error()).hasMessage(whole.error().getMessage());
            }
            assertThat(trickle.clientSent()).isEqualTo(whole.clientSent());
            return whole;
        });
    }

    /**
     * The handshake as {@link RfbClient} runs it, over a transport (with its deadline, and the TLS
     * types among the allowed ones), here one whose input is the script and whose output is kept.
     */
    private static ClientHandshake over(byte[] serverBytes, ByteArrayOutputStream out, ClientConfig config,
                                        boolean oneByte) {
        InputStream in = oneByte ? new OneByteAtATimeInputStream(serverBytes) : new ByteArrayInputStream(serverBytes);
        return new ClientHandshake(Transport.of(in, out, in, SERVER_NAME), config, SERVER_NAME, "scripted", 5900);
    }

    private static Outcome handshake(byte[] serverBytes, ClientConfig config, boolean oneByte) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClientHandshake handshake = over(serverBytes, out, config, oneByte);
        ServerInit init = handshake.run();
        assertThat(handshake.input().atEnd()).as("every byte of the server's script was read").isTrue();
        return new Outcome(handshake.version(), init, out.toByteArray());
    }

    private static Failure failure(byte[] serverBytes, ClientConfig config, boolean oneByte) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Throwable error = Wire.thrown(() -> over(serverBytes, out, config, oneByte).run());
        return new Failure(error, out.toByteArray());
    }
}
