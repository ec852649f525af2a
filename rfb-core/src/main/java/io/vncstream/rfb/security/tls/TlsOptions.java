package io.vncstream.rfb.security.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a client trusts TLS servers: the system's CAs and any more from PEM files ({@code --x509-ca}),
 * fingerprints the user vouched for ({@code --accept-certificate}), the store of certificates
 * accepted before, and whom to ask about an unknown one.
 */
public final class TlsOptions {
    private final List<X509Certificate> extraCas = new ArrayList<>();
    private boolean systemCas = true;
    private final Set<String> acceptedFingerprints = new LinkedHashSet<>();
    private KnownCertificates known = KnownCertificates.inMemory();
    private CertificatePrompt prompt = CertificatePrompt.REFUSE;

    /** Adds the CA certificates of a PEM (or DER) file; an unreadable one is an error naming the file. */
    public TlsOptions caFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            var certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IOException("CA file " + file + ": no certificate in it");
            }
            for (var c : certificates) {
                extraCas.add((X509Certificate) c);
            }
        } catch (CertificateException e) {
            throw new IOException("CA file " + file + ": not a PEM certificate (" + e.getMessage() + ")", e);
        }
        return this;
    }

    public TlsOptions ca(X509Certificate certificate) {
        extraCas.add(certificate);
        return this;
    }

    /** Whether the JDK's (the system's) CA certificates are trusted too; on by default. */
    public TlsOptions systemCas(boolean on) {
        this.systemCas = on;
        return this;
    }

    /** A certificate the user vouches for by its SHA-256 fingerprint (any form {@link Fingerprint#parse} takes). */
    public TlsOptions acceptFingerprint(String fingerprint) {
        acceptedFingerprints.add(Fingerprint.parse(fingerprint));
        return this;
    }

    public TlsOptions known(KnownCertificates known) {
        this.known = known;
        return this;
    }

    public TlsOptions prompt(CertificatePrompt prompt) {
        this.prompt = prompt;
        return this;
    }

    public List<X509Certificate> extraCas() {
        return List.copyOf(extraCas);
    }

    public boolean systemCas() {
        return systemCas;
    }

    public Set<String> acceptedFingerprints() {
        return Set.copyOf(acceptedFingerprints);
    }

    public KnownCertificates known() {
        return known;
    }

    public CertificatePrompt prompt() {
        return prompt;
    }
}
