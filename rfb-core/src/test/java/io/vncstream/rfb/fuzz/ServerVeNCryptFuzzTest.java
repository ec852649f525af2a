package io.vncstream.rfb.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vncstream.rfb.server.ServerHandshake;
import io.vncstream.rfb.server.ServerSecurity;
import io.vncstream.rfb.server.ServerTls;
import io.vncstream.rfb.testing.FuzzContract;
import io.vncstream.rfb.testing.FuzzInput;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.TestCertificates;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a client sends to a server that offers VeNCrypt (the gateway with a certificate): the
 * version, the VeNCrypt version and sub-type, then whatever comes as its TLS hello. Selector bit
 * 0: a password (X509Vnc, else X509None); bit 1: unencrypted allowed too. A TLS failure (TlsException) is a
 * rejection like the others, with a message; seeds from scripts/make-server-vencrypt-seeds.py.
 */
class ServerVeNCryptFuzzTest {
    private static ServerTls tls;

    private static synchronized ServerTls tls() throws Exception {
        if (tls == null) {
            Path dir = Files.createTempDirectory("fuzz-certs");
            try {
                TestCertificates ca = TestCertificates.create(dir, "fuzz CA");
                tls = ca.serverTls(ca.server("server", "DNS:localhost,IP:127.0.0.1"));
            } finally {
                Processes.deleteTree(dir);
            }
        }
        return tls;
    }

    @Timeout(10)
    @FuzzTest(maxDuration = "11m")
    void serverReadsClientVeNCrypt(byte[] data) throws Exception {
        FuzzInput input = FuzzInput.of(data);
        ServerSecurity plain = input.withPassword() ? ServerSecurity.vncAuth("secret".toCharArray()) : ServerSecurity.NONE;
        ServerSecurity security = plain.withTls(tls(), (input.selector() & 2) != 0);
        ServerHandshake handshake = new ServerHandshake(input.in(), OutputStream.nullOutputStream(), security);
        FuzzContract.holds(handshake::run);
    }
}
