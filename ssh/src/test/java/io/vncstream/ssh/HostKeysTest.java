package io.vncstream.ssh;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Host key blobs in ssh's words, checked against what ssh-keygen printed for the same key. */
class HostKeysTest {
    /** {@code ssh-keygen -t ed25519}; {@code ssh-keygen -l -E sha256 -f} printed the fingerprint below. */
    private static final String BLOB = "AAAAC3NzaC1lZDI1NTE5AAAAIBj0UsexveWIV319457LWO8ozddtWrzw+ac4YLEAyup6";

    @Test
    void fingerprintAndTypeAsSshPrintsThem() {
        byte[] blob = Base64.getDecoder().decode(BLOB);
        assertThat(HostKeys.algorithm(blob)).isEqualTo("ssh-ed25519");
        assertThat(HostKeys.typeName(blob)).isEqualTo("ED25519");
        assertThat(HostKeys.fingerprint(blob)).isEqualTo(FINGERPRINT);
        assertThat(HostKeys.knownHostsLine("[h]:2", blob)).isEqualTo("[h]:2 ssh-ed25519 " + BLOB);
    }

    @Test
    void aTruncatedBlobIsUnknownNotAnException() {
        assertThat(HostKeys.algorithm(new byte[] {0, 0, 0})).isEqualTo("unknown");
        assertThat(HostKeys.algorithm(new byte[] {0x7f, 0, 0, 0, 'a'})).isEqualTo("unknown");
    }

    private static final String FINGERPRINT = "SHA256:ELBkPrxg+Ndbf8RVcFX9d/h2xRykRe3aNbNLa3LkMUw";
}
