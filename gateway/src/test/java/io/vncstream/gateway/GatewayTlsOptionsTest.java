package io.vncstream.gateway;

import io.vncstream.gateway.cli.GatewayCommand;
import io.vncstream.rfb.testing.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.DataInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listener's TLS options through the command: refusals are one line saying what to add (and
 * come before anything is bound), and a certificate makes the gateway offer VeNCrypt alone, or
 * first with {@code --allow-unencrypted}.
 */
class GatewayTlsOptionsTest {
    @TempDir
    static Path dir;
    private static TestCertificates certs;
    private static TestCertificates.Pair server;
    private static Path password;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certs = TestCertificates.create(dir, "test CA");
        server = certs.server("server", "DNS:localhost,IP:127.0.0.1");
        password = Files.writeString(dir.resolve("password.txt"), "secret\n");
    }

    private static String refusal(String... args) {
        CommandLine cmd = GatewayCommand.commandLine();
        StringWriter err = new StringWriter();
        cmd.setErr(new PrintWriter(err, true));
        assertThat(cmd.execute(args)).isEqualTo(1);
        String text = err.toString();
        assertThat(text.lines()).hasSize(1);
        return text.strip();
    }

    @Test
    void offLoopbackWithoutAPasswordIsRefusedBeforeBinding() {
        // Nothing is bound: the refusal comes first, so this test never listens on a public address.
        assertThat(refusal("--listen", "0.0.0.0:5999", "--demo")).isEqualTo("vncstream-gateway: refusing to listen on"
                + " 0.0.0.0:5999 without a password: add --password-file FILE (any machine that reaches it could see the VM and type into it)");
        assertThat(refusal("--listen", "0.0.0.0:5999", "--demo", "--tls-cert", server.cert().toString(),
                "--tls-key", server.key().toString())).contains("add --password-file FILE");
    }

    @Test
    void aCertificateWithoutKeyOrABadKeyIsOneLine() {
        assertThat(refusal("--listen", "127.0.0.1:0", "--demo", "--tls-cert", server.cert().toString()))
                .isEqualTo("vncstream-gateway: --tls-cert needs its private key: add --tls-key FILE");
        assertThat(refusal("--listen", "127.0.0.1:0", "--demo", "--tls-cert", server.cert().toString(),
                "--tls-key", certs.caKey().toString()))
                .isEqualTo("vncstream-gateway: --tls-key " + certs.caKey() + " does not belong to --tls-cert "
                        + server.cert() + " (a different key pair)");
    }

    @Test
    void badUpstreamTrustOptionsAreOneLineEach() throws Exception {
        Path missing = dir.resolve("missing.pem");
        assertThat(refusal("--listen", "127.0.0.1:0", "--upstream", "127.0.0.1:5", "--upstream-ca", missing.toString()))
                .isEqualTo("vncstream-gateway: --upstream-ca " + missing + ": no such file");
        Path text = Files.writeString(dir.resolve("not-a-ca.pem"), "hello\n");
        assertThat(refusal("--listen", "127.0.0.1:0", "--upstream", "127.0.0.1:5", "--upstream-ca", text.toString()))
                .startsWith("vncstream-gateway: --upstream-ca " + text + ": ");
        assertThat(refusal("--listen", "127.0.0.1:0", "--upstream", "127.0.0.1:5", "--upstream-accept-certificate", "AB:CD"))
                .startsWith("vncstream-gateway: --upstream-accept-certificate: not a SHA-256 fingerprint: 'AB:CD'");
    }

    private static byte[] securityTypes(int port) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            in.readNBytes(12);
            s.getOutputStream().write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
            return in.readNBytes(in.readUnsignedByte());
        }
    }

    @Test
    void withACertificateOnlyVeNCryptIsOfferedUnlessUnencryptedIsAllowed() throws Exception {
        String[] tls = {"--listen", "127.0.0.1:0", "--demo", "--password-file", password.toString(),
                "--tls-cert", server.cert().toString(), "--tls-key", server.key().toString()};
        try (Gateway g = GatewayCommand.start(tls)) {
            assertThat(securityTypes(g.port())).containsExactly(19);
        }
        String[] both = java.util.Arrays.copyOf(tls, tls.length + 1);
        both[tls.length] = "--allow-unencrypted";
        try (Gateway g = GatewayCommand.start(both)) {
            assertThat(securityTypes(g.port())).containsExactly(19, 2);
        }
        try (Gateway g = GatewayCommand.start("--listen", "127.0.0.1:0", "--demo")) {
            assertThat(securityTypes(g.port())).as("plain stays the default on loopback").containsExactly(1);
        }
    }
}
