package io.vncstream.rfb.client;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a VNC server is, in the forms TigerVNC users type: {@code host} (port 5900),
 * {@code host:N} (display N, port 5900+N, N < 100), {@code host::PORT}, {@code vnc://host:port},
 * IPv6 in brackets ({@code [::1]:1}, {@code [::1]::5901}), and {@code unix:PATH} for a
 * local socket.
 */
public record ServerAddress(String host, int port, String unixPath) {
    public static final int BASE_PORT = 5900;

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
        } else {
            int colon = s.indexOf(':');
            if (colon >= 0 && s.indexOf(':', colon + 1) >= 0 && !s.contains("::")) {
                throw new IllegalArgumentException("an IPv6 address needs brackets, e.g. [" + s + "]: " + text);
            }
            host = colon < 0 ? s : s.substring(0, colon);
            rest = colon < 0 ? "" : s.substring(colon);
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
            return tcp(host, BASE_PORT + number(rest.substring(1), 0, 99, "display number", text));
        }
        throw new IllegalArgumentException("unexpected '" + rest + "' in server address: " + text);
    }

    private static ServerAddress parseUri(String s) {
        try {
            URI uri = new URI(s);
            String host = uri.getHost();
            if (host == null) {
                throw new IllegalArgumentException("no host in " + s);
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            return tcp(host, uri.getPort() < 0 ? BASE_PORT : uri.getPort());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid vnc:// address: " + s);
        }
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
