package io.vncstream.rfb.server;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * TLS, by the JDK's {@link SSLEngine}, over a stream pair that is already open (a TCP or a Unix
 * socket, after the RFB bytes that came before it). The resulting input and output may be used
 * from two threads at once, as the plain ones are: one reader, one writer. {@code SSLEngine}
 * allows a wrap and an unwrap to run concurrently; a record the reader must answer (a TLS 1.3
 * KeyUpdate, a close_notify) is written under the writer's lock.
 */
final class TlsTunnel {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SSLEngine engine;
    private final InputStream rawIn;
    private final OutputStream rawOut;
    private final Object readLock = new Object();
    private final Object writeLock = new Object();
    /** Bytes from the peer not yet unwrapped, in write mode. */
    private ByteBuffer netIn;
    /** Decrypted bytes not yet read by the application, in write mode. */
    private ByteBuffer appIn;
    private ByteBuffer netOut;
    private final InputStream input = new Input();
    private final OutputStream output = new Output();

    TlsTunnel(SSLEngine engine, InputStream rawIn, OutputStream rawOut) {
        this.engine = engine;
        this.rawIn = rawIn;
        this.rawOut = rawOut;
        SSLSession session = engine.getSession();
        netIn = ByteBuffer.allocate(session.getPacketBufferSize());
        appIn = ByteBuffer.allocate(session.getApplicationBufferSize());
        netOut = ByteBuffer.allocate(session.getPacketBufferSize());
    }

    /** Runs the TLS handshake to its end; application data is exchanged only after it. */
    void handshake() throws IOException {
        engine.beginHandshake();
        while (true) {
            switch (engine.getHandshakeStatus()) {
                case NEED_WRAP -> wrap(EMPTY);
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    synchronized (readLock) {
                        if (unwrap().getStatus() == SSLEngineResult.Status.CLOSED) {
                            throw new SSLException("the peer closed TLS during the handshake");
                        }
                    }
                }
                case NEED_TASK -> runTasks();
                default -> {
                    return;
                }
            }
        }
    }

    InputStream input() {
        return input;
    }

    OutputStream output() {
        return output;
    }

    /** "TLSv1.3 TLS_AES_256_GCM_SHA384": what was negotiated, for logs and connection info. */
    String describe() {
        SSLSession s = engine.getSession();
        return s.getProtocol() + " " + s.getCipherSuite();
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /** One unwrap, reading from the peer as often as it needs; the caller holds the read lock. */
    private SSLEngineResult unwrap() throws IOException {
        while (true) {
            netIn.flip();
            SSLEngineResult r;
            try {
                r = engine.unwrap(netIn, appIn);
            } finally {
                netIn.compact();
            }
            switch (r.getStatus()) {
                case BUFFER_UNDERFLOW -> {
                    netIn = fitting(netIn, engine.getSession().getPacketBufferSize());
                    readRaw();
                }
                case BUFFER_OVERFLOW -> appIn = fitting(appIn, appIn.position() + engine.getSession().getApplicationBufferSize());
                default -> {
                    afterOperation(r);
                    return r;
                }
            }
        }
    }

    /** Answers what the engine asks after an unwrap (a reply record, a task). */
    private void afterOperation(SSLEngineResult r) throws IOException {
        HandshakeStatus hs = r.getHandshakeStatus();
        if (hs == HandshakeStatus.NEED_TASK) {
            runTasks();
            hs = engine.getHandshakeStatus();
        }
        if (hs == HandshakeStatus.NEED_WRAP && !engine.isOutboundDone()) {
            wrap(EMPTY);
        }
    }

    private void readRaw() throws IOException {
        int n = rawIn.read(netIn.array(), netIn.arrayOffset() + netIn.position(), netIn.remaining());
        if (n < 0) {
            throw new EOFException("connection closed by peer inside TLS");
        }
        netIn.position(netIn.position() + n);
    }

    /** Encrypts all of {@code src} (or one handshake flight when it is empty) and sends it. */
    private void wrap(ByteBuffer src) throws IOException {
        synchronized (writeLock) {
            do {
                netOut.clear();
                SSLEngineResult r = engine.wrap(src, netOut);
                switch (r.getStatus()) {
                    case BUFFER_OVERFLOW -> {
                        netOut = ByteBuffer.allocate(netOut.capacity() + engine.getSession().getPacketBufferSize());
                        continue;
                    }
                    case CLOSED -> {
                        if (src.hasRemaining()) {
                            throw new SSLException("TLS connection already closed");
                        }
                    }
                    default -> {
                    }
                }
                rawOut.write(netOut.array(), 0, netOut.position());
                if (r.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                    runTasks();
                }
                if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                    break;
                }
            } while (src.hasRemaining());
            rawOut.flush();
        }
    }

    /** {@code buffer} (write mode) with room for at least {@code room} more bytes. */
    private static ByteBuffer fitting(ByteBuffer buffer, int room) {
        if (buffer.remaining() >= room) {
            return buffer;
        }
        ByteBuffer bigger = ByteBuffer.allocate(buffer.position() + room);
        buffer.flip();
        bigger.put(buffer);
        return bigger;
    }

    private final class Input extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            synchronized (readLock) {
                while (appIn.position() == 0) {
                    if (unwrap().getStatus() == SSLEngineResult.Status.CLOSED) {
                        return -1;
                    }
                }
                appIn.flip();
                int n = Math.min(len, appIn.remaining());
                appIn.get(b, off, n);
                appIn.compact();
                return n;
            }
        }

        @Override
        public int available() {
            synchronized (readLock) {
                return appIn.position();
            }
        }
    }

    private final class Output extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            wrap(ByteBuffer.wrap(b, off, len));
        }

        @Override
        public void flush() throws IOException {
            synchronized (writeLock) {
                rawOut.flush();
            }
        }
    }
}
