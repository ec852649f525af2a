package io.vncstream.gateway.tls;

import io.vncstream.rfb.server.ServerSecurity;
import io.vncstream.rfb.testing.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy applied: the gateway's own certificate is made at the first start and the same after. */
class ListenerTlsTest {
    @TempDir
    Path state;

    @Test
    void selfSignedIsMadeOnceAndOfferedAloneWithThePassword() throws Exception {
        ServerSecurity plain = ServerSecurity.vncAuth("secret".toCharArray());
        ListenPolicy offLoopback = ListenPolicy.decide("0.0.0.0:5900", false, false, false, true, false);
        ServerSecurity first = ListenerTls.apply(offLoopback, plain, null, null, state);
        assertThat(first.offersTls()).isTrue();
        assertThat(first.unencryptedAllowed()).isFalse();
        assertThat(first.requiresPassword()).isTrue();
        ServerSecurity second = ListenerTls.apply(offLoopback, plain, null, null, state);
        assertThat(second.tls().fingerprint()).isEqualTo(first.tls().fingerprint());
        assertThat(first.tls().certificate().getSubjectX500Principal().getName()).contains("O=vncstream-gateway");
    }

    @Test
    void everyStartLogsTheFingerprintAndWhereTheCertificateIsKept() throws Exception {
        ListenPolicy offLoopback = ListenPolicy.decide("0.0.0.0:5900", false, false, false, true, false);
        ServerSecurity plain = ServerSecurity.vncAuth("secret".toCharArray());
        String first = stderrOf(() -> ListenerTls.apply(offLoopback, plain, null, null, state));
        String second = stderrOf(() -> ListenerTls.apply(offLoopback, plain, null, null, state));
        String fp = SelfSignedCertificate.loadOrCreate(state, "x").load().fingerprint();
        assertThat(first).contains("TLS certificate " + fp + " (self-signed, made now in " + state.resolve("tls-cert.pem") + "): ");
        assertThat(second).contains("TLS certificate " + fp + " (self-signed, kept in " + state.resolve("tls-cert.pem") + "): ");
    }

    @Test
    void aGivenKeyReadableByOthersIsWarnedAbout() throws Exception {
        TestCertificates ca = TestCertificates.create(state.resolve("ca"), "test CA");
        TestCertificates.Pair pair = ca.server("server", "DNS:localhost");
        ListenPolicy given = ListenPolicy.decide("127.0.0.1:5900", true, true, true, false, false);
        Files.setPosixFilePermissions(pair.key(), PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(stderrOf(() -> ListenerTls.apply(given, ServerSecurity.NONE, pair.cert(), pair.key(), state)))
                .contains("--tls-key " + pair.key() + " is readable by other users");
        Files.setPosixFilePermissions(pair.key(), PosixFilePermissions.fromString("rw-------"));
        assertThat(stderrOf(() -> ListenerTls.apply(given, ServerSecurity.NONE, pair.cert(), pair.key(), state)))
                .doesNotContain("readable by other users");
    }

    @Test
    void aLoosenedStateDirectoryAndKeyAreMadeOwnerOnlyAgain() throws Exception {
        ListenPolicy offLoopback = ListenPolicy.decide("0.0.0.0:5900", false, false, false, true, false);
        ServerSecurity plain = ServerSecurity.vncAuth("secret".toCharArray());
        ListenerTls.apply(offLoopback, plain, null, null, state);
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(state.resolve("tls-key.pem"), PosixFilePermissions.fromString("rw-r--r--"));
        ListenerTls.apply(offLoopback, plain, null, null, state);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("tls-key.pem"))))
                .isEqualTo("rw-------");
    }

    private interface Start {
        void run() throws Exception;
    }

    /** slf4j-simple writes to whatever System.err is at the time of each line. */
    private static String stderrOf(Start start) throws Exception {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            start.run();
        } finally {
            System.setErr(saved);
        }
        return captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void onLoopbackWithoutACertificateNothingIsMade() throws Exception {
        ListenPolicy loopback = ListenPolicy.decide("127.0.0.1:5900", true, false, false, false, false);
        assertThat(ListenerTls.apply(loopback, ServerSecurity.NONE, null, null, state)).isSameAs(ServerSecurity.NONE);
        assertThat(state).isEmptyDirectory();
    }
}
