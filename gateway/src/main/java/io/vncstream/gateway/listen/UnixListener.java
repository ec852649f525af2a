package io.vncstream.gateway.listen;

import io.vncstream.gateway.net.Refusal;
import io.vncstream.gateway.net.SocketFiles;
import io.vncstream.rfb.io.Transport;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Viewers on a Unix socket ({@code --listen unix:PATH}), as libvirt gives QEMU's VNC server one:
 * nothing on the network, only the gateway's own user (and root) may connect, and a viewer
 * elsewhere comes over SSH ({@code vncstream --via HOST unix:PATH}, a direct-streamlocal channel).
 * The socket file is owner-only; as it is made with the process's umask first, each peer's
 * credentials are checked too, so that one who connected in between is refused. A socket left by
 * a gateway that died is replaced; one that still accepts, or any other file, is left alone.
 */
public final class UnixListener implements Listener {
    private final Path path;
    private final ServerSocketChannel server;
    private final Object fileKey;
    private final UserPrincipal owner;
    private final AtomicLong count = new AtomicLong();

    private UnixListener(Path path, ServerSocketChannel server, Object fileKey, UserPrincipal owner) {
        this.path = path;
        this.server = server;
        this.fileKey = fileKey;
        this.owner = owner;
    }

    public static UnixListener bind(Path path) throws IOException {
        String what = "unix:" + path;
        ServerSocketChannel server = SocketFiles.listenOwnerOnly(path, what);
        try {
            return new UnixListener(path, server, SocketFiles.fileKey(path), Files.getOwner(path, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw new IOException(what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Incoming accept() throws IOException {
        SocketChannel ch = server.accept();
        String name = "unix:" + path + " #" + count.incrementAndGet();
        UserPrincipal peer = peer(ch);
        boolean allowed = peer != null && (peer.equals(owner) || "root".equals(peer.getName()));
        return new Incoming() {
            @Override
            public InetAddress from() {
                return InetAddress.getLoopbackAddress();
            }

            @Override
            public String name() {
                return name + (peer == null ? "" : " (" + peer.getName() + ")");
            }

            @Override
            public String refusal() {
                return allowed ? null : "only " + owner.getName() + " may connect to unix:" + path
                        + (peer == null ? " (the connecting process's user is unknown)" : ", not " + peer.getName());
            }

            @Override
            public Transport transport() throws IOException {
                return Transport.accepted(ch, name());
            }

            @Override
            public void refuse(String reason) {
                try {
                    Refusal.refuse(Transport.accepted(ch, name()), reason);
                } catch (IOException e) {
                    close();
                }
            }

            @Override
            public void close() {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        };
    }

    /** The connected process's user, from the kernel (SO_PEERCRED); null where it cannot say. */
    private static UserPrincipal peer(SocketChannel ch) {
        try {
            UnixDomainPrincipal p = ch.getOption(ExtendedSocketOptions.SO_PEERCRED);
            return p == null ? null : p.user();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    @Override
    public String describe() {
        return "unix:" + path;
    }

    @Override
    public int port() {
        return -1;
    }

    /** Stops listening and removes the socket file, unless another process has put its own there since. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        SocketFiles.removeIfStill(path, fileKey);
    }
}
