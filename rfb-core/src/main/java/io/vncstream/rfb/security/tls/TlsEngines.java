package io.vncstream.rfb.security.tls;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import java.security.GeneralSecurityException;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Client SSLEngines for VeNCrypt: X509 (TLS 1.3 or 1.2, the JDK's default suites, our certificate
 * check) and anonymous (TLS 1.2 with Diffie-Hellman anonymous suites only).
 * <p>
 * The JDK lists "anon" in {@code jdk.tls.disabledAlgorithms}, a constraint no engine setting can
 * lift, read once when JSSE first starts. {@link #allowAnonymousSuites()} removes that one word
 * before then. That enables anonymous suites for nobody else: the JDK never enables them by
 * default, so only an engine that names them, as {@link #anonymous} does, can negotiate one.
 */
public final class TlsEngines {
    /** GnuTLS's (QEMU's, Xvnc's) anonymous suites that the JDK implements, strongest first. */
    static final List<String> ANONYMOUS_SUITES = List.of(
            "TLS_DH_anon_WITH_AES_256_GCM_SHA384", "TLS_DH_anon_WITH_AES_128_GCM_SHA256",
            "TLS_DH_anon_WITH_AES_256_CBC_SHA256", "TLS_DH_anon_WITH_AES_128_CBC_SHA256",
            "TLS_DH_anon_WITH_AES_256_CBC_SHA", "TLS_DH_anon_WITH_AES_128_CBC_SHA");
    private static final String DISABLED = "jdk.tls.disabledAlgorithms";

    static {
        allowAnonymousSuites();
    }

    private TlsEngines() {
    }

    /**
     * Drops "anon" from {@code jdk.tls.disabledAlgorithms}, keeping everything else. Effective only
     * before the JVM's first TLS use: a program that may use TLS before it connects to a VeNCrypt
     * server (a TLS listener, say) calls this first thing. Idempotent.
     */
    public static synchronized void allowAnonymousSuites() {
        String value = Security.getProperty(DISABLED);
        if (value == null) {
            return;
        }
        List<String> kept = Arrays.stream(value.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty() && !s.equalsIgnoreCase("anon")).collect(Collectors.toList());
        String joined = String.join(", ", kept);
        if (!joined.equals(value)) {
            Security.setProperty(DISABLED, joined);
        }
    }

    /** An engine that checks the server's certificate with {@code check}. */
    public static SSLEngine x509(String host, int port, CertificateCheck check) throws TlsException {
        return x509(host, port, check, null);
    }

    /**
     * An engine that checks the server's certificate with {@code check} and, when {@code client}
     * has a client certificate, presents it if the server asks for one; {@code client} learns
     * whether the server asked.
     */
    public static SSLEngine x509(String host, int port, CertificateCheck check, ClientIdentity client) throws TlsException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            KeyManager[] keys = client == null ? null : new KeyManager[] {new ClientKeyManager(client)};
            context.init(keys, new TrustManager[] {check}, null);
            SSLEngine engine = host == null ? context.createSSLEngine() : context.createSSLEngine(host, port);
            engine.setUseClientMode(true);
            SSLParameters p = engine.getSSLParameters();
            p.setProtocols(supported(engine.getSupportedProtocols(), List.of("TLSv1.3", "TLSv1.2")));
            if (host != null && HostNames.ipLiteral(host) == null) {
                try {
                    p.setServerNames(List.of(new SNIHostName(host)));
                } catch (IllegalArgumentException e) {
                    // not a name SNI can carry (a single label with odd characters): connect without SNI
                }
            }
            engine.setSSLParameters(p);
            return engine;
        } catch (GeneralSecurityException e) {
            throw new TlsException("TLS cannot be set up in this Java runtime: " + e.getMessage(), e);
        }
    }

    /** An engine for anonymous TLS (VeNCrypt TLSNone, TLSVnc, TLSPlain): no certificate, nothing verified. */
    public static SSLEngine anonymous() throws TlsException {
        try {
            SSLContext context = SSLContext.getInstance("TLSv1.2");
            context.init(null, null, null);
            SSLEngine engine = context.createSSLEngine();
            engine.setUseClientMode(true);
            engine.setEnabledProtocols(new String[] {"TLSv1.2"});
            String[] suites = supported(engine.getSupportedCipherSuites(), ANONYMOUS_SUITES);
            if (suites.length == 0) {
                throw new TlsException("anonymous TLS: this Java runtime has none of " + ANONYMOUS_SUITES);
            }
            engine.setEnabledCipherSuites(suites);
            return engine;
        } catch (GeneralSecurityException e) {
            throw new TlsException("TLS cannot be set up in this Java runtime: " + e.getMessage(), e);
        }
    }

    private static String[] supported(String[] available, List<String> wanted) {
        List<String> have = Arrays.asList(available);
        return wanted.stream().filter(have::contains).toArray(String[]::new);
    }
}
