package io.vncstream.rfb.server;

/**
 * What a server asks of clients: a VNC Authentication password or none, and whether it offers
 * TLS (VeNCrypt X509Vnc with a password, X509None without) and still accepts unencrypted
 * connections beside it.
 */
public record ServerSecurity(char[] password, ServerTls tls, boolean unencryptedAllowed) {
    public static final ServerSecurity NONE = new ServerSecurity(null, null, true);

    public ServerSecurity {
        if (tls == null && !unencryptedAllowed) {
            throw new IllegalArgumentException("a server without TLS must accept unencrypted connections");
        }
    }

    public static ServerSecurity vncAuth(char[] password) {
        return new ServerSecurity(password.clone(), null, true);
    }

    /** This security with TLS offered; unless {@code allowUnencrypted}, only TLS. */
    public ServerSecurity withTls(ServerTls tls, boolean allowUnencrypted) {
        return new ServerSecurity(password, tls, allowUnencrypted);
    }

    public boolean requiresPassword() {
        return password != null;
    }

    public boolean offersTls() {
        return tls != null;
    }
}
