package io.vncstream.ssh;

import java.util.regex.Pattern;

/**
 * Where to connect, as typed after {@code ssh} or TigerVNC's {@code -via}: {@code [USER@]HOST[:PORT]},
 * with IPv6 addresses in brackets ({@code root@[::1]:2222}). HOST may be a {@code Host} alias of
 * {@code ~/.ssh/config}; what is not given here (user, port) comes from there, then from OpenSSH's
 * defaults (the local user name, port 22), see {@link SshConnection#resolve}.
 *
 * @param user null when not given
 * @param port {@link #NO_PORT} when not given
 */
public record SshTarget(String user, String host, int port) {
    public static final int NO_PORT = -1;
    public static final int DEFAULT_PORT = 22;
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9_.-]+)?");
    /** What POSIX and OpenSSH accept in a user name (no spaces, no shell or ssh option characters). */
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_.$-]*");

    /** Parses {@code [USER@]HOST[:PORT]}; anything else is an {@link IllegalArgumentException} quoting it. */
    public static SshTarget parse(String text) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty SSH host");
        }
        String user = null;
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            user = s.substring(0, at);
            s = s.substring(at + 1);
            if (!USER.matcher(user).matches()) {
                throw new IllegalArgumentException("invalid user name '" + user + "' in SSH host: " + text);
            }
        }
        String host;
        String rest;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in SSH host: " + text);
            }
            host = s.substring(1, close);
            rest = s.substring(close + 1);
            if (!IPV6.matcher(host).matches()) {
                throw new IllegalArgumentException("invalid IPv6 address '" + host + "' in SSH host: " + text);
            }
        } else {
            int colon = s.indexOf(':');
            if (colon >= 0 && s.indexOf(':', colon + 1) >= 0) {
                throw new IllegalArgumentException("an IPv6 address needs brackets, e.g. [::1]:22: " + text);
            }
            host = colon < 0 ? s : s.substring(0, colon);
            rest = colon < 0 ? "" : s.substring(colon);
            if (!HOST.matcher(host).matches()) {
                throw new IllegalArgumentException("invalid host name '" + host + "' in SSH host: " + text);
            }
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("no host in SSH host: " + text);
        }
        int port = NO_PORT;
        if (!rest.isEmpty()) {
            if (!rest.startsWith(":")) {
                throw new IllegalArgumentException("unexpected '" + rest + "' in SSH host: " + text);
            }
            port = port(rest.substring(1), text);
        }
        return new SshTarget(user, host, port);
    }

    private static int port(String s, String text) {
        try {
            int p = Integer.parseInt(s);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("invalid port '" + s + "' in SSH host: " + text + " (expected 1 to 65535)");
    }

    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return (user == null ? "" : user + "@") + h + (port == NO_PORT ? "" : ":" + port);
    }
}
