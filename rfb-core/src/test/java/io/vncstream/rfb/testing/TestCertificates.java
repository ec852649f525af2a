package io.vncstream.rfb.testing;

import io.vncstream.rfb.server.ServerTls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;

/**
 * A test CA and server certificates made with {@code openssl}, as test-peers.md describes: the CA
 * is self-signed with keyCertSign; a server certificate has the names given (by default
 * {@code DNS:localhost,IP:127.0.0.1}) and serverAuth, and is valid for {@code days} days from now.
 *
 * <pre>{@code
 * TestCertificates ca = TestCertificates.create(dir, "test CA");
 * TestCertificates.Pair server = ca.server("server", "DNS:localhost,IP:127.0.0.1");
 * }</pre>
 */
public final class TestCertificates {
    private static final Duration TOOL = Duration.ofSeconds(60);

    private final Path dir;
    private final Path caCert;
    private final Path caKey;

    /** A certificate and its private key, both PEM. */
    public record Pair(Path cert, Path key) {
        public X509Certificate certificate() throws IOException {
            return TestCertificates.certificate(cert);
        }
    }

    private TestCertificates(Path dir, Path caCert, Path caKey) {
        this.dir = dir;
        this.caCert = caCert;
        this.caKey = caKey;
    }

    public static TestCertificates create(Path dir, String caName) throws IOException, InterruptedException {
        TestPeers.requireProgram("openssl", "openssl");
        Files.createDirectories(dir);
        String base = caName.replaceAll("[^A-Za-z0-9]", "_");
        Path cert = dir.resolve(base + ".crt");
        Path key = dir.resolve(base + ".key");
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-keyout", key.toString(),
                "-out", cert.toString(), "-subj", "/CN=" + caName,
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        return new TestCertificates(dir, cert, key);
    }

    public Path caCert() {
        return caCert;
    }

    public Path caKey() {
        return caKey;
    }

    public X509Certificate caCertificate() throws IOException {
        return certificate(caCert);
    }

    /** The server side's identity for rfb-core's server (the JDK reads it from a PKCS12 made by openssl). */
    public ServerTls serverTls(Pair pair) throws IOException, InterruptedException {
        char[] password = "test".toCharArray();
        Path p12 = dir.resolve(pair.cert().getFileName() + ".p12");
        openssl(dir, "pkcs12", "-export", "-in", pair.cert().toString(), "-inkey", pair.key().toString(),
                "-certfile", caCert.toString(), "-name", "server", "-out", p12.toString(), "-passout", "pass:test");
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return ServerTls.of(store, password);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** A JDK client context that trusts this CA only. */
    public SSLContext clientContext() throws IOException {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", caCertificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    public static X509Certificate certificate(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (java.security.cert.CertificateException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A server certificate signed by this CA for {@code names} ("DNS:localhost,IP:127.0.0.1"), valid 30 days. */
    public Pair server(String file, String names) throws IOException, InterruptedException {
        return server(file, names, 30);
    }

    public Pair server(String file, String names, int days) throws IOException, InterruptedException {
        Path key = dir.resolve(file + ".key");
        Path csr = dir.resolve(file + ".csr");
        Path cert = dir.resolve(file + ".crt");
        Path ext = dir.resolve(file + ".ext");
        Files.writeString(ext, "subjectAltName=" + names + "\nextendedKeyUsage=serverAuth\n");
        openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", csr.toString(),
                "-subj", "/CN=localhost");
        openssl(dir, "x509", "-req", "-in", csr.toString(), "-CA", caCert.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-days", Integer.toString(days), "-extfile", ext.toString(), "-out", cert.toString());
        return new Pair(cert, key);
    }

    /** A client certificate signed by this CA for the subject {@code /CN=cn} (clientAuth), valid 30 days. */
    public Pair client(String file, String cn) throws IOException, InterruptedException {
        Path key = dir.resolve(file + ".key");
        Path csr = dir.resolve(file + ".csr");
        Path cert = dir.resolve(file + ".crt");
        Path ext = dir.resolve(file + ".ext");
        Files.writeString(ext, "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n");
        openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", csr.toString(),
                "-subj", "/CN=" + cn);
        openssl(dir, "x509", "-req", "-in", csr.toString(), "-CA", caCert.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-days", "30", "-extfile", ext.toString(), "-out", cert.toString());
        return new Pair(cert, key);
    }

    /** The unencrypted PKCS#8 key openssl writes ({@code -----BEGIN PRIVATE KEY-----}), read with the JDK alone. */
    public static java.security.PrivateKey privateKey(Path pem) throws IOException {
        String text = Files.readString(pem);
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < 0) {
            throw new IOException(pem + " is not a PKCS#8 PEM key");
        }
        byte[] der = java.util.Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
        try {
            return java.security.KeyFactory.getInstance("RSA").generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read " + pem + ": " + e.getMessage(), e);
        }
    }

    /** A self-signed server certificate (no CA at all), as a server's generated one is. */
    public static Pair selfSigned(Path dir, String file, String names) throws IOException, InterruptedException {
        TestPeers.requireProgram("openssl", "openssl");
        Files.createDirectories(dir);
        Path key = dir.resolve(file + ".key");
        Path cert = dir.resolve(file + ".crt");
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-keyout", key.toString(),
                "-out", cert.toString(), "-subj", "/CN=localhost", "-addext", "subjectAltName=" + names,
                "-addext", "extendedKeyUsage=serverAuth");
        return new Pair(cert, key);
    }

    private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "openssl";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Processes.check(TOOL, Map.of(), dir, cmd);
    }
}
