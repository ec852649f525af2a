package io.vncstream.rfb.testing;

import io.vncstream.rfb.server.ServerTls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;

/**
 * A test CA and a server certificate it signed, made with {@code openssl} as test-peers.md says:
 * SAN {@code DNS:localhost,IP:127.0.0.1}, serverAuth. The files are what Xvnc, QEMU and
 * TigerVNC's viewer take ({@code ca.crt}, {@code server.crt}, {@code server.key} in PKCS#8 PEM),
 * plus {@code server.p12} for the JDK.
 */
public record TestCertificates(Path dir, Path caCert, Path caKey, Path serverCert, Path serverKey, Path serverP12) {
    public static final char[] P12_PASSWORD = "test".toCharArray();
    private static final Duration OPENSSL = Duration.ofSeconds(60);

    /** Makes them in {@code dir} (which must exist); skips the test (fails in CI) without openssl. */
    public static TestCertificates create(Path dir) throws IOException, InterruptedException {
        return create(dir, "subjectAltName=DNS:localhost,IP:127.0.0.1");
    }

    /** With the server certificate's extension line for names, e.g. {@code subjectAltName=DNS:elsewhere}. */
    public static TestCertificates create(Path dir, String subjectAltName) throws IOException, InterruptedException {
        String openssl = TestPeers.requireProgram("openssl", "openssl");
        TestCertificates c = new TestCertificates(dir, dir.resolve("ca.crt"), dir.resolve("ca.key"),
                dir.resolve("server.crt"), dir.resolve("server.key"), dir.resolve("server.p12"));
        run(dir, openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
                "-keyout", "ca.key", "-out", "ca.crt", "-subj", "/CN=vncstream test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        run(dir, openssl, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                "-subj", "/CN=localhost");
        Files.writeString(dir.resolve("server.ext"), subjectAltName + "\nextendedKeyUsage=serverAuth\n");
        run(dir, openssl, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                "-CAcreateserial", "-days", "30", "-extfile", "server.ext", "-out", "server.crt");
        run(dir, openssl, "pkcs12", "-export", "-in", "server.crt", "-inkey", "server.key", "-certfile", "ca.crt",
                "-name", "server", "-out", "server.p12", "-passout", "pass:" + new String(P12_PASSWORD));
        return c;
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Processes.check(OPENSSL, Map.of(), dir, command);
    }

    /** The server's identity for rfb-core's server side. */
    public ServerTls serverTls() throws IOException {
        try (InputStream in = Files.newInputStream(serverP12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, P12_PASSWORD);
            return ServerTls.of(store, P12_PASSWORD);
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    public X509Certificate caCertificate() throws IOException {
        return certificate(caCert);
    }

    public X509Certificate serverCertificate() throws IOException {
        return certificate(serverCert);
    }

    /** A client context that trusts this CA only. */
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
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static X509Certificate certificate(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (java.security.cert.CertificateException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
