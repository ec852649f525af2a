package io.vncstream.gateway;

import io.vncstream.gateway.cli.GatewayCommand;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.security.ConnectionSecurity;
import io.vncstream.rfb.security.SecurityType;
import io.vncstream.rfb.security.tls.Fingerprint;
import io.vncstream.rfb.security.tls.TlsOptions;
import io.vncstream.rfb.testing.StillScreen;
import io.vncstream.rfb.testing.QmpConnection;
import io.vncstream.rfb.testing.TestCertificates;
import io.vncstream.rfb.testing.TinyVm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QEMU's VNC server with {@code tls-creds-x509} and a password (it offers only VeNCrypt X509Vnc)
 * behind the gateway: a frame through the gateway equals QEMU's screendump pixel for pixel, and
 * without the CA the gateway refuses to start, naming the certificate's fingerprint. One boot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QemuTlsGatewayTest {
    private static final String VNC_PASSWORD = "qemupw";
    @TempDir
    static Path dir;
    private TestCertificates ca;
    private TestCertificates.Pair serverCert;
    private Path upstreamPassword;
    private TinyVm vm;

    @BeforeAll
    void start() throws Exception {
        ca = TestCertificates.create(dir, "test CA");
        serverCert = ca.server("qemu", "DNS:localhost,IP:127.0.0.1");
        Path creds = Files.createDirectories(dir.resolve("qemu-tls"));
        Files.copy(ca.caCert(), creds.resolve("ca-cert.pem"));
        Files.copy(serverCert.cert(), creds.resolve("server-cert.pem"));
        Files.copy(serverCert.key(), creds.resolve("server-key.pem"));
        vm = TinyVm.boot(",tls-creds=tls0,password=on",
                List.of("-object", "tls-creds-x509,id=tls0,dir=" + creds + ",endpoint=server,verify-peer=off"));
        vm.qmp().executeOk("{\"execute\":\"change-vnc-password\",\"arguments\":{\"password\":"
                + QmpConnection.quote(VNC_PASSWORD) + "}}");
        vm.showOnScreen("vncstream gateway test: QEMU VNC over TLS relayed");
        upstreamPassword = Files.writeString(dir.resolve("upstream-password"), VNC_PASSWORD + "\n");
    }

    @AfterAll
    void stop() {
        if (vm != null) {
            vm.close();
        }
    }

    /** Screendump, frame through the gateway, screendump: equal dumps mean a still screen during the frame. */
    @Test
    void aFrameThroughTheGatewayEqualsTheScreendumpPixelForPixel() throws Exception {
        try (Gateway gateway = GatewayCommand.start("--listen", "127.0.0.1:0", "--upstream", vm.vncAddress(),
                "--upstream-password-file", upstreamPassword.toString(), "--upstream-ca", ca.caCert().toString())) {
    assertThat(directSecurity(new ClientConfig().password(s -> VNC_PASSWORD.toCharArray()).tls(new TlsOptions().caFile(ca.caCert()))).type()).as("what QEMU demands").isEqualTo(SecurityType.X509_VNC);
            StillScreen.assertMatchesScreendump(vm, () -> Frames.image(Frames.take("127.0.0.1::" + gateway.port(),
                    new ClientConfig())), "QEMU VNC over TLS through the gateway");
        }
    }

    @Test
    void withoutTheCaTheGatewayRefusesToStartNamingTheFingerprint() throws Exception {
        CommandLine cmd = GatewayCommand.commandLine();
        StringWriter err = new StringWriter();
        cmd.setErr(new PrintWriter(err, true));
        int status = cmd.execute("--listen", "127.0.0.1:0", "--upstream", vm.vncAddress(),
                "--upstream-password-file", upstreamPassword.toString());
        assertThat(status).isEqualTo(1);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).startsWith("vncstream-gateway: upstream " + vm.vncAddress() + ": its certificate is")
                .contains("--upstream-accept-certificate " + Fingerprint.of(serverCert.certificate()));
    }

    /** How QEMU itself protects a connection: the security a client directly connected negotiates. */
    private ConnectionSecurity directSecurity(ClientConfig config) throws Exception {
        try (RfbClient client = RfbClient.connect(ServerAddress.parse(vm.vncAddress()), config, new RfbClientHandler() { })) {
            return client.security();
        }
    }
}
