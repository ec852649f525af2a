package io.vncstream.rfb.security.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
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
 * accepted before, and whom to ask about an unknown one; and the client certificate to present
 * when a server asks for one ({@code --x509-cert}, {@code --x509-key}; libvirt's
 * {@code vnc_tls_x509_verify}).
 */
public final class TlsOptions {
    private final List<X509Certificate> extraCas = new ArrayList<>();
    private boolean systemCas = true;
    private final Set<String> acceptedFingerprints = new LinkedHashSet<>();
    private KnownCertificates known = KnownCertificates.inMemory();
    private CertificatePrompt prompt = CertificatePrompt.REFUSE;
    private PrivateKey clientKey;
    private List<X509Certificate> clientChain = List.of();
    private String untrustedAdvice;
    private String clientAdvice;

    /** Adds the CA certificates of a PEM (or DER) file; an unreadable one is an error naming the file. */
    public TlsOptions caFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            var certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IOException("CA file " + file + ": no certificate in it");
            }
            for (var c : certificates) {
                ca((X509Certificate) c);
            }
        } catch (CertificateException e) {
            throw new IOException("CA file " + file + ": not a PEM certificate (" + e.getMessage() + ")", e);
        }
        return this;
    }

    /** Trusts one more CA; one already trusted is not added twice (a reconnect may add it again). */
    public TlsOptions ca(X509Certificate certificate) {
        if (!extraCas.contains(certificate)) {
            extraCas.add(certificate);
        }
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

    /**
     * The certificate (leaf first, then any intermediates) and its private key to present when a
     * server asks for a client certificate; without one we answer such a request with none.
     */
    public TlsOptions clientCertificate(PrivateKey key, List<X509Certificate> chain) {
        if (key == null || chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("a client certificate needs its key and at least one certificate");
        }
        this.clientKey = key;
        this.clientChain = List.copyOf(chain);
        return this;
    }

    public PrivateKey clientKey() {
        return clientKey;
    }

    /** Empty when no client certificate is set. */
    public List<X509Certificate> clientChain() {
        return clientChain;
    }

    /**
     * Words added to "not signed by a trusted certificate authority", saying where a CA was looked
     * for and not found (as for a libvirt host's {@code vnc_tls} CA); null for none.
     */
    public TlsOptions untrustedAdvice(String advice) {
        this.untrustedAdvice = advice;
        return this;
    }

    public String untrustedAdvice() {
        return untrustedAdvice;
    }

    /** Words added when a server wants a client certificate and we have none (where one was looked for). */
    public TlsOptions clientAdvice(String advice) {
        this.clientAdvice = advice;
        return this;
    }

    public String clientAdvice() {
        return clientAdvice;
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
