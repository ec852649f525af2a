package io.vncstream.rfb.server;

import io.vncstream.rfb.security.tls.Fingerprint;
import io.vncstream.rfb.security.tls.TlsEngines;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A server's TLS identity: its certificate chain and private key, as the JDK's TLS needs them.
 * Only TLS 1.2 and 1.3 are offered; viewers are not asked for certificates (they authenticate
 * with the VNC password inside TLS, as X509Vnc specifies).
 */
public final class ServerTls {
    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    private static final char[] IN_MEMORY = "in-memory".toCharArray();
    /** Longer than TLS 1.3's 7-day ticket lifetime limit (RFC 8446 4.6.1), so no ticket is issued. */
    static final int NO_TICKETS_SESSION_TIMEOUT = 8 * 24 * 3600;

    private static final int SESSION_CACHE_SIZE = 100;

    private final SSLContext context;
    private final X509Certificate certificate;

    private ServerTls(SSLContext context, X509Certificate certificate) {
        this.context = context;
        this.certificate = certificate;
    }

    /** From a private key and its certificate chain, leaf first. */
    public static ServerTls of(PrivateKey key, X509Certificate... chain) throws IOException {
        if (chain.length == 0) {
            throw new IllegalArgumentException("a TLS server needs at least its own certificate");
        }
        // The JVM reads its disabled TLS algorithms at the first TLS use: if that is this listener,
        // a later anonymous-TLS client (the gateway's upstream, say) must still find its suites.
        TlsEngines.allowAnonymousSuites();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, IN_MEMORY, chain);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, IN_MEMORY);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            // No TLS 1.3 NewSessionTicket after the handshake (the JDK sends none when sessions
            // outlive a ticket's 7-day maximum). TigerVNC's viewer (1.12, GnuTLS) can miss the
            // first record that follows a ticket in the same read, the VNC challenge, and wait
            // for ever; and a VNC connection has nothing to gain from resuming a session.
            context.getServerSessionContext().setSessionTimeout(NO_TICKETS_SESSION_TIMEOUT);
            // TLS 1.2 sessions are still cached for resumption by id, that long: a bounded few
            // (the JDK's default is 20480 per listener).
            context.getServerSessionContext().setSessionCacheSize(SESSION_CACHE_SIZE);
            return new ServerTls(context, chain[0]);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use this key and certificate for TLS: " + e.getMessage(), e);
        }
    }

    /** From a key store holding one key entry (a PKCS12 file made by openssl, say). */
    public static ServerTls of(KeyStore store, char[] password) throws IOException {
        try {
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, password);
                    X509Certificate[] chain = Arrays.stream(store.getCertificateChain(alias))
                            .map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
                    return of(key, chain);
                }
            }
            throw new IOException("the key store holds no private key");
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the key store: " + e.getMessage(), e);
        }
    }

    /** A new server-side engine for one connection. */
    SSLEngine newEngine() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setNeedClientAuth(false);
        List<String> supported = Arrays.asList(engine.getSupportedProtocols());
        engine.setEnabledProtocols(PROTOCOLS.stream().filter(supported::contains).toArray(String[]::new));
        return engine;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The leaf certificate's SHA-256 fingerprint as {@code openssl x509 -fingerprint -sha256} prints it. */
    public String fingerprint() {
        return fingerprint(certificate);
    }

    public static String fingerprint(X509Certificate certificate) {
        return Fingerprint.of(certificate);
    }

    @Override
    public String toString() {
        return certificate.getSubjectX500Principal().getName().toLowerCase(Locale.ROOT) + " " + fingerprint();
    }
}
