package io.vncstream.gateway.tls;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * PEM certificates and private keys in every form openssl writes them: PKCS#8 ({@code PRIVATE
 * KEY}), traditional RSA and EC ({@code RSA PRIVATE KEY}, {@code EC PRIVATE KEY}, with or
 * without {@code EC PARAMETERS} before it), for RSA, EC and Ed25519 keys. BouncyCastle parses
 * them; the JDK's own providers make the keys, so TLS uses nothing but the JDK.
 */
public final class PemFiles {
    private PemFiles() {
    }

    /** The certificates in {@code file}, in order (the leaf first, as servers give their chain). */
    public static List<X509Certificate> certificates(Path file, String option) throws IOException {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = parser(file, option)) {
            Object o;
            while ((o = readObject(parser, file, option)) != null) {
                if (o instanceof X509CertificateHolder holder) {
                    chain.add(converter.getCertificate(holder));
                }
            }
        } catch (CertificateException e) {
            throw new IOException(option + " " + file + ": not a usable certificate: " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new IOException(option + " " + file + ": no PEM certificate (-----BEGIN CERTIFICATE-----) in it");
        }
        return chain;
    }

    /** The one private key in {@code file}. */
    public static PrivateKey privateKey(Path file, String option) throws IOException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser parser = parser(file, option)) {
            Object o;
            while ((o = readObject(parser, file, option)) != null) {
                if (o instanceof PEMKeyPair pair) {
                    // An EC key written without its public point ("openssl ec -no_public") has no pair to convert.
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PKCS8EncryptedPrivateKeyInfo || o instanceof PEMEncryptedKeyPair) {
                    throw new IOException(option + " " + file + ": the key is encrypted, and no passphrase is asked for"
                            + " (the gateway starts unattended); give an unencrypted copy (openssl pkey -in " + file + " -out KEY.pem), readable by its owner only");
                }
                if (!(o instanceof ASN1ObjectIdentifier || o instanceof X509CertificateHolder)) {
                    throw new IOException(option + " " + file + ": holds " + o.getClass().getSimpleName() + ", not a private key");
                }
            }
        } catch (org.bouncycastle.openssl.PEMException e) {
            throw new IOException(option + " " + file + ": not a usable private key: " + e.getMessage(), e);
        }
        throw new IOException(option + " " + file + ": no PEM private key (-----BEGIN PRIVATE KEY-----) in it");
    }

    /** Throws unless {@code key} is the private half of the certificate's public key. */
    public static void checkPair(PrivateKey key, X509Certificate certificate, Path keyFile, Path certFile) throws IOException {
        checkPair(key, certificate, keyFile, certFile, "--tls-key", "--tls-cert");
    }

    /** As above, naming the files as the options (or words) {@code keyWhat} and {@code certWhat}. */
    public static void checkPair(PrivateKey key, X509Certificate certificate, Path keyFile, Path certFile,
                                 String keyWhat, String certWhat) throws IOException {
        PublicKey pub = certificate.getPublicKey();
        if (!pub.getAlgorithm().equals(key.getAlgorithm()) && !(isEdDsa(pub) && isEdDsa(key))) {
            throw mismatch(keyFile, certFile, keyWhat, certWhat, key.getAlgorithm() + " key, " + pub.getAlgorithm() + " certificate");
        }
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
            default -> null;
        };
        if (algorithm == null) {
            return; // the TLS handshake will tell
        }
        try {
            byte[] probe = "vncstream key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(pub);
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw mismatch(keyFile, certFile, keyWhat, certWhat, "a different key pair");
            }
        } catch (GeneralSecurityException e) {
            throw mismatch(keyFile, certFile, keyWhat, certWhat, e.getMessage());
        }
    }

    private static boolean isEdDsa(java.security.Key k) {
        return k.getAlgorithm().startsWith("Ed");
    }

    private static IOException mismatch(Path keyFile, Path certFile, String keyWhat, String certWhat, String detail) {
        return new IOException(keyWhat + " " + keyFile + " does not belong to " + certWhat + " " + certFile + " (" + detail + ")");
    }

    /** Far above any certificate chain; a larger file is not one. */
    static final long MAX_PEM_FILE = 1024 * 1024;

    private static PEMParser parser(Path file, String option) throws IOException {
        try {
            if (Files.size(file) > MAX_PEM_FILE) {
                throw new IOException(option + " " + file + ": larger than " + MAX_PEM_FILE / 1024 + " KiB, not a PEM file");
            }
            Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
            return new PEMParser(r);
        } catch (NoSuchFileException e) {
            throw new IOException(option + " " + file + ": no such file");
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(option)) {
                throw e;
            }
            throw new IOException(option + " " + file + ": cannot read it: " + e.getMessage(), e);
        }
    }

    private static Object readObject(PEMParser parser, Path file, String option) throws IOException {
        try {
            return parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new IOException(option + " " + file + ": not valid PEM: " + e.getMessage(), e);
        }
    }
}
