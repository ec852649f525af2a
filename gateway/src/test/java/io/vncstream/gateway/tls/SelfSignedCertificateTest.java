package io.vncstream.gateway.tls;

import io.vncstream.rfb.server.ServerTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's own certificate: made once, owner-only, the same at every start. */
class SelfSignedCertificateTest {
    @TempDir
    Path home;

    @Test
    void isMadeOnceOwnerOnlyAndKeptForTheNextStart() throws Exception {
        Path state = home.resolve("state/vncstream/gateway");
        TlsFiles first = SelfSignedCertificate.loadOrCreate(state, "host.example");
        assertThat(first.madeNow()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.key()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.certificate()))).isEqualTo("rw-------");
        assertThat(Files.readString(first.key())).startsWith("-----BEGIN PRIVATE KEY-----");
        ServerTls tls = first.load();

        TlsFiles second = SelfSignedCertificate.loadOrCreate(state, "host.example");
        assertThat(second.madeNow()).isFalse();
        assertThat(second.load().fingerprint()).isEqualTo(tls.fingerprint());

        X509Certificate c = tls.certificate();
        assertThat(c.getSubjectX500Principal().getName()).isEqualTo("O=vncstream-gateway,CN=host.example");
        assertThat(c.getSubjectAlternativeNames()).extracting(n -> (Object) n.get(1))
                .contains((Object) "host.example", "localhost", "127.0.0.1");
        assertThat(c.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(c.getBasicConstraints()).isEqualTo(-1);
        assertThat(c.getNotAfter().getTime() - System.currentTimeMillis()).isGreaterThan(3000L * 24 * 3600 * 1000);
    }

    @Test
    void anExistingStateDirectoryIsMadeOwnerOnly() throws Exception {
        Path state = Files.createDirectories(home.resolve("loose"));
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxr-xr-x"));
        SelfSignedCertificate.loadOrCreate(state, "h");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
        assertThat(List.of(state.toFile().list())).containsExactlyInAnyOrder("tls-cert.pem", "tls-key.pem");
    }

    @Test
    void theStateDirectoryFollowsXdg() {
        assertThat(StateDirectory.resolve(null, "/home/u")).isEqualTo(Paths.get("/home/u/.local/state/vncstream/gateway"));
        assertThat(StateDirectory.resolve("rel", "/home/u")).isEqualTo(Paths.get("/home/u/.local/state/vncstream/gateway"));
        assertThat(StateDirectory.resolve("/x", "/home/u")).isEqualTo(Paths.get("/x/vncstream/gateway"));
    }
}
