package io.vncstream.rfb.security;

/**
 * How a connection is protected, for the status bar and the connection info: the security type
 * chosen, the TLS protocol and cipher suite when encrypted, how the server was verified, and the
 * subject of the client certificate we presented, if the server asked for one (null otherwise).
 */
public record ConnectionSecurity(int type, String protocol, String cipherSuite, Verification verification,
                                 String fingerprint, String clientCertificate) {
    public ConnectionSecurity(int type, String protocol, String cipherSuite, Verification verification, String fingerprint) {
        this(type, protocol, cipherSuite, verification, fingerprint, null);
    }

    /** How the server's identity was established. */
    public enum Verification {
        /** No TLS at all. */
        UNENCRYPTED("unencrypted"),
        /** Anonymous TLS: encrypted, but anyone in the middle could be the server. */
        NOT_VERIFIED("encrypted, server not verified"),
        /** The certificate chains to a trusted CA and names the host. */
        CA("server verified"),
        /** The certificate is the one the user accepted before for this server. */
        KNOWN("server verified (certificate accepted before)"),
        /** The user accepted the certificate just now. */
        ACCEPTED("certificate accepted by you"),
        /** The certificate has the fingerprint given with --accept-certificate. */
        PINNED("server verified (fingerprint given)");

        private final String text;

        Verification(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public static ConnectionSecurity unencrypted(int type) {
        return new ConnectionSecurity(type, null, null, Verification.UNENCRYPTED, null);
    }

    public boolean encrypted() {
        return verification != Verification.UNENCRYPTED;
    }

    /** Whether the server proved who it is (a CA, a known or given fingerprint, or the user's word). */
    public boolean serverVerified() {
        return verification != Verification.UNENCRYPTED && verification != Verification.NOT_VERIFIED;
    }

    public ConnectionSecurity withType(int newType) {
        return new ConnectionSecurity(newType, protocol, cipherSuite, verification, fingerprint, clientCertificate);
    }

    /**
     * "X509Vnc, TLSv1.3, TLS_AES_256_GCM_SHA384, server verified" or "VncAuth, unencrypted"; with
     * ", client certificate CN=..." when we presented one.
     */
    public String summary() {
        String name = SecurityType.name(type);
        if (!encrypted()) {
            return name + ", unencrypted";
        }
        return name + ", " + protocol + ", " + cipherSuite + ", " + verification.text()
                + (clientCertificate == null ? "" : ", client certificate " + clientCertificate);
    }
}
