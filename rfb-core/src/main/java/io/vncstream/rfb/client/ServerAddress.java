package io.vncstream.rfb.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Where a VNC server is, in the forms TigerVNC users type: {@code host} (port 5900),
 * {@code host:N} (display N, port 5900+N, for N < 100; a larger N is a port, as TigerVNC's
 * vncviewer reads it), {@code host::PORT}, {@code vnc://host[:port]}, IPv6 in brackets
 * ({@code [::1]:1}, {@code [::1]::5901}), and {@code unix:PATH} for a local socket.
 * Anything else is an {@link IllegalArgumentException} whose one-line message quotes the input.
 */
public record ServerAddress(String host, int port, String unixPath) {
    public static final int BASE_PORT = 5900;
    /** {@code host:N} is display N below this, port N from it (TigerVNC's rule). */
    public static final int DISPLAY_LIMIT = 100;
    /** Host names and IPv4 addresses (letters, digits, dots, hyphens, underscores). */
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?");
    /** The characters of an IPv6 address, with an optional zone ("fe80::1%eth0"); the resolver checks the rest. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9_.-]+)?");

    public static ServerAddress tcp(String host, int port) {
        return new ServerAddress(host, port, null);
    }

    public boolean isUnix() {
        return unixPath != null;
    }

    public static ServerAddress parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty server address");
        }
        if (s.startsWith("unix:")) {
            if (s.length() == 5) {
                throw new IllegalArgumentException("no socket path in server address: " + text);
            }
            return new ServerAddress(null, 0, s.substring(5));
        }
        if (s.regionMatches(true, 0, "vnc://", 0, 6)) {
            return parseUri(s);
        }
        String host;
        String rest;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in server address: " + text);
            }
            host = s.substring(1, close);
            rest = s.substring(close + 1);
            if (!IPV6.matcher(host).matches()) {
                throw new IllegalArgumentException("invalid IPv6 address '" + host + "' in server address: " + text);
            }
        } else {
            int colon = s.indexOf(':');
            if (colon >= 0 && s.indexOf(':', colon + 1) >= 0 && !s.contains("::")) {
                throw new IllegalArgumentException("an IPv6 address needs brackets, e.g. [" + s + "]: " + text);
            }
            host = colon < 0 ? s : s.substring(0, colon);
            rest = colon < 0 ? "" : s.substring(colon);
            if (!host.isEmpty() && !HOST_NAME.matcher(host).matches()) {
                throw new IllegalArgumentException("invalid host name '" + host + "' in server address: " + text);
            }
        }
        if (host.isEmpty()) {
            host = "localhost";
        }
        if (rest.isEmpty()) {
            return tcp(host, BASE_PORT);
        }
        if (rest.startsWith("::")) {
            return tcp(host, number(rest.substring(2), 1, 65535, "port", text));
        }
        if (rest.startsWith(":")) {
            int n = number(rest.substring(1), 0, 65535, "display or port", text);
            return tcp(host, n < DISPLAY_LIMIT ? BASE_PORT + n : n);
        }
        throw new IllegalArgumentException("unexpected '" + rest + "' in server address: " + text);
    }

    private static ServerAddress parseUri(String s) {
        URI uri;
        try {
            uri = new URI(s).parseServerAuthority();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid vnc:// address (vnc://host or vnc://host:port): " + s);
        }
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("no host in server address: " + s);
        }
        String path = uri.getRawPath();
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || (path != null && !path.isEmpty() && !path.equals("/"))) {
            throw new IllegalArgumentException("a vnc:// address is only vnc://host or vnc://host:port: " + s);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return tcp(host, uri.getPort() < 0 ? BASE_PORT : uri.getPort());
    }

    private static int number(String s, int min, int max, String what, String text) {
        try {
            int n = Integer.parseInt(s);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("invalid " + what + " '" + s + "' in server address: " + text
                + " (expected " + min + " to " + max + ")");
    }

    @Override
    public String toString() {
        if (isUnix()) {
            return "unix:" + unixPath;
        }
        return (host.contains(":") ? "[" + host + "]" : host) + "::" + port;
    }
}
