package io.vncstream.libvirt;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A libvirt connection URI, as virsh and virt-viewer take it: {@code qemu:///system},
 * {@code qemu:///session}, or {@code qemu+ssh://[USER@]HOST[:PORT]/system} for a remote host
 * reached over SSH (where virsh then runs with the same URI minus the transport and host).
 */
public record LibvirtUri(String text, String driver, String transport, String user, String host, int port, String path) {
    /** No port in the URI: ssh's own default (the host's Port in ~/.ssh/config, else 22). */
    public static final int NO_PORT = -1;

    public static LibvirtUri parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty libvirt URI (expected e.g. qemu:///system or qemu+ssh://host/system)");
        }
        String t = text.strip();
        URI u;
        try {
            u = new URI(t);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a libvirt URI: '" + t + "' (" + e.getReason() + ")");
        }
        String scheme = u.getScheme();
        if (scheme == null || !t.contains("://")) {
            throw new IllegalArgumentException("not a libvirt URI: '" + t + "' (expected e.g. qemu:///system or qemu+ssh://host/system)");
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        int plus = scheme.indexOf('+');
        String driver = plus < 0 ? scheme : scheme.substring(0, plus);
        String transport = plus < 0 ? "" : scheme.substring(plus + 1);
        String host = u.getHost() == null ? "" : u.getHost();
        if (transport.isEmpty() && !host.isEmpty()) {
            transport = "tls"; // libvirt's default for a URI with a host
        }
        if (!transport.isEmpty() && !transport.equals("ssh") && !transport.equals("unix")) {
            throw new IllegalArgumentException("libvirt URI '" + t + "': transport '" + transport
                    + "' is not supported; use a local URI (qemu:///system) or qemu+ssh://[USER@]HOST[:PORT]/system");
        }
        if (transport.equals("ssh") && host.isEmpty()) {
            throw new IllegalArgumentException("libvirt URI '" + t + "': qemu+ssh needs a host, as in qemu+ssh://root@host/system");
        }
        String path = u.getPath() == null || u.getPath().isEmpty() ? "/system" : u.getPath();
        int port = u.getPort() < 0 ? NO_PORT : u.getPort();
        return new LibvirtUri(t, driver, transport, u.getUserInfo(), host, port, path);
    }

    /** Whether virsh must run on another host, reached over SSH. */
    public boolean isSsh() {
        return transport.equals("ssh");
    }

    /**
     * The URI virsh is given on the machine it runs on: this one locally, the host-local one
     * remotely. A remote URI's {@code socket=} names the daemon's socket on that host (libvirt's own
     * ssh transport connects to it there), so virsh there gets it as {@code DRIVER+unix:///PATH?socket=};
     * the other parameters of an ssh URI are about the SSH client and stay here.
     */
    public String virshUri() {
        if (!isSsh()) {
            return text;
        }
        String socket = queryParameter("socket");
        return socket == null ? driver + "://" + path
                : driver + "+unix://" + path + "?socket=" + URLEncoder.encode(socket, StandardCharsets.UTF_8)
                        .replace("%2F", "/").replace("+", "%20");
    }

    /** A parameter of the URI's query, decoded; null when absent. */
    public String queryParameter(String name) {
        String query = URI.create(text).getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** {@code qemu:///system} and remote system URIs reach the system instance, run as root. */
    public boolean isSystem() {
        return path.startsWith("/system");
    }

    @Override
    public String toString() {
        return text;
    }
}
