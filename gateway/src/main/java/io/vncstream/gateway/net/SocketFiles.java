package io.vncstream.gateway.net;

import io.vncstream.rfb.io.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/** The file of a Unix socket the gateway listens on. */
public final class SocketFiles {
    private static final Logger LOG = LoggerFactory.getLogger(SocketFiles.class);
    /** How long an existing socket has to answer before it counts as in use. */
    private static final Duration PROBE = Duration.ofSeconds(1);

    private SocketFiles() {
    }

    /**
     * Makes way for a socket at {@code path}: one left by a process that died (it refuses
     * connections) is removed; one that still accepts, or any other file, is an error saying so,
     * and stays. {@code what} names the option in the error ({@code unix:PATH}, {@code --qmp-share PATH}).
     */
    public static void replaceStale(Path path, String what) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!a.isOther()) {
            throw new IOException(what + ": a file of that name exists and is not a socket");
        }
        try (SocketChannel probe = Transport.connectUnix(path, PROBE)) {
            throw new IOException(what + ": in use (something accepts connections there: another gateway?)");
        } catch (ConnectException e) {
            LOG.info("{}: replacing a socket no one listens on", what);
            Files.delete(path);
        } catch (SocketTimeoutException e) {
            throw new IOException(what + ": in use (it accepts no connections, but its queue is full)");
        }
    }

    /**
     * Listens on {@code path}, owner-only, after {@link #replaceStale}; errors start with {@code what}.
     * The file exists with the process's umask until it is made owner-only: a listener whose
     * peers matter checks who they are as well.
     */
    public static ServerSocketChannel listenOwnerOnly(Path path, String what) throws IOException {
        replaceStale(path, what);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(path));
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw new IOException(what + ": " + e.getMessage(), e);
        }
    }

    /** The file's identity, to tell later whether the file at the path is still this one. */
    public static Object fileKey(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    /** Removes the socket's file, unless another process has put its own there since ({@code key} from {@link #fileKey}). */
    public static void removeIfStill(Path path, Object key) {
        try {
            if (key != null && key.equals(fileKey(path))) {
                Files.delete(path);
            }
        } catch (IOException ignored) {
            // gone already
        }
    }
}
