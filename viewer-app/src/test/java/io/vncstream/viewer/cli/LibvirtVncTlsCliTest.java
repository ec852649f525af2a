package io.vncstream.viewer.cli;

import io.vncstream.rfb.security.tls.Fingerprint;
import io.vncstream.rfb.testing.LibvirtTestDomain;
import io.vncstream.rfb.testing.PixelDiff;
import io.vncstream.rfb.testing.PrivateLibvirtd;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.TestCertificates;
import io.vncstream.ssh.testing.TestSshd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code vncstream snapshot --connect} to domains of libvirt hosts with {@code vnc_tls = 1}: each
 * a libvirtd of the test's own ({@link PrivateLibvirtd}; the shared one keeps its qemu.conf) with
 * certificates from a test CA, the viewer run as its own process whose home holds, or lacks, the
 * certificates where virt-viewer looks ({@code ~/.pki}; the test needs {@code /etc/pki} to hold
 * none). With {@code vnc_tls_x509_verify = 1} the libvirt client certificate is presented and the
 * picture equals {@code virsh screenshot}; without it, or without the CA, the one error line says
 * what is missing and where it was looked for. Over {@code qemu+ssh://} the server's certificate
 * is checked against the URI's host, where the tunnel ends, not the loopback address it gives.
 */
class LibvirtVncTlsCliTest {
    static final Pattern CONNECTED = Pattern.compile(
            "vncstream snapshot: connected, X509None, (TLSv1\\.[23]), \\S+, server verified(.*)");

    static Path dir;
    static TestCertificates ca;

    @BeforeAll
    static void certificates() throws Exception {
        assumeFalse(Files.exists(Path.of("/etc/pki/CA/cacert.pem")) || Files.exists(Path.of("/etc/pki/libvirt")),
                "/etc/pki holds libvirt certificates of this machine's, which virt-viewer's search finds first");
        dir = Files.createTempDirectory("libvirt-vnc-tls");
        ca = TestCertificates.create(dir, "libvirt VNC CA");
    }

    @AfterAll
    static void clean() {
        if (dir != null) {
            Processes.deleteTree(dir);
        }
    }

    /** QEMU's certificate directory ({@code vnc_tls_x509_cert_dir}) with a server certificate for {@code names}. */
    static Path serverDir(String name, String names) throws Exception {
        TestCertificates.Pair server = ca.server(name, names);
        Path d = Files.createDirectories(dir.resolve(name + "-pki"));
        Files.copy(ca.caCert(), d.resolve("ca-cert.pem"));
        Files.copy(server.cert(), d.resolve("server-cert.pem"));
        Files.copy(server.key(), d.resolve("server-key.pem"));
        return d;
    }

    /** A home whose ~/.pki holds the CA, and the client certificate if {@code client}, as virt-viewer wants them. */
    static Path home(String name, boolean withCa, boolean client) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        Path pki = home.resolve(".pki");
        if (withCa) {
            Files.createDirectories(pki.resolve("CA"));
            Files.copy(ca.caCert(), pki.resolve("CA/cacert.pem"));
        }
        if (client) {
            TestCertificates.Pair c = ca.client(name + "-client", "vncstream libvirt client");
            Files.createDirectories(pki.resolve("libvirt/private"), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Files.copy(c.cert(), pki.resolve("libvirt/clientcert.pem"));
            Files.copy(c.key(), pki.resolve("libvirt/private/clientkey.pem"));
            Files.setPosixFilePermissions(pki.resolve("libvirt/private/clientkey.pem"),
                    PosixFilePermissions.fromString("rw-------"));
        }
        return home;
    }

    static List<String> jvm(Path home, Map<String, String> more) {
        List<String> jvm = new ArrayList<>(List.of("-Djava.awt.headless=true", "-Duser.home=" + home));
        more.forEach((k, v) -> jvm.add("-D" + k + "=" + v));
        return jvm;
    }

    /** The command line libvirt started the domain's QEMU with. */
    static String qemuCommandLine(LibvirtTestDomain vm) {
        return ProcessHandle.allProcesses().map(h -> String.join(" ", h.info().arguments().orElse(new String[0])))
                .filter(c -> c.contains("guest=" + vm.name() + ",")).findFirst()
                .orElseThrow(() -> new AssertionError("no QEMU process for " + vm.name()));
    }

    /** The port of the domain's VNC server, from its live XML. */
    static int vncPort(LibvirtTestDomain vm) throws Exception {
        Matcher m = Pattern.compile("<graphics type='vnc' port='(\\d+)'").matcher(vm.dumpxml());
        assertThat(m.find()).as("a VNC port in the live XML").isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** Snapshots until one equals {@code virsh screenshot} taken just before (the console may change between); returns the verbose line. */
    static String snapshotEqualsScreenshot(LibvirtTestDomain vm, List<String> jvm, String uri, String... options)
            throws Exception {
        AssertionError last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Path ref = dir.resolve(vm.name() + "-ref" + attempt + ".img");
            Path png = dir.resolve(vm.name() + "-snap" + attempt + ".png");
            vm.virshHere("screenshot", vm.name(), ref.toString());
            List<String> args = new ArrayList<>(List.of("snapshot", "--verbose", "--connect", uri, vm.name(), png.toString()));
            args.addAll(List.of(options));
            Cli.Outcome r = Cli.separateProcess(jvm, args.toArray(String[]::new));
            assertThat(r.exitCode()).as("%s", r).isZero();
            try {
                PixelDiff.assertMatches(LibvirtCliTest.readImage(ref), PixelDiff.read(png), PixelDiff.EXACT,
                        "snapshot through vnc_tls vs virsh screenshot");
                assertThat(r.errLines()).hasSize(1);
                System.out.println(uri + ": " + r.errLines().get(0));
                return r.errLines().get(0);
            } catch (AssertionError e) {
                last = e;
            }
        }
        throw last;
    }

    static Cli.Outcome snapshotFails(List<String> jvm, String uri, LibvirtTestDomain vm, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("snapshot", "--connect", uri, vm.name(), dir.resolve("x.png").toString()));
        args.addAll(List.of(options));
        Cli.Outcome r = Cli.separateProcess(jvm, args.toArray(String[]::new));
        assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
        assertThat(r.errLines()).as("%s", r).hasSize(1);
        return r;
    }

    /** {@code vnc_tls_x509_verify = 1}: QEMU wants a client certificate from the CA. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ClientCertificatesVerified {
        PrivateLibvirtd libvirtd;
        LibvirtTestDomain vm;

        @BeforeAll
        void start() throws Exception {
            Path pki = serverDir("verify", "DNS:localhost,IP:127.0.0.1");
            libvirtd = PrivateLibvirtd.start("vnc_listen = \"127.0.0.1\"\nvnc_tls = 1\nvnc_tls_x509_verify = 1\n"
                    + "vnc_tls_x509_cert_dir = \"" + pki + "\"");
            vm = LibvirtTestDomain.boot(libvirtd.uri());
        }

        @AfterAll
        void stop() {
            if (vm != null) {
                vm.close();
            }
            if (libvirtd != null) {
                libvirtd.close();
            }
        }

        @Test
        void theCertificatesInPkiGiveTheScreenInsideTls() throws Exception {
            assertThat(qemuCommandLine(vm)).as("libvirt gave QEMU TLS with client verification")
                    .contains("tls-creds-x509").contains("\"verify-peer\":true").contains("tls-creds=");
            String line = snapshotEqualsScreenshot(vm, jvm(home("home-all", true, true), Map.of()), libvirtd.uri());
            Matcher m = CONNECTED.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            assertThat(m.group(2)).isEqualTo(", client certificate CN=vncstream libvirt client");
        }

        @Test
        void explicitFilesServeAsWell() throws Exception {
            TestCertificates.Pair c = ca.client("explicit", "explicit client");
            String line = snapshotEqualsScreenshot(vm, jvm(home("home-none-1", false, false), Map.of()), libvirtd.uri(),
                    "--x509-ca", ca.caCert().toString(), "--x509-cert", c.cert().toString(), "--x509-key", c.key().toString());
            assertThat(line).matches(CONNECTED).endsWith(", client certificate CN=explicit client");
        }

        @Test
        void withoutAClientCertificateTheErrorSaysWhereItLooked() throws Exception {
            Path home = home("home-ca-only", true, false);
            Cli.Outcome r = snapshotFails(jvm(home, Map.of()), libvirtd.uri(), vm);
            assertThat(r.err().strip()).isEqualTo("vncstream snapshot: the server 127.0.0.1::" + vncPort(vm)
                    + " closed the connection right after the TLS handshake, as QEMU does when it wants a client"
                    + " certificate and none was given (no libvirt client certificate in /etc/pki/libvirt/clientcert.pem or "
                    + home.resolve(".pki/libvirt/clientcert.pem") + "; give one with --x509-cert and --x509-key)");
        }

        @Test
        void aClientCertificateOfAnotherCaIsRefused() throws Exception {
            TestCertificates other = TestCertificates.create(dir.resolve("other"), "other CA");
            TestCertificates.Pair c = other.client("stranger", "stranger");
            Cli.Outcome r = snapshotFails(jvm(home("home-ca-2", true, false), Map.of()), libvirtd.uri(), vm,
                    "--x509-cert", c.cert().toString(), "--x509-key", c.key().toString());
            assertThat(r.err().strip()).isEqualTo("vncstream snapshot: the server 127.0.0.1::" + vncPort(vm)
                    + " closed the connection right after the TLS handshake, as QEMU does when it did not accept"
                    + " our client certificate CN=stranger");
        }

        @Test
        void withoutTheCaTheErrorSaysWhereItLooked() throws Exception {
            Path home = home("home-none-2", false, false);
            Cli.Outcome r = snapshotFails(jvm(home, Map.of()), libvirtd.uri(), vm);
            String fp = Fingerprint.of(TestCertificates.certificate(dir.resolve("verify-pki/server-cert.pem")));
            assertThat(r.err().strip()).isEqualTo("vncstream snapshot: the certificate of 127.0.0.1:" + vncPort(vm)
                    + " is not trusted (not signed by a trusted certificate authority (no libvirt CA certificate in"
                    + " /etc/pki/CA/cacert.pem or " + home.resolve(".pki/CA/cacert.pem") + "), " + fp
                    + "): if it is the server's, give --accept-certificate " + fp + ", or --x509-ca with the CA that signed it");
        }

        @Test
        void aKeyThatIsNotTheCertificatesIsNamedBeforeConnecting() throws Exception {
            TestCertificates.Pair a = ca.client("a", "a");
            TestCertificates.Pair b = ca.client("b", "b");
            Cli.Outcome r = snapshotFails(jvm(home("home-none-3", false, false), Map.of()), libvirtd.uri(), vm,
                    "--x509-cert", a.cert().toString(), "--x509-key", b.key().toString());
            assertThat(r.err().strip()).isEqualTo("vncstream snapshot: --x509-key " + b.key() + " does not belong to"
                    + " --x509-cert " + a.cert() + " (a different key pair)");
        }
    }

    /**
     * {@code vnc_tls = 1} alone, with a server certificate for the name localhost only: reached
     * locally at 127.0.0.1 the name does not match; through {@code qemu+ssh://root@localhost}
     * the tunnel ends at localhost, so it does.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class HostNames {
        PrivateLibvirtd libvirtd;
        LibvirtTestDomain vm;
        TestSshd sshd;
        Path home;

        @BeforeAll
        void start() throws Exception {
            Path pki = serverDir("names", "DNS:localhost");
            libvirtd = PrivateLibvirtd.start("vnc_listen = \"127.0.0.1\"\nvnc_tls = 1\n"
                    + "vnc_tls_x509_cert_dir = \"" + pki + "\"");
            vm = LibvirtTestDomain.boot(libvirtd.uri());
            home = home("home-names", true, false);
        }

        @AfterAll
        void stop() {
            if (sshd != null) {
                sshd.close();
            }
            if (vm != null) {
                vm.close();
            }
            if (libvirtd != null) {
                libvirtd.close();
            }
        }

        @Test
        void locallyTheListenAddressMustBeNamed() throws Exception {
            Cli.Outcome r = snapshotFails(jvm(home, Map.of()), libvirtd.uri(), vm);
            String fp = Fingerprint.of(TestCertificates.certificate(dir.resolve("names-pki/server-cert.pem")));
            assertThat(r.err().strip()).isEqualTo("vncstream snapshot: the certificate of 127.0.0.1:" + vncPort(vm)
                    + " is for DNS:localhost, not 127.0.0.1 (" + fp + ")");
        }

        @Test
        void overSshTheUrisHostMustBeNamed() throws Exception {
            sshd = sshd == null ? TestSshd.start() : sshd;
            sshd.appendKnownHost("[localhost]:" + sshd.port() + " " + sshd.hostPublicKey());
            String socket = libvirtd.uri().substring(libvirtd.uri().indexOf("?socket=") + 8);
            String uri = "qemu+ssh://" + sshd.user() + "@localhost:" + sshd.port() + "/system?socket=" + socket;
            String line = snapshotEqualsScreenshot(vm, jvm(home, sshd.clientSystemProperties()), uri);
            assertThat(line).matches(CONNECTED).doesNotContain("client certificate");
        }
    }
}
