package io.vncstream.libvirt.xml;

/**
 * Where a domain's VNC screen is, as the host sees it: a TCP address and port, or a unix socket;
 * the password when the XML carried one ({@code dumpxml --security-info}).
 */
public record VncEndpoint(String host, int port, String socket, String password) {
    public boolean isSocket() {
        return socket != null;
    }

    /** The address in vncstream's own syntax: {@code unix:PATH} or {@code HOST::PORT}. */
    public String address() {
        if (isSocket()) {
            return "unix:" + socket;
        }
        return (host.contains(":") ? "[" + host + "]" : host) + "::" + port;
    }

    /** A wildcard listen address means every address of the host: connect to its loopback. */
    public VncEndpoint onHost() {
        if (host == null) {
            return this;
        }
        if (host.equals("0.0.0.0")) {
            return new VncEndpoint("127.0.0.1", port, null, password);
        }
        if (host.equals("::") || host.equals("[::]")) {
            return new VncEndpoint("::1", port, null, password);
        }
        return this;
    }

    @Override
    public String toString() {
        return address(); // never the password
    }
}
