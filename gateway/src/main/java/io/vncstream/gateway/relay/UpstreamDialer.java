package io.vncstream.gateway.relay;

import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.io.Transport;
import io.vncstream.rfb.security.PasswordSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the gateway reaches its upstream, once for each connection it makes (every viewer's, every
 * reconnection): a socket to a fixed address, or something that looks the server up each time,
 * such as a libvirt domain's screen through an SSH tunnel.
 */
public interface UpstreamDialer {
    /** A new connection, not yet past the RFB handshake. */
    Dialed dial() throws IOException;

    /** The upstream in words, for logs and the reasons viewers are given: "upstream 127.0.0.1::5900". */
    String describe();

    /**
     * @param name     the server for the log ("127.0.0.1::5900 on root@host:22")
     * @param host     what a TLS certificate must name, or null (a unix socket)
     * @param password the server's own password when the dialer knows it (libvirt's XML), else null
     */
    record Dialed(Transport transport, String name, String host, int port, PasswordSource password) {
    }

    /** A TCP port or unix socket of this machine. */
    static UpstreamDialer of(ServerAddress address) {
        return new UpstreamDialer() {
            @Override
            public Dialed dial() throws IOException {
                Transport t = address.isUnix() ? Transport.unix(Path.of(address.unixPath()))
                        : Transport.tcp(address.host(), address.port(), Duration.ofSeconds(10));
                return new Dialed(t, address.toString(), address.isUnix() ? null : address.host(),
                        address.isUnix() ? 0 : address.port(), null);
            }

            @Override
            public String describe() {
                return "upstream " + address;
            }
        };
    }
}
