package io.vncstream.rfb.security.tls;

import io.vncstream.rfb.security.ConnectionSecurity.Verification;
import io.vncstream.rfb.security.UserWait;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether to trust a server's certificate, in this order: out of its validity period
 * is refused; a fingerprint the user gave is trusted; a chain to a trusted CA is trusted if the
 * certificate names the host; otherwise a certificate accepted before for this server is trusted,
 * a different one refused (it changed), and an unknown one is put to the user. Each refusal is one
 * line that says which of these it was.
 */
public final class CertificateCheck implements X509TrustManager {
    private final TlsOptions options;
    private final String serverKey;
    private final String host;
    private final UserWait userWait;
    private final Clock clock;
    private Verification verification;
    private String fingerprint;

    /**
     * @param serverKey "host:port", how the server is named in messages and in the store
     * @param host      the name the certificate must cover; null (a Unix socket) skips the name check
     */
    public CertificateCheck(TlsOptions options, String serverKey, String host, UserWait userWait, Clock clock) {
        this.options = options;
        this.serverKey = serverKey;
        this.host = host;
        this.userWait = userWait;
        this.clock = clock;
    }

    /** How the certificate came to be trusted, once the handshake succeeded. */
    public Verification verification() {
        return verification;
    }

    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateRejectedException("the server " + serverKey + " sent no certificate");
        }
        X509Certificate leaf = chain[0];
        String fp = Fingerprint.of(leaf);
        Instant now = clock.instant();
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            throw new CertificateRejectedException("the certificate of " + serverKey + " expired on "
                    + leaf.getNotAfter().toInstant() + " (" + fp + ")");
        }
        if (now.isBefore(leaf.getNotBefore().toInstant())) {
            throw new CertificateRejectedException("the certificate of " + serverKey + " is not valid before "
                    + leaf.getNotBefore().toInstant() + " (" + fp + "; is a clock wrong?)");
        }
        fingerprint = fp;
        if (options.acceptedFingerprints().contains(fp)) {
            verification = Verification.PINNED;
            return;
        }
        String problem = chainProblem(chain, authType);
        if (problem == null) {
            if (host != null && !HostNames.matches(leaf, host)) {
                throw new CertificateRejectedException("the certificate of " + serverKey + " is for "
                        + HostNames.printable(String.join(", ", HostNames.names(leaf))) + ", not " + host + " (" + fp + ")");
            }
            verification = Verification.CA;
            return;
        }
        String known = known();
        if (fp.equals(known)) {
            verification = Verification.KNOWN;
            return;
        }
        if (known != null) {
            throw new CertificateRejectedException("the certificate of " + serverKey + " changed: accepted before "
                    + known + ", now " + fp + storeHint());
        }
        ask(leaf, fp, problem);
    }

    private void ask(X509Certificate leaf, String fp, String problem) throws CertificateException {
        CertificateDetails details = new CertificateDetails(serverKey, leaf.getSubjectX500Principal().getName(),
                leaf.getIssuerX500Principal().getName(), leaf.getNotBefore().toInstant(),
                leaf.getNotAfter().toInstant(), HostNames.names(leaf), fp, problem);
        CertificatePrompt.Decision decision;
        userWait.started();
        try {
            decision = options.prompt().decide(details);
        } catch (IOException e) {
            throw new CertificateRejectedException(e.getMessage());
        } finally {
            userWait.ended();
        }
        switch (decision) {
            case ACCEPT_ALWAYS -> {
                try {
                    options.known().remember(serverKey, fp);
                } catch (IOException | IllegalArgumentException e) {
                    throw new CertificateRejectedException("could not keep the certificate of " + serverKey
                            + " in " + options.known().file() + ": " + e.getMessage());
                }
                verification = Verification.ACCEPTED;
            }
            case ACCEPT_ONCE -> verification = Verification.ACCEPTED;
            default -> throw new CertificateRejectedException("the certificate of " + serverKey + " (" + problem
                    + ", " + fp + ") was not accepted");
        }
    }

    private String known() throws CertificateException {
        try {
            return options.known().lookup(serverKey);
        } catch (IOException e) {
            throw new CertificateRejectedException("cannot read the accepted certificates "
                    + options.known().file() + ": " + e.getMessage());
        }
    }

    private String storeHint() {
        return options.known().file() == null ? ""
                : " (if that is expected, remove its line from " + options.known().file() + ")";
    }

    /** Null when the chain leads to a trusted CA; otherwise why not, in words for the prompt. */
    private String chainProblem(X509Certificate[] chain, String authType) {
        for (X509TrustManager tm : trustManagers()) {
            try {
                tm.checkServerTrusted(chain, authType);
                return null;
            } catch (CertificateException e) {
                // not this one; the next store may know the CA
            }
        }
        X509Certificate leaf = chain[0];
        String advice = options.untrustedAdvice() == null ? "" : " (" + options.untrustedAdvice() + ")";
        if (chain.length == 1 && leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
            return "self-signed" + advice;
        }
        return "not signed by a trusted certificate authority" + advice;
    }

    private List<X509TrustManager> trustManagers() {
        List<X509TrustManager> list = new ArrayList<>();
        try {
            if (options.systemCas()) {
                list.add(SystemTrust.MANAGER);
            }
            List<X509Certificate> extra = options.extraCas();
            if (!extra.isEmpty()) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                for (int i = 0; i < extra.size(); i++) {
                    store.setCertificateEntry("ca-" + i, extra.get(i));
                }
                list.add(trustManager(store));
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the JDK cannot build a trust manager: " + e.getMessage(), e);
        }
        return list;
    }

    /** The JDK's CA store, read once: parsing it takes milliseconds that every connection would pay. */
    private static final class SystemTrust {
        static final X509TrustManager MANAGER;

        static {
            try {
                MANAGER = trustManager(null);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK cannot read its CA certificates: " + e.getMessage(), e);
            }
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        for (var tm : f.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509TrustManager");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client does not check client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
