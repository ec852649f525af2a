package io.vncstream.gateway.tls;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every rule of what the listener offers, without binding anything. */
class ListenPolicyTest {
    @Test
    void onLoopbackPlainStaysTheDefault() {
        assertThat(ListenPolicy.decide("127.0.0.1:5900", true, false, false, false, false))
                .isEqualTo(new ListenPolicy(ListenPolicy.Tls.NONE, true));
        assertThat(ListenPolicy.decide("127.0.0.1:5900", true, false, false, true, false))
                .isEqualTo(new ListenPolicy(ListenPolicy.Tls.NONE, true));
    }

    @Test
    void aGivenCertificateMeansTlsOnlyUnlessUnencryptedIsAllowed() {
        assertThat(ListenPolicy.decide("127.0.0.1:5900", true, true, true, false, false))
                .isEqualTo(new ListenPolicy(ListenPolicy.Tls.GIVEN, false));
        assertThat(ListenPolicy.decide("127.0.0.1:5900", true, true, true, true, true))
                .isEqualTo(new ListenPolicy(ListenPolicy.Tls.GIVEN, true));
        assertThat(ListenPolicy.decide("0.0.0.0:5900", false, true, true, true, false))
                .isEqualTo(new ListenPolicy(ListenPolicy.Tls.GIVEN, false));
    }

    @Test
    void offLoopbackWithoutACertificateTheGatewaysOwnIsUsed() {
        assertThat(ListenPolicy.decide("0.0.0.0:5900", false, false, false, true, false))
                .isEqualTo(new ListenPolicy(ListenPolicy.Tls.SELF_SIGNED, false));
        assertThat(ListenPolicy.decide("192.0.2.7:5900", false, false, false, true, true))
                .isEqualTo(new ListenPolicy(ListenPolicy.Tls.SELF_SIGNED, true));
    }

    @Test
    void offLoopbackWithoutAPasswordIsRefusedSayingWhatToAdd() {
        assertThatThrownBy(() -> ListenPolicy.decide("0.0.0.0:5900", false, true, true, false, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("refusing to listen on 0.0.0.0:5900 without a password: add --password-file FILE"
                        + " (any machine that reaches it could see the VM and type into it)");
    }

    @Test
    void aCertificateWithoutItsKeyOrTheOtherWayRoundIsRefused() {
        assertThatThrownBy(() -> ListenPolicy.decide("127.0.0.1:5900", true, true, false, true, false))
                .hasMessage("--tls-cert needs its private key: add --tls-key FILE");
        assertThatThrownBy(() -> ListenPolicy.decide("127.0.0.1:5900", true, false, true, true, false))
                .hasMessage("--tls-key needs its certificate: add --tls-cert FILE");
    }
}
