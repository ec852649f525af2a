package io.vncstream.viewer.cli;

import io.vncstream.rfb.security.tls.Fingerprint;
import io.vncstream.rfb.testing.PixelDiff;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.TestCertificates;
import io.vncstream.rfb.testing.TestPeers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * VeNCrypt against x11vnc ({@code -ssl} with a self-signed certificate, OpenSSL underneath, where
 * Xvnc and QEMU use GnuTLS) on an Xvfb display: X509Vnc with the certificate accepted by its
 * fingerprint gives the display's framebuffer pixel for pixel. x11vnc's anonymous TLS fails the
 * handshake with OpenSSL 3 (its ADH suites are below OpenSSL's default security level; TigerVNC's
 * vncviewer fails the same way): the failure is one line naming the alert.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotX11vncTlsTest {
    private static final Duration TOOL = Duration.ofSeconds(30);

    Path dir;
    Process xvfb;
    Process x11vnc;
    int display;
    int port;
    String fingerprint;
    Path passwordFile;
    Path reference;

    @BeforeAll
    void start() throws Exception {
        String xvfbProgram = TestPeers.requireProgram("Xvfb", "xvfb");
        String x11vncProgram = TestPeers.requireProgram("x11vnc", "x11vnc");
        TestPeers.requireProgram("vncpasswd", "tigervnc-tools");
        TestPeers.requireProgram("xwd", "x11-apps");
        TestPeers.requireProgram("convert", "imagemagick");
        dir = Files.createTempDirectory("x11vnc-tls");
        display = freeDisplay();
        port = 5900 + display;
        xvfb = Processes.start(Map.of(), dir, dir.resolve("xvfb.log"),
                List.of(xvfbProgram, ":" + display, "-screen", "0", "320x240x24", "-nolisten", "tcp"));
        waitFor(() -> Files.exists(Path.of("/tmp/.X11-unix/X" + display)), "Xvfb :" + display);
        Map<String, String> env = Map.of("DISPLAY", ":" + display);
        Path picture = dir.resolve("root.png");
        Processes.check(TOOL, Map.of(), dir, "convert", "-seed", "7", "-size", "320x240", "plasma:fractal",
                "png24:" + picture);
        Processes.run(TOOL, env, dir, List.of("display", "-window", "root", picture.toString()));

        TestCertificates.Pair cert = TestCertificates.selfSigned(dir, "x11vnc", "DNS:localhost,IP:127.0.0.1");
        Path both = dir.resolve("both.pem");
        Files.writeString(both, Files.readString(cert.key()) + Files.readString(cert.cert()));
        try (var in = Files.newInputStream(cert.cert())) {
            fingerprint = Fingerprint.of((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        Files.writeString(dir.resolve("pw.txt"), "x11-pw\n");
        passwordFile = dir.resolve("pw.txt");
        Path rfbauth = dir.resolve("passwd");
        Process p = new ProcessBuilder("vncpasswd", "-f").redirectInput(passwordFile.toFile())
                .redirectOutput(rfbauth.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor()).isZero();
        x11vnc = Processes.start(Map.of(), dir, dir.resolve("x11vnc.log"), List.of(x11vncProgram,
                "-display", ":" + display, "-rfbport", Integer.toString(port), "-listen", "127.0.0.1",
                "-ssl", both.toString(), "-rfbauth", rfbauth.toString(), "-forever", "-shared", "-q"));
        waitFor(() -> Processes.accepts(port), "x11vnc on port " + port);
        Path xwd = dir.resolve("ref.xwd");
        Processes.check(TOOL, env, dir, "xwd", "-root", "-silent", "-out", xwd.toString());
        reference = dir.resolve("reference.png");
        Processes.check(TOOL, Map.of(), dir, "convert", "xwd:" + xwd, "png24:" + reference);
        assertThat(PixelDiff.distinctColours(PixelDiff.read(reference))).isGreaterThan(1000);
    }

    private static int freeDisplay() {
        for (int i = 0; i < 100; i++) {
            int n = 100 + ThreadLocalRandom.current().nextInt(60);
            if (!Files.exists(Path.of("/tmp/.X" + n + "-lock")) && !Files.exists(Path.of("/tmp/.X11-unix/X" + n))
                    && Processes.portFree(5900 + n)) {
                return n;
            }
        }
        throw new IllegalStateException("no free X display");
    }

    private void waitFor(java.util.function.BooleanSupplier ready, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (ready.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + " did not start within 20 s:\n" + Processes.tail(dir.resolve("x11vnc.log")));
    }

    @AfterAll
    void stop() {
        if (x11vnc != null) {
            Processes.killTree(x11vnc.toHandle());
        }
        if (xvfb != null) {
            Processes.killTree(xvfb.toHandle());
        }
        Processes.deleteTree(dir);
    }

    @Test
    void x509VncWithTheFingerprintGivenEqualsTheFramebuffer() throws Exception {
        Path png = dir.resolve("x509vnc.png");
        Cli.Outcome r = Cli.snapshot("127.0.0.1::" + port, png, "--security-types", "X509Vnc",
                "--accept-certificate", fingerprint, "--password-file", passwordFile.toString());
        assertThat(r.exitCode()).as("%s\n%s", r, Processes.tail(dir.resolve("x11vnc.log"))).isZero();
        PixelDiff.assertMatches(reference, png, PixelDiff.EXACT, "x11vnc X509Vnc");
    }

    @Test
    void itsBrokenAnonymousTlsIsOneLineNamingTheAlert() {
        Cli.Outcome r = Cli.snapshot("127.0.0.1::" + port, dir.resolve("anon.png"), "--security-types", "TLSVnc",
                "--password-file", passwordFile.toString());
        assertThat(r.errLines()).containsExactly("vncstream snapshot: TLS with 127.0.0.1::" + port
                + " failed: Received fatal alert: handshake_failure");
    }
}
