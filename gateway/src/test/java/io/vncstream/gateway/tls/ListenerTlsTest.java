package io.vncstream.gateway.tls;

import io.vncstream.rfb.server.ServerSecurity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

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
        assertThat(first).contains("TLS certificate " + fp + " (self-signed, made now in " + state.resolve("tls-cert.pem") + ")");
        assertThat(second).contains("TLS certificate " + fp + " (self-signed, kept in " + state.resolve("tls-cert.pem") + ")");
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
