package io.vncstream.gateway.tls;

import io.vncstream.rfb.server.ServerTls;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keys and certificates in the forms openssl writes, made by openssl itself. */
class PemFilesTest {
    @TempDir
    static Path dir;
    private static TestCertificates certificates;
    private static TestCertificates.Pair server;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certificates = TestCertificates.create(dir, "test CA");
        server = certificates.server("server", "DNS:localhost,IP:127.0.0.1");
    }

    private static String openssl(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "openssl";
        System.arraycopy(args, 0, command, 1, args.length);
        return Processes.check(Duration.ofSeconds(30), Map.of(), dir, command);
    }

    /** A self-signed certificate for {@code key}. */
    private static Path certificateFor(String key) throws Exception {
        String cert = key + ".crt";
        openssl("req", "-x509", "-key", key, "-subj", "/CN=localhost", "-days", "2", "-out", cert);
        return dir.resolve(cert);
    }

    @Test
    void pkcs8RsaKeyWithCertificateSignedByACa() throws Exception {
        assertThat(Files.readString(server.key())).startsWith("-----BEGIN PRIVATE KEY-----");
        ServerTls tls = new TlsFiles(server.cert(), server.key(), false, false).load();
        assertThat(tls.certificate()).isEqualTo(server.certificate());
    }

    @Test
    void traditionalRsaKey() throws Exception {
        openssl("rsa", "-in", "server.key", "-traditional", "-out", "rsa-trad.key");
        assertThat(Files.readString(dir.resolve("rsa-trad.key"))).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        new TlsFiles(server.cert(), dir.resolve("rsa-trad.key"), false, false).load();
    }

    @Test
    void ecKeyFromEcparamWithItsParametersBlockFirst() throws Exception {
        openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", "ec.key");
        assertThat(Files.readString(dir.resolve("ec.key"))).startsWith("-----BEGIN EC PARAMETERS-----")
                .contains("-----BEGIN EC PRIVATE KEY-----");
        new TlsFiles(certificateFor("ec.key"), dir.resolve("ec.key"), false, false).load();
    }

    @Test
    void ecKeyWithoutItsPublicPoint() throws Exception {
        openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec-full.key");
        openssl("ec", "-in", "ec-full.key", "-no_public", "-out", "ec-nopub.key");
        new TlsFiles(certificateFor("ec-full.key"), dir.resolve("ec-nopub.key"), false, false).load();
    }

    @ParameterizedTest
    @ValueSource(strings = {"EC", "ED25519", "RSA"})
    void pkcs8KeysFromGenpkey(String algorithm) throws Exception {
        String key = "genpkey-" + algorithm + ".key";
        if (algorithm.equals("EC")) {
            openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-out", key);
        } else {
            openssl("genpkey", "-algorithm", algorithm, "-out", key);
        }
        ServerTls tls = new TlsFiles(certificateFor(key), dir.resolve(key), false, false).load();
        assertThat(tls.fingerprint()).startsWith("SHA256:");
    }

    @Test
    void chainFileKeepsTheLeafFirst() throws Exception {
        Path chain = dir.resolve("chain.pem");
        Files.writeString(chain, Files.readString(server.cert()) + Files.readString(certificates.caCert()));
        assertThat(PemFiles.certificates(chain, "--tls-cert"))
                .containsExactly(server.certificate(), certificates.caCertificate());
    }

    @Test
    void anEncryptedKeyIsRefusedSayingHowToDecryptIt() throws Exception {
        openssl("pkey", "-in", "server.key", "-aes256", "-passout", "pass:pw", "-out", "enc.key");
        assertThatThrownBy(() -> PemFiles.privateKey(dir.resolve("enc.key"), "--tls-key"))
                .hasMessageStartingWith("--tls-key " + dir.resolve("enc.key") + ": the key is encrypted")
                .hasMessageContaining("openssl pkey -in");
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() throws Exception {
        openssl("genpkey", "-algorithm", "RSA", "-out", "other.key");
        assertThatThrownBy(() -> new TlsFiles(server.cert(), dir.resolve("other.key"), false, false).load())
                .hasMessage("--tls-key " + dir.resolve("other.key") + " does not belong to --tls-cert "
                        + server.cert() + " (a different key pair)");
        assertThatThrownBy(() -> new TlsFiles(server.cert(), dir.resolve("ec.key.none"), false, false).load())
                .hasMessage("--tls-key " + dir.resolve("ec.key.none") + ": no such file");
    }

    @Test
    void filesThatAreNotWhatTheyShouldBeSaySo() throws Exception {
        Path text = dir.resolve("text.pem");
        Files.writeString(text, "hello\n");
        assertThatThrownBy(() -> PemFiles.certificates(text, "--tls-cert"))
                .hasMessage("--tls-cert " + text + ": no PEM certificate (-----BEGIN CERTIFICATE-----) in it");
        assertThatThrownBy(() -> PemFiles.privateKey(server.cert(), "--tls-key"))
                .hasMessage("--tls-key " + server.cert() + ": no PEM private key (-----BEGIN PRIVATE KEY-----) in it");
        Path broken = dir.resolve("broken.pem");
        Files.writeString(broken, "-----BEGIN CERTIFICATE-----\nAAAA!!\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> PemFiles.certificates(broken, "--tls-cert"))
                .hasMessageStartingWith("--tls-cert " + broken + ": ");
        Path huge = dir.resolve("huge.pem");
        Files.write(huge, new byte[(int) PemFiles.MAX_PEM_FILE + 1]);
        assertThatThrownBy(() -> PemFiles.certificates(huge, "--tls-cert"))
                .hasMessage("--tls-cert " + huge + ": larger than 1024 KiB, not a PEM file");
    }
}
