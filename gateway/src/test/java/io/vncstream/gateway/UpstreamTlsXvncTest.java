package io.vncstream.gateway;

import io.vncstream.gateway.cli.GatewayCommand;
import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.FirstFullUpdate;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.security.ConnectionSecurity;
import io.vncstream.rfb.security.PasswordFile;
import io.vncstream.rfb.security.SecurityType;
import io.vncstream.rfb.security.tls.Fingerprint;
import io.vncstream.rfb.security.tls.TlsOptions;
import io.vncstream.rfb.testing.PixelDiff;
import io.vncstream.rfb.testing.TestCertificates;
import io.vncstream.rfb.testing.XvncServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TigerVNC's Xvnc demanding X509Vnc behind the gateway, with our own client in front of the
 * gateway's TLS listener: TLS on both sides, and a frame through the gateway equals one taken
 * from Xvnc directly, pixel for pixel. An upstream certificate the gateway has no reason to
 * trust stops it at start with a line naming the fingerprint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class UpstreamTlsXvncTest {
    @TempDir
    static Path dir;
    private TestCertificates ca;
    private TestCertificates.Pair upstreamCert;
    private TestCertificates.Pair gatewayCert;
    private Path gatewayPassword;
    private XvncServer xvnc;

    @BeforeAll
    void start() throws Exception {
        ca = TestCertificates.create(dir, "test CA");
        upstreamCert = ca.server("xvnc", "DNS:localhost,IP:127.0.0.1");
        gatewayCert = ca.server("gateway", "DNS:localhost,IP:127.0.0.1");
        gatewayPassword = Files.writeString(dir.resolve("gateway-password"), "viewers1\n");
        xvnc = XvncServer.builder().depth(24).geometry(640, 480).vncAuth("upstream1")
                .securityTypes("X509Vnc", upstreamCert).start();
        xvnc.background().flatArea(400, 300, 200, 150, 0x3366CC).colouredTerminal(16, 16).waitUntilStable();
    }

    @AfterAll
    void stop() {
        if (xvnc != null) {
            xvnc.close();
        }
    }

    private record Shot(FirstFullUpdate.Frame frame, ConnectionSecurity security) {
    }

    private static Shot take(String address, ClientConfig config) throws Exception {
        FirstFullUpdate frame = new FirstFullUpdate(new RfbClientHandler() { });
        try (RfbClient client = RfbClient.connect(ServerAddress.parse(address), config, frame)) {
            frame.watch(client.framebuffer());
            client.start();
            return new Shot(frame.await(Duration.ofSeconds(30)), client.security());
        }
    }

    private ClientConfig trustingTheCa(int encoding) throws Exception {
        return new ClientConfig().onlyEncoding(encoding).tls(new TlsOptions().systemCas(false).caFile(ca.caCert()));
    }

    private Gateway gateway(String... upstreamTrust) throws Exception {
        String[] base = {"--listen", "127.0.0.1:0", "--upstream", "127.0.0.1:" + xvnc.port(),
                "--upstream-password-file", xvnc.passwordFile().toString(), "--password-file", gatewayPassword.toString(),
                "--tls-cert", gatewayCert.cert().toString(), "--tls-key", gatewayCert.key().toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + upstreamTrust.length);
        System.arraycopy(upstreamTrust, 0, args, base.length, upstreamTrust.length);
        return GatewayCommand.start(args);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {Encodings.RAW, Encodings.ZRLE, Encodings.TIGHT})
    void framesThroughTlsOnBothSidesEqualFramesTakenDirectly(int encoding) throws Exception {
        try (Gateway gateway = gateway("--upstream-ca", ca.caCert().toString())) {
            Shot direct = take(xvnc.address(), trustingTheCa(encoding).password(s -> PasswordFile.read(xvnc.passwordFile())));
            Shot relayed = take("127.0.0.1::" + gateway.port(), trustingTheCa(encoding).password(s -> "viewers1".toCharArray()));
            assertThat(direct.security().type()).isEqualTo(SecurityType.X509_VNC);
            assertThat(relayed.security().type()).as("the gateway's listener").isEqualTo(SecurityType.X509_VNC);
            assertThat(relayed.security().verification()).isEqualTo(ConnectionSecurity.Verification.CA);
            PixelDiff.assertMatches(Frames.image(direct.frame()), Frames.image(relayed.frame()), PixelDiff.EXACT,
                    Encodings.name(encoding));
        }
    }

    @Test
    void anAcceptedFingerprintIsEnoughWithoutTheCa() throws Exception {
        String fp = Fingerprint.of(upstreamCert.certificate());
        try (Gateway gateway = gateway("--upstream-accept-certificate", fp.toLowerCase())) {
            Shot direct = take(xvnc.address(), trustingTheCa(Encodings.ZRLE).password(s -> PasswordFile.read(xvnc.passwordFile())));
            Shot relayed = take("127.0.0.1::" + gateway.port(), trustingTheCa(Encodings.ZRLE).password(s -> "viewers1".toCharArray()));
            PixelDiff.assertMatches(Frames.image(direct.frame()), Frames.image(relayed.frame()), PixelDiff.EXACT, "pinned upstream");
        }
    }

    @Test
    void anUpstreamCertificateWithoutCaOrFingerprintStopsTheStartNamingItsFingerprint() throws Exception {
        String fp = Fingerprint.of(upstreamCert.certificate());
        CommandLine cmd = GatewayCommand.commandLine();
        StringWriter err = new StringWriter();
        cmd.setErr(new PrintWriter(err, true));
        int status = cmd.execute("--listen", "127.0.0.1:0", "--upstream", "127.0.0.1:" + xvnc.port(),
                "--upstream-password-file", xvnc.passwordFile().toString());
        assertThat(status).isEqualTo(1);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString().strip()).isEqualTo("vncstream-gateway: upstream 127.0.0.1::" + xvnc.port()
                + ": its certificate is not signed by a trusted certificate authority (subject CN=localhost):"
                + " if it is the server's, add --upstream-accept-certificate " + fp
                + ", or --upstream-ca FILE with the CA that signed it");
    }

    @Test
    void aWrongPinnedFingerprintIsNoReasonToTrust() throws Exception {
        CommandLine cmd = GatewayCommand.commandLine();
        StringWriter err = new StringWriter();
        cmd.setErr(new PrintWriter(err, true));
        String other = Fingerprint.of(gatewayCert.certificate());
        int status = cmd.execute("--listen", "127.0.0.1:0", "--upstream", "127.0.0.1:" + xvnc.port(),
                "--upstream-password-file", xvnc.passwordFile().toString(), "--upstream-accept-certificate", other);
        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("--upstream-accept-certificate " + Fingerprint.of(upstreamCert.certificate()));
    }
}
