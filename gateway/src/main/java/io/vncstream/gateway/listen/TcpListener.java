package io.vncstream.gateway.listen;

import io.vncstream.gateway.net.Refusal;
import io.vncstream.rfb.io.Transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Viewers on a TCP port. */
public final class TcpListener implements Listener {
    private final ServerSocket server;
    private final String host;

    private TcpListener(ServerSocket server, String host) {
        this.server = server;
        this.host = host;
    }

    /** Binds {@code host:port}; port 0 picks a free one. */
    public static TcpListener bind(String host, int port) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return new TcpListener(server, host);
    }

    @Override
    public Incoming accept() throws IOException {
        Socket s = server.accept();
        return new Incoming() {
            @Override
            public InetAddress from() {
                return s.getInetAddress();
            }

            @Override
            public String name() {
                return String.valueOf(s.getRemoteSocketAddress());
            }

            @Override
            public Transport transport() throws IOException {
                return Transport.of(s);
            }

            @Override
            public void refuse(String reason) {
                Refusal.refuse(s, reason);
            }

            @Override
            public void close() {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        };
    }

    @Override
    public String describe() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getLocalPort();
    }

    @Override
    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
