package io.vncstream.rfb.security.tls;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import java.io.EOFException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Set;

/**
 * One line for a TLS failure: our certificate verdict when that was it, else the JDK's words; and
 * in words when a server refused the TLS connection over its client certificate (QEMU with
 * {@code verify-peer=on}, libvirt's {@code vnc_tls_x509_verify = 1}): either we had none to give,
 * or it did not accept ours. A TLS library's alert names only the alert, and under TLS 1.3 it comes
 * after our side of the handshake is done, at the first read; QEMU sends no alert at all but checks
 * the certificate after the handshake and closes the connection.
 */
final class TlsFailures {
    /** Alerts a TLS server sends about the client's certificate, or about its absence. */
    private static final Set<String> ABOUT_THE_CLIENT = Set.of("certificate_required", "bad_certificate",
            "unsupported_certificate", "certificate_revoked", "certificate_expired", "certificate_unknown",
            "unknown_ca", "access_denied", "handshake_failure", "decrypt_error");
    private static final String RECEIVED = "Received fatal alert: ";

    private TlsFailures() {
    }

    /** The one-line error for {@code e}; {@code client} (may be null) says which client certificate the engine presents. */
    static TlsException describe(String peer, SSLEngine engine, SSLException e, ClientIdentity client) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateRejectedException) {
                return new TlsException(t.getMessage(), e);
            }
        }
        String refused = aboutTheClient(peer, engine, e, client);
        if (refused != null) {
            return new TlsException(refused, e);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("No appropriate protocol")) {
            message += " (anonymous TLS is disabled in this Java runtime: jdk.tls.disabledAlgorithms lists anon)";
        }
        return new TlsException("TLS with " + peer + " failed: " + message, e);
    }

    /** The error when {@code e} is the server refusing us over a client certificate, else null. */
    private static String aboutTheClient(String peer, SSLEngine engine, SSLException e, ClientIdentity client) {
        String message = e.getMessage();
        if (message == null || !message.startsWith(RECEIVED)) {
            return null;
        }
        String alert = message.substring(RECEIVED.length()).trim();
        if (!ABOUT_THE_CLIENT.contains(alert)) {
            return null;
        }
        X509Certificate sent = sent(engine, client);
        String advice = client == null ? null : client.advice();
        if (sent != null) {
            return "TLS with " + peer + " failed: the server refused our client certificate "
                    + HostNames.printable(sent.getSubjectX500Principal().getName()) + " (TLS alert " + alert + ")";
        }
        // Other alerts (a handshake_failure over cipher suites, say) blame a certificate only if the server asked for one.
        if (!alert.equals("certificate_required") && (client == null || !client.requested())) {
            return null;
        }
        return "TLS with " + peer + " failed: the server wants a client certificate and none was given (TLS alert "
                + alert + ")" + (advice == null ? "" : ": " + advice);
    }

    /**
     * The peer ended the connection after the handshake without a byte of RFB: QEMU checks the
     * client's certificate only then and closes without an alert when it does not accept it.
     */
    static EOFException closedAfterHandshake(String peer, SSLEngine engine, ClientIdentity client) {
        String closed = "the server " + peer + " closed the connection right after the TLS handshake";
        if (client == null || !client.requested()) {
            return new EOFException(closed);
        }
        X509Certificate sent = sent(engine, client);
        String advice = client.advice();
        String why = sent != null
                ? "it did not accept our client certificate " + HostNames.printable(sent.getSubjectX500Principal().getName())
                : "it wants a client certificate and none was given" + (advice == null ? "" : " (" + advice + ")");
        return new EOFException(closed + ", as QEMU does when " + why);
    }

    /**
     * The certificate we presented: the session's record of it, or, where a failed TLS 1.2
     * handshake left no session, what our key manager handed over.
     */
    private static X509Certificate sent(SSLEngine engine, ClientIdentity client) {
        X509Certificate c = first(engine.getSession());
        if (c == null) {
            c = first(engine.getHandshakeSession());
        }
        if (c == null && client != null) {
            c = client.presented();
        }
        return c;
    }

    private static X509Certificate first(SSLSession session) {
        if (session == null) {
            return null;
        }
        Certificate[] local = session.getLocalCertificates();
        return local != null && local.length > 0 && local[0] instanceof X509Certificate x ? x : null;
    }
}
