package io.vncstream.gateway;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.ClientHandshake;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.message.SetEncodings;
import io.vncstream.rfb.stream.StartCapture;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;

/** A viewer written byte by byte, for sending what a well-behaved client never would, and for not reading. */
final class RawViewer implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawViewer(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static RawViewer connect(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setReceiveBufferSize(4096);
        RawViewer v = new RawViewer(s);
        // A well-behaved handshake (rfb-core's own): only what follows it is raw.
        new ClientHandshake(RfbInput.of(v.in), v.out, new ClientConfig(), "gateway :" + port).run();
        return v;
    }

    void setEncodingsWithStreams() throws IOException {
        send(new SetEncodings(List.of(Encodings.RAW, Encodings.STREAMS)).toBytes());
    }

    void startCapture(String name) throws IOException {
        send(new StartCapture(name).toBytes());
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads (and discards) until the gateway closes the connection; false if it stays open. */
    boolean readsUntilClosed(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        byte[] buf = new byte[8192];
        try {
            while (in.read(buf) >= 0) {
                // discard
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
