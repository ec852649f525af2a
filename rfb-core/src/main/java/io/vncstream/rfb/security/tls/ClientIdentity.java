package io.vncstream.rfb.security.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * One connection's client certificate: the one the options give (or none), and whether the
 * server asked for one and whether we presented ours, as our key manager saw it. An error can
 * then blame the client certificate only when the server did ask, even where a failed handshake
 * left no session to say so.
 */
public final class ClientIdentity {
    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final String advice;
    private volatile boolean requested;
    private volatile boolean presented;

    /** From {@code options} (null: no certificate, no advice). */
    public ClientIdentity(TlsOptions options) {
        this.key = options == null ? null : options.clientKey();
        this.chain = options == null ? List.of() : options.clientChain();
        this.advice = options == null ? null : options.clientAdvice();
    }

    PrivateKey key() {
        return key;
    }

    List<X509Certificate> chain() {
        return chain;
    }

    /** What to tell a user who has no client certificate (where one was looked for); null: nothing. */
    String advice() {
        return advice;
    }

    /** Whether the server sent a certificate request. */
    public boolean requested() {
        return requested;
    }

    /** Our certificate, if we presented it. */
    X509Certificate presented() {
        return presented ? chain.get(0) : null;
    }

    void asked(boolean answered) {
        requested = true;
        presented |= answered;
    }
}
