package io.vncstream.rfb.server;

/** What a server asks of clients: nothing, or a VNC Authentication password. */
public record ServerSecurity(char[] password) {
    public static final ServerSecurity NONE = new ServerSecurity(null);

    public static ServerSecurity vncAuth(char[] password) {
        return new ServerSecurity(password.clone());
    }

    public boolean requiresPassword() {
        return password != null;
    }
}
