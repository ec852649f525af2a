package io.vncstream.gateway;

import io.vncstream.gateway.cli.GatewayCommand;
import io.vncstream.gateway.demo.DemoDesktop;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.tls.ListenPolicy;
import io.vncstream.gateway.tls.ListenerTls;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.security.ConnectionSecurity;
import io.vncstream.rfb.security.SecurityType;
import io.vncstream.rfb.security.SecurityTypes;
import io.vncstream.rfb.security.tls.Fingerprint;
import io.vncstream.rfb.security.tls.TlsOptions;
import io.vncstream.rfb.server.ServerSecurity;
import io.vncstream.rfb.stream.Capture;
import io.vncstream.rfb.testing.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Our own client through the gateway's TLS listener in front of the demo: the certificate is
 * checked against the CA (or the gateway's self-signed one pinned by its logged fingerprint),
 * and the stream extension works inside TLS as outside it.
 */
@Timeout(60)
class DemoOverTlsTest {
    @TempDir
    Path dir;

    @Test
    void consolesWorkInsideX509VncWithTheCertificateCheckedAgainstTheCa() throws Exception {
        TestCertificates ca = TestCertificates.create(dir, "test CA");
        TestCertificates.Pair cert = ca.server("gateway", "DNS:localhost,IP:127.0.0.1");
        Path password = Files.writeString(dir.resolve("pw"), "secret\n");
        try (Gateway gateway = GatewayCommand.start("--listen", "127.0.0.1:0", "--demo", "--password-file", password.toString(),
                "--tls-cert", cert.cert().toString(), "--tls-key", cert.key().toString());
             StreamViewer v = new StreamViewer(gateway.port(), new ClientConfig().password(s -> "secret".toCharArray())
                     .tls(new TlsOptions().systemCas(false).caFile(ca.caCert())))) {
            ConnectionSecurity security = v.client.security();
            assertThat(security.type()).isEqualTo(SecurityType.X509_VNC);
            assertThat(security.verification()).isEqualTo(ConnectionSecurity.Verification.CA);
            assertThat(v.streams.devices()).containsExactly("serial0", "log0");
            StreamViewer.Output out = new StreamViewer.Output();
            Capture c = v.capture("serial0", out);
            c.send("echo over tls\r".getBytes(StandardCharsets.US_ASCII));
            out.await(t -> t.contains("echo over tls\r\nover tls\r\ndemo$ "), Duration.ofSeconds(15));
        }
    }

    @Test
    void theSelfSignedCertificateIsTrustedByItsFingerprintAndOnlyByIt() throws Exception {
        // The policy off loopback, applied to a loopback listener: this test must not bind a public address.
        Path state = dir.resolve("state");
        ListenPolicy policy = ListenPolicy.decide("0.0.0.0:5900", false, false, false, true, false);
        ServerSecurity security = ListenerTls.apply(policy, ServerSecurity.vncAuth("secret".toCharArray()), null, null, state);
        try (Gateway gateway = Gateway.start("127.0.0.1", 0, new DemoDesktop(), new DeviceRegistry(), security,
                Gateway.DEFAULT_MAX_BEHIND)) {
            String fp = security.tls().fingerprint();
            ClientConfig pinned = new ClientConfig().password(s -> "secret".toCharArray())
                    .tls(new TlsOptions().acceptFingerprint(fp));
            try (StreamViewer v = new StreamViewer(gateway.port(), pinned)) {
                assertThat(v.client.security().verification()).isEqualTo(ConnectionSecurity.Verification.PINNED);
                assertThat(Fingerprint.of(TestCertificates.certificate(state.resolve("tls-cert.pem")))).isEqualTo(fp);
            }
            // Unknown to a client that has no prompt: refused, naming the fingerprint.
            ClientConfig unknown = new ClientConfig().password(s -> "secret".toCharArray())
                    .securityTypes(SecurityTypes.parse("X509Vnc"));
            assertThatThrownBy(() -> new StreamViewer(gateway.port(), unknown)).hasMessageContaining(fp);
        }
    }
}
