package io.vncstream.gateway.net;

/** {@code HOST:PORT} or {@code [IPv6]:PORT}: the listen address, and the TCP forms of upstream, QMP and device addresses. */
public record HostPort(String host, int port) {
    public static HostPort parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected HOST:PORT, not '" + text + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return new HostPort(host, port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid port in '" + text + "'");
        }
    }

    public String asServerAddress() {
        return (host.contains(":") ? "[" + host + "]" : host) + "::" + port;
    }
}
