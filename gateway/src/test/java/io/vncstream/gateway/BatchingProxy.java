package io.vncstream.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A loopback TCP proxy that hands the server's bytes to the client in batches: whatever the
 * server sends within {@code windowMs} of a first byte reaches the client in one write, as a
 * slow or loaded link delivers several records in one read. The client's bytes pass at once.
 */
final class BatchingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final long windowMs;

    BatchingProxy(int targetPort, long windowMs) throws IOException {
        this.listener = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.windowMs = windowMs;
        daemon(this::acceptLoop, "batching-proxy");
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                daemon(() -> copy(client, server, 0), "proxy up");
                daemon(() -> copy(server, client, windowMs), "proxy down");
            }
        } catch (IOException closed) {
            // the proxy was closed
        }
    }

    private static void copy(Socket from, Socket to, long windowMs) {
        byte[] buffer = new byte[256 * 1024];
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (windowMs > 0) {
                    Thread.sleep(windowMs);
                    while (n < buffer.length && in.available() > 0) {
                        n += in.read(buffer, n, Math.min(in.available(), buffer.length - n));
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException ended) {
            // either side hung up
        }
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
