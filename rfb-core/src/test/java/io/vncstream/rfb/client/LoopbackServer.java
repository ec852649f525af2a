package io.vncstream.rfb.client;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;

/**
 * A scripted server on a real loopback socket, for what byte arrays cannot show: TLS (which
 * needs both directions live) and time (a server that drips). The script gets the accepted
 * socket and plays the server's side; {@link #finish} rethrows what went wrong in it.
 */
final class LoopbackServer implements AutoCloseable {
    @FunctionalInterface
    interface Script {
        void play(Socket socket) throws Exception;
    }

    private final ServerSocket listener;
    private final CompletableFuture<Void> done;

    LoopbackServer(Script script) throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        done = CompletableFuture.runAsync(() -> {
            try (Socket s = listener.accept()) {
                script.play(s);
            } catch (Exception e) {
                throw new IllegalStateException("server script: " + e, e);
            }
        });
    }

    int port() {
        return listener.getLocalPort();
    }

    ServerAddress address() {
        return ServerAddress.tcp("127.0.0.1", port());
    }

    void finish() throws Exception {
        done.get(20, java.util.concurrent.TimeUnit.SECONDS);
    }

    static byte[] read(InputStream in, int n) throws IOException {
        byte[] b = new byte[n];
        new DataInputStream(in).readFully(b);
        return b;
    }

    /** Writes one byte per write and flush, so that every read of the client sees at most one. */
    static void trickle(OutputStream out, byte[] bytes) {
        try {
            for (byte b : bytes) {
                out.write(b);
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
