package io.vncstream.rfb.security;

import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.FirstFullUpdate;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.security.ConnectionSecurity.Verification;
import io.vncstream.rfb.security.tls.TlsOptions;
import io.vncstream.rfb.testing.PixelDiff;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.TestCertificates;
import io.vncstream.rfb.testing.TinyVm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * X509 client certificates against QEMU's VNC server with {@code tls-creds-x509,verify-peer=on}
 * (what libvirt's {@code vnc_tls_x509_verify = 1} sets up): with a certificate from QEMU's CA the
 * screen comes through inside TLS and the connection records what we presented; without one,
 * or with one from another CA, the error says which it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientCertificateQemuTest {
    TinyVm vm;
    Path dir;
    TestCertificates ca;

    @BeforeAll
    void boot() throws Exception {
        dir = Files.createTempDirectory("client-cert-qemu");
        ca = TestCertificates.create(dir, "qemu CA");
        TestCertificates.Pair server = ca.server("server", "DNS:localhost,IP:127.0.0.1");
        Path creds = Files.createDirectories(dir.resolve("creds"));
        Files.copy(ca.caCert(), creds.resolve("ca-cert.pem"));
        Files.copy(server.cert(), creds.resolve("server-cert.pem"));
        Files.copy(server.key(), creds.resolve("server-key.pem"));
        vm = TinyVm.boot(",tls-creds=tlsv", List.of(
                "-object", "tls-creds-x509,id=tlsv,dir=" + creds + ",endpoint=server,verify-peer=on"));
    }

    @AfterAll
    void stop() {
        if (vm != null) {
            vm.close();
        }
        Processes.deleteTree(dir);
    }

    ClientConfig config(TlsOptions tls) {
        return new ClientConfig().securityTypes(SecurityTypes.parse("X509None")).tls(tls).streams(false)
                .connectTimeout(Duration.ofSeconds(20));
    }

    TlsOptions trustingQemu() throws Exception {
        return new TlsOptions().caFile(ca.caCert());
    }

    @Test
    void aCertificateFromQemusCaGetsTheScreenInsideTls() throws Exception {
        TestCertificates.Pair client = ca.client("viewer", "vncstream viewer");
        TlsOptions tls = trustingQemu().clientCertificate(TestCertificates.privateKey(client.key()),
                List.of(client.certificate()));
        for (int attempt = 1; attempt <= 5; attempt++) {
            BufferedImage before = vm.screendump();
            FirstFullUpdate frame = new FirstFullUpdate(new RfbClientHandler() { });
            try (RfbClient c = RfbClient.connect(ServerAddress.parse(vm.vncAddress()), config(tls), frame)) {
                ConnectionSecurity security = c.security();
                assertThat(security.type()).isEqualTo(SecurityType.X509_NONE);
                assertThat(security.protocol()).startsWith("TLSv1.");
                assertThat(security.verification()).isEqualTo(Verification.CA);
                assertThat(security.clientCertificate()).isEqualTo("CN=vncstream viewer");
                assertThat(security.summary()).endsWith("server verified, client certificate CN=vncstream viewer");
                frame.watch(c.framebuffer());
                c.start();
                FirstFullUpdate.Frame f = frame.await(Duration.ofSeconds(30));
                BufferedImage after = vm.screendump();
                if (PixelDiff.describe(before, after, PixelDiff.EXACT) != null) {
                    continue; // the console changed while we looked
                }
                BufferedImage got = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
                got.setRGB(0, 0, f.width(), f.height(), f.argb(), 0, f.width());
                PixelDiff.assertMatches(after, got, PixelDiff.EXACT, "QEMU with verify-peer=on");
                return;
            }
        }
        throw new AssertionError("the VM's screen kept changing during 5 snapshots");
    }

    @Test
    void withoutACertificateTheErrorSaysTheServerWantsOne() throws Exception {
        TlsOptions tls = trustingQemu().clientAdvice("looked in /nowhere/clientcert.pem");
        assertThatThrownBy(() -> connect(tls)).isInstanceOf(EOFException.class)
                .hasMessage("the server " + vm.vncAddress() + " closed the connection right after the TLS handshake, as QEMU"
                        + " does when it wants a client certificate and none was given (looked in /nowhere/clientcert.pem)");
    }

    @Test
    void aCertificateFromAnotherCaIsRefusedByName() throws Exception {
        TestCertificates other = TestCertificates.create(dir.resolve("other"), "other CA");
        TestCertificates.Pair client = other.client("stranger", "stranger");
        TlsOptions tls = trustingQemu().clientCertificate(TestCertificates.privateKey(client.key()),
                List.of(client.certificate()));
        assertThatThrownBy(() -> connect(tls)).isInstanceOf(EOFException.class)
                .hasMessage("the server " + vm.vncAddress() + " closed the connection right after the TLS handshake, as QEMU"
                        + " does when it did not accept our client certificate CN=stranger");
    }

    private void connect(TlsOptions tls) throws Exception {
        FirstFullUpdate frame = new FirstFullUpdate(new RfbClientHandler() { });
        try (RfbClient c = RfbClient.connect(ServerAddress.parse(vm.vncAddress()), config(tls), frame)) {
            frame.watch(c.framebuffer());
            c.start();
            frame.await(Duration.ofSeconds(20));
        }
    }
}
