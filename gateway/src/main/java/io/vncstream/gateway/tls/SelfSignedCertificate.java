package io.vncstream.gateway.tls;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The gateway's own certificate when none is given: an EC P-256 key and a self-signed
 * certificate made once and kept in the state directory (0700, files 0600), so its fingerprint
 * stays the same from one start to the next and a viewer that accepted it once is not asked again.
 */
public final class SelfSignedCertificate {
    static final String CERT_FILE = "tls-cert.pem";
    static final String KEY_FILE = "tls-key.pem";
    /** Long: a new certificate is a new fingerprint that every viewer must accept again. */
    static final Duration VALIDITY = Duration.ofDays(3650);

    private SelfSignedCertificate() {
    }

    /** The certificate and key files in {@code stateDir}, made now if they are not there yet (or expired). */
    public static TlsFiles loadOrCreate(Path stateDir, String hostName) throws IOException {
        Path cert = stateDir.resolve(CERT_FILE);
        Path key = stateDir.resolve(KEY_FILE);
        boolean made = false;
        if (!Files.exists(cert) || !Files.exists(key) || expired(cert)) {
            create(stateDir, hostName);
            made = true;
        } else {
            // Kept owner-only even if something loosened them since.
            StateDirectory.ensurePrivate(stateDir);
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        }
        return new TlsFiles(cert, key, true, made);
    }

    private static boolean expired(Path cert) throws IOException {
        X509Certificate c = PemFiles.certificates(cert, "the gateway's certificate").get(0);
        return c.getNotAfter().before(new Date());
    }

    static void create(Path stateDir, String hostName) throws IOException {
        StateDirectory.ensurePrivate(stateDir);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + escape(hostName) + ",O=vncstream-gateway");
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(127, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(VALIDITY)), name, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names(hostName)));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            // The key first: a certificate without its key would be taken as complete next time.
            writePrivate(stateDir.resolve(KEY_FILE), pem(new JcaPKCS8Generator(pair.getPrivate(), null).generate()));
            writePrivate(stateDir.resolve(CERT_FILE), pem(certificate));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot make the gateway's TLS certificate: " + e.getMessage(), e);
        }
    }

    /** The host's name, localhost and 127.0.0.1, so a viewer's host-name check passes where it can. */
    private static GeneralName[] names(String hostName) {
        Set<String> dns = new LinkedHashSet<>(List.of(hostName, "localhost"));
        List<GeneralName> names = new ArrayList<>();
        for (String d : dns) {
            names.add(new GeneralName(GeneralName.dNSName, d));
        }
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        names.add(new GeneralName(GeneralName.iPAddress, "::1"));
        return names.toArray(GeneralName[]::new);
    }

    private static String escape(String s) {
        return s.replaceAll("[^A-Za-z0-9.-]", "_");
    }

    /** This machine's name, for the certificate; "localhost" when it has none. */
    public static String localHostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name == null || name.isBlank() ? "localhost" : name;
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static String pem(Object o) throws IOException {
        StringWriter s = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(s)) {
            w.writeObject(o);
        }
        return s.toString();
    }

    /** Written owner-only from the start (never briefly world-readable), then moved into place. */
    private static void writePrivate(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot write " + tmp + ": it appeared while being made");
        }
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING)) {
            w.write(content);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
