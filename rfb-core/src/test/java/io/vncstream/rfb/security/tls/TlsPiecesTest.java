package io.vncstream.rfb.security.tls;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The small parts of certificate checking: name matching, fingerprints as users type them, the store. */
class TlsPiecesTest {
    @Nested
    class Names {
        @ParameterizedTest(name = "{0} vs {1}: {2}")
        @CsvSource({"localhost, localhost, true", "LocalHost, localhost, true", "vnc.example.org., vnc.example.org, true",
                "*.example.org, vnc.example.org, true", "*.example.org, example.org, false",
                "*.example.org, a.b.example.org, false", "*.org, example.org, false", "vnc.example.org, vnc2.example.org, false"})
        void dnsNamesMatchAsRfc6125Says(String pattern, String host, boolean matches) {
            assertThat(HostNames.dnsMatches(pattern, host)).isEqualTo(matches);
        }

        @Test
        void theServersTextReachesATerminalEscaped() {
            assertThat(HostNames.printable("DNS:evil\u001b[2J.example, CN=\u0007bell")).isEqualTo(
                    "DNS:evil\\x1b[2J.example, CN=\\x07bell");
        }

        @Test
        void ipLiteralsAreRecognisedWithoutALookup() {
            assertThat(HostNames.ipLiteral("127.0.0.1")).isNotNull();
            assertThat(HostNames.ipLiteral("[::1]")).isNotNull();
            assertThat(HostNames.ipLiteral("::1").isLoopbackAddress()).isTrue();
            assertThat(HostNames.ipLiteral("localhost")).isNull();
            assertThat(HostNames.ipLiteral("vnc.example.org")).isNull();
        }
    }

    @Nested
    class Fingerprints {
        static final String CANONICAL = "SHA256:" + "AB:".repeat(31) + "CD";

        @Test
        void everyFormAUserMightTypeIsTheSameFingerprint() {
            assertThat(Fingerprint.parse(CANONICAL)).isEqualTo(CANONICAL);
            assertThat(Fingerprint.parse("sha256:" + "ab".repeat(31) + "cd")).isEqualTo(CANONICAL);
            assertThat(Fingerprint.parse(" " + "AB:".repeat(31) + "CD ")).isEqualTo(CANONICAL);
        }

        @Test
        void somethingElseIsRefusedInWords() {
            assertThatThrownBy(() -> Fingerprint.parse("SHA256:zz")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not a SHA-256 fingerprint: 'SHA256:zz' (expected SHA256: and 32 bytes of hex, as the"
                            + " certificate prompt shows)");
        }
    }

    @Nested
    class Store {
        @TempDir
        Path dir;

        @Test
        void keepsOneFingerprintPerServerOwnerOnlyAndSkipsDamagedLines() throws Exception {
            Path file = dir.resolve("config/vncstream/known-certificates");
            KnownCertificates store = KnownCertificates.inFile(file);
            assertThat(store.lookup("host:5901")).isNull();
            store.remember("host:5901", Fingerprints.CANONICAL);
            store.remember("[::1]:5902", "ab".repeat(32));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
            Files.writeString(file, Files.readString(file) + "garbage-line\nother:1 not-a-fingerprint\n");
            KnownCertificates again = KnownCertificates.inFile(file);
            assertThat(again.lookup("host:5901")).isEqualTo(Fingerprints.CANONICAL);
            assertThat(again.lookup("[::1]:5902")).isEqualTo(Fingerprint.parse("ab".repeat(32)));
            assertThat(again.lookup("other:1")).isNull();
            again.remember("host:5901", "cd".repeat(32));
            assertThat(KnownCertificates.inFile(file).lookup("host:5901")).isEqualTo(Fingerprint.parse("cd".repeat(32)));
        }
    }
}
