package io.vncstream.rfb.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.ClientHandshake;
import io.vncstream.rfb.security.PasswordSource;
import io.vncstream.rfb.testing.FuzzContract;
import io.vncstream.rfb.testing.FuzzInput;
import org.junit.jupiter.api.Timeout;

import java.io.OutputStream;

/**
 * A server's side of the handshake (version, security types or 3.3 security, VNC
 * Authentication challenge, SecurityResult with its reason, ServerInit) as the client reads it,
 * with a password at hand or not (odd first byte: a password).
 */
class ClientHandshakeFuzzTest {
    @Timeout(10)
    @FuzzTest(maxDuration = "11m")
    void clientReadsServerHandshake(byte[] data) {
        FuzzInput input = FuzzInput.of(data);
        ClientConfig config = new ClientConfig()
                .password(input.withPassword() ? server -> "secret".toCharArray() : PasswordSource.NONE);
        ClientHandshake handshake = new ClientHandshake(input.in(), OutputStream.nullOutputStream(), config, "fuzz");
        FuzzContract.holds(handshake::run);
    }
}
