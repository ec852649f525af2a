package io.vncstream.gateway;

import io.vncstream.gateway.cli.GatewayCommand;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.TestCertificates;
import io.vncstream.rfb.testing.TestPeers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.vncstream.rfb.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TigerVNC's own viewer, {@code vncviewer -SecurityTypes X509Vnc -X509CA ca.crt}, on its own
 * Xvfb, connects to the gateway's TLS listener in front of the demo: its log shows the
 * certificate checked against the CA, the password accepted, and the desktop received.
 */
@Timeout(120)
class TigerViewerTlsTest {
    @TempDir
    Path dir;
    private Gateway gateway;
    private Process viewer;

    @AfterEach
    void stop() {
        if (viewer != null) {
            Processes.killTree(viewer.toHandle());
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    private Path startViewer(String securityTypes, Path ca, String... more) throws Exception {
        return startViewer(gateway.port(), securityTypes, ca, more);
    }

    private Path startViewer(int port, String securityTypes, Path ca, String... more) throws Exception {
        String vncviewer = TestPeers.requireProgram("vncviewer", "tigervnc-viewer");
        String xvfbRun = TestPeers.requireProgram("xvfb-run", "xvfb");
        Path log = dir.resolve("vncviewer-" + securityTypes + ".log");
        List<String> cmd = new java.util.ArrayList<>(List.of(xvfbRun, "-a", "-s", "-screen 0 1024x768x24",
                vncviewer, "-SecurityTypes", securityTypes, "-X509CA", ca.toString(), "-Log", "*:stderr:100"));
        cmd.addAll(List.of(more));
        cmd.add("127.0.0.1::" + port);
        viewer = Processes.start(Map.of("HOME", dir.toString()), dir, log, cmd);
        return log;
    }

    /** Until vncviewer's log says {@code text} (or it exits); a failure shows the log's end. */
    private void awaitLog(Path log, String text) throws Exception {
        try {
            await(Duration.ofSeconds(90), "vncviewer's log says " + text,
                    () -> Files.readString(log).contains(text) || !viewer.isAlive());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + Processes.tail(log), e);
        }
    }

    @Test
    void x509NoneWithoutAPasswordReachesTheDemoDesktop() throws Exception {
        TestCertificates certs = TestCertificates.create(dir, "test CA");
        TestCertificates.Pair server = certs.server("server", "DNS:localhost,IP:127.0.0.1");
        gateway = GatewayCommand.start("--listen", "127.0.0.1:0", "--demo",
                "--tls-cert", server.cert().toString(), "--tls-key", server.key().toString());
        Path log = startViewer("X509None", certs.caCert());
        awaitLog(log, "Using pixel format");
        assertThat(Files.readString(log)).as(Processes.tail(log)).contains("Choosing security type X509None (260)")
                .containsPattern("TLS handshake completed with\\s+\\(TLS1\\.[23]\\)")
                .contains("Using pixel format");
    }

    /**
     * The gateway's bytes reach the viewer in batches, as on a loaded machine or a slow link: a
     * TLS 1.3 session ticket and the record after it (here X509None's SecurityResult) in one
     * read, which left vncviewer 1.12 waiting for ever; the listener therefore sends no ticket.
     */
    @Test
    void x509NoneThroughALinkThatBatchesTheGatewaysRecords() throws Exception {
        TestCertificates certs = TestCertificates.create(dir, "test CA");
        TestCertificates.Pair server = certs.server("server", "DNS:localhost,IP:127.0.0.1");
        gateway = GatewayCommand.start("--listen", "127.0.0.1:0", "--demo",
                "--tls-cert", server.cert().toString(), "--tls-key", server.key().toString());
        try (BatchingProxy link = new BatchingProxy(gateway.port(), 300)) {
            Path log = startViewer(link.port(), "X509None", certs.caCert());
            awaitLog(log, "Using pixel format");
            assertThat(Files.readString(log)).as(Processes.tail(log)).contains("TLS handshake completed")
                    .contains("Using pixel format");
        }
    }

    @Test
    void aViewerAllowedOnlyUnencryptedTypesFindsNothingInCommon() throws Exception {
        TestCertificates certs = TestCertificates.create(dir, "test CA");
        TestCertificates.Pair server = certs.server("server", "DNS:localhost,IP:127.0.0.1");
        Path password = Files.writeString(dir.resolve("password.txt"), "secret\n");
        gateway = GatewayCommand.start("--listen", "127.0.0.1:0", "--demo", "--password-file", password.toString(),
                "--tls-cert", server.cert().toString(), "--tls-key", server.key().toString());
        Path log = startViewer("VncAuth,None", certs.caCert());
        // vncviewer reports the failure in a dialog and its log, and waits there: read the log.
        awaitLog(log, "No matching security types");
        assertThat(Files.readString(log)).doesNotContain("Authentication success");
        await(Duration.ofSeconds(10), "the gateway ended the session", () -> gateway.viewerCount() == 0);
    }

    @Test
    void x509VncWithTheTestCaReachesTheDemoDesktop() throws Exception {
        String vncviewer = TestPeers.requireProgram("vncviewer", "tigervnc-viewer");
        String xvfbRun = TestPeers.requireProgram("xvfb-run", "xvfb");
        String vncpasswd = TestPeers.requireProgram("vncpasswd", "tigervnc-tools");
        TestCertificates certs = TestCertificates.create(dir, "test CA");
        TestCertificates.Pair server = certs.server("server", "DNS:localhost,IP:127.0.0.1");
        Path password = dir.resolve("password.txt");
        Files.writeString(password, "secret\n");
        Processes.check(Duration.ofSeconds(20), Map.of(), dir, "sh", "-c", vncpasswd + " -f < password.txt > viewer.passwd");

        gateway = GatewayCommand.start("--listen", "127.0.0.1:0", "--demo", "--password-file", password.toString(),
                "--tls-cert", server.cert().toString(), "--tls-key", server.key().toString());
        Path log = dir.resolve("vncviewer.log");
        viewer = Processes.start(Map.of("HOME", dir.toString()), dir, log, List.of(xvfbRun, "-a", "-s", "-screen 0 1024x768x24",
                vncviewer, "-SecurityTypes", "X509Vnc", "-X509CA", certs.caCert().toString(),
                "-PasswordFile", dir.resolve("viewer.passwd").toString(), "-Log", "*:stderr:100",
                "127.0.0.1::" + gateway.port()));
        awaitLog(log, "Using pixel format");
        String text = Files.readString(log);
        assertThat(text).as(Processes.tail(log)).contains("Using pixel format")
                .contains("Choosing security type X509Vnc (261)")
                .containsPattern("TLS handshake completed with\\s+\\(TLS1\\.[23]\\)")
                .contains("Authentication success!")
                .contains("initialisation done");
        assertThat(gateway.viewerCount()).isEqualTo(1);
    }
}
