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
    void onLoopbackWithoutACertificateNothingIsMade() throws Exception {
        ListenPolicy loopback = ListenPolicy.decide("127.0.0.1:5900", true, false, false, false, false);
        assertThat(ListenerTls.apply(loopback, ServerSecurity.NONE, null, null, state)).isSameAs(ServerSecurity.NONE);
        assertThat(state).isEmptyDirectory();
    }
}
