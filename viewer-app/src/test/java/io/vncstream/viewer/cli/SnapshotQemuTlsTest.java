package io.vncstream.viewer.cli;

import io.vncstream.rfb.testing.PixelDiff;
import io.vncstream.rfb.testing.StillScreen;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.TestCertificates;
import io.vncstream.rfb.testing.TinyVm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vncstream snapshot} of a tiny VM through QEMU's VeNCrypt: one VM (boots are slow) with
 * four VNC servers on its screen: {@code tls-creds-x509} (QEMU offers X509None only), the same
 * with {@code password=on} and a password set over QMP (X509Vnc only), and {@code tls-creds-anon}
 * (TLSNone), and X509None again on a Unix socket. Each snapshot must equal QMP's screendump pixel
 * for pixel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotQemuTlsTest {
    static final String PASSWORD = "qemu-tls";

    TinyVm vm;
    Path dir;
    Path ca;
    Path passwordFile;
    int passwordPort;
    int anonPort;

    @BeforeAll
    void bootVm() throws Exception {
        dir = Files.createTempDirectory("snapshot-qemu-tls");
        TestCertificates certs = TestCertificates.create(dir, "qemu CA");
        TestCertificates.Pair server = certs.server("server", "DNS:localhost,IP:127.0.0.1");
        Path creds = Files.createDirectories(dir.resolve("creds"));
        Files.copy(certs.caCert(), creds.resolve("ca-cert.pem"));
        Files.copy(server.cert(), creds.resolve("server-cert.pem"));
        Files.copy(server.key(), creds.resolve("server-key.pem"));
        ca = certs.caCert();
        passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        int second = freeDisplay(-1);
        int third = freeDisplay(second);
        passwordPort = 5900 + second;
        anonPort = 5900 + third;
        vm = TinyVm.boot(",tls-creds=tlsx", List.of(
                "-object", "tls-creds-x509,id=tlsx,dir=" + creds + ",endpoint=server,verify-peer=off",
                "-object", "tls-creds-anon,id=tlsa,endpoint=server",
                "-vnc", "127.0.0.1:" + second + ",id=withpassword,tls-creds=tlsx,password=on",
                "-vnc", "127.0.0.1:" + third + ",id=anonymous,tls-creds=tlsa",
                "-vnc", "unix:" + unixSocket() + ",id=unixtls,tls-creds=tlsx"));
        vm.qmp().executeOk("{\"execute\":\"set_password\",\"arguments\":{\"protocol\":\"vnc\",\"password\":\""
                + PASSWORD + "\",\"display\":\"withpassword\"}}");
        BufferedImage shown = vm.showOnScreen("vncstream snapshot through VeNCrypt", "0123456789 ABCDEF abcdef");
        assertThat(PixelDiff.distinctColours(shown)).isGreaterThan(1);
    }

    private Path unixSocket() {
        return dir.resolve("vnc-tls.sock");
    }

    private static int freeDisplay(int not) {
        for (int i = 0; i < 50; i++) {
            int n = 30 + ThreadLocalRandom.current().nextInt(70);
            if (n != not && Processes.portFree(5900 + n)) {
                return n;
            }
        }
        throw new IllegalStateException("no free VNC port");
    }

    @AfterAll
    void stopVm() {
        if (vm != null) {
            vm.close();
        }
        Processes.deleteTree(dir);
    }

    @Test
    void x509NoneByDefaultEqualsTheScreendump() throws Exception {
        snapshotEqualsScreendump("x509none", vm.vncAddress(), "--x509-ca", ca.toString());
    }

    @Test
    void x509VncWithThePasswordSetOverQmpEqualsTheScreendump() throws Exception {
        snapshotEqualsScreendump("x509vnc", "127.0.0.1::" + passwordPort, "--security-types", "X509Vnc",
                "--x509-ca", ca.toString(), "--password-file", passwordFile.toString());
    }

    /** TLS over a Unix socket: the SSLEngine runs over the socket channel's streams as over TCP's. */
    @Test
    void x509OverAUnixSocketEqualsTheScreendump() throws Exception {
        snapshotEqualsScreendump("unix", "unix:" + unixSocket(), "--security-types", "X509None",
                "--x509-ca", ca.toString());
    }

    @Test
    void anonymousTlsEqualsTheScreendump() throws Exception {
        snapshotEqualsScreendump("tlsnone", "127.0.0.1::" + anonPort, "--security-types", "TLSNone");
    }

    @Test
    void onlyX509VncAllowedAgainstTheX509NoneServerSaysWhatItOffers() {
        Cli.Outcome r = Cli.snapshot(vm.vncAddress(), dir.resolve("x.png"), "--security-types", "X509Vnc");
        assertThat(r.errLines()).containsExactly("vncstream snapshot: protocol error: VeNCrypt: the server offers only"
                + " [X509None], none of which the allowed security types (X509Vnc) include");
    }

    private void snapshotEqualsScreendump(String name, String address, String... options) throws Exception {
        int[] attempt = {0};
        StillScreen.assertMatchesScreendump(vm, () -> {
            Path png = dir.resolve(name + "-" + ++attempt[0] + ".png");
            Cli.Outcome r = Cli.snapshot(address, png, options);
            System.out.println("snapshot " + address + " " + String.join(" ", options) + ": " + r.millis() + " ms");
            assertThat(r.exitCode()).as("%s\n%s", r, vm.logTail()).isZero();
            return PixelDiff.read(png);
        }, "QEMU VeNCrypt, " + name);
    }
}
