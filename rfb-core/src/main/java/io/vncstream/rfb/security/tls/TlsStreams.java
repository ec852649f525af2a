package io.vncstream.rfb.security.tls;

import io.vncstream.rfb.Limits;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * TLS over any connected pair of streams (a TCP socket's, a Unix socket's), with an SSLEngine:
 * {@link #handshake} runs the TLS handshake, then {@link #input} and {@link #output} carry the
 * plaintext. One thread may read while another writes, as RFB's reader and writer threads do;
 * the engine allows wrap and unwrap at once, and each side has its own lock.
 */
public final class TlsStreams implements AutoCloseable {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    /** Network reads take up to this much at once (several records), not one record per system call. */
    private static final int NETWORK_READ = 64 * 1024;
    private static final int OVERFLOW = Integer.MIN_VALUE;

    private final InputStream rawIn;
    private final OutputStream rawOut;
    private final SSLEngine engine;
    private final String peer;
    /** The connection's client certificate, and whether the server asked for one; null: not known. */
    private ClientIdentity client;
    private final ReentrantLock readLock = new ReentrantLock();
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Records from the network not yet unwrapped, in read mode. */
    private ByteBuffer netIn;
    /** Plaintext unwrapped and not yet read, in read mode. */
    private ByteBuffer appIn;
    private ByteBuffer netOut;
    private boolean inboundDone;
    /** Whether any plaintext came from the peer yet. */
    private boolean received;
    private final InputStream input = new Input();
    private final OutputStream output = new Output();

    private TlsStreams(InputStream rawIn, OutputStream rawOut, SSLEngine engine, String peer) {
        this.rawIn = rawIn;
        this.rawOut = rawOut;
        this.engine = engine;
        this.peer = peer;
        int packet = engine.getSession().getPacketBufferSize();
        this.netIn = ByteBuffer.allocate(Math.max(packet, NETWORK_READ)).flip();
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()).flip();
        this.netOut = ByteBuffer.allocate(packet);
    }

    /**
     * Runs the handshake as the engine's side (a client, for VeNCrypt); a failure is a
     * {@link TlsException} naming the cause: the certificate check's verdict, the alert the peer
     * sent, or the protocol error.
     */
    public static TlsStreams handshake(InputStream rawIn, OutputStream rawOut, SSLEngine engine, String peer)
            throws IOException {
        return handshake(rawIn, rawOut, engine, peer, new byte[0]);
    }

    /** As above, with bytes of the peer's already read from {@code rawIn} (at most one TLS record's worth). */
    public static TlsStreams handshake(InputStream rawIn, OutputStream rawOut, SSLEngine engine, String peer,
                                       byte[] alreadyRead) throws IOException {
        return handshake(rawIn, rawOut, engine, peer, alreadyRead, null);
    }

    /**
     * As above; {@code client} (may be null) is the engine's client certificate and whether the
     * server asked for one, for the error when the server refuses us over it or for want of one
     * (which under TLS 1.3 it says only after the handshake, at the first read).
     */
    public static TlsStreams handshake(InputStream rawIn, OutputStream rawOut, SSLEngine engine, String peer,
                                       byte[] alreadyRead, ClientIdentity client) throws IOException {
        TlsStreams tls = new TlsStreams(rawIn, rawOut, engine, peer);
        tls.client = client;
        if (alreadyRead.length > 0) {
            tls.netIn = ByteBuffer.allocate(Math.max(tls.netIn.capacity(), alreadyRead.length)).put(alreadyRead).flip();
        }
        try {
            tls.runHandshake();
        } catch (SSLException e) {
            throw tls.failure(e);
        }
        return tls;
    }

    public InputStream input() {
        return input;
    }

    public OutputStream output() {
        return output;
    }

    public SSLEngine engine() {
        return engine;
    }

    /**
     * A write that fails because the peer has closed may have been answered already: a TLS 1.2
     * server that refuses our certificate sends its alert and closes while we still write our
     * flight. The alert, if it arrived, says more than "broken pipe".
     */
    private HandshakeStatus sendDuringHandshake() throws IOException {
        try {
            return send(EMPTY).getHandshakeStatus();
        } catch (SSLException e) {
            throw e;
        } catch (IOException writeFailed) {
            try {
                unwrap();
            } catch (SSLException alert) {
                throw alert;
            } catch (IOException unreadable) {
                // nothing more to learn
            }
            throw writeFailed;
        }
    }

    private void runHandshake() throws IOException {
        engine.beginHandshake();
        HandshakeStatus status = engine.getHandshakeStatus();
        while (true) {
            switch (status) {
                case NEED_WRAP -> status = sendDuringHandshake();
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    SSLEngineResult r = unwrap();
                    if (r == null) {
                        throw new EOFException((engine.getUseClientMode() ? "the server " + peer : peer) + " closed the connection during the TLS handshake");
                    }
                    if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                        throw new TlsException("TLS handshake with " + peer + " failed: the server closed TLS");
                    }
                    status = r.getHandshakeStatus();
                }
                case NEED_TASK -> {
                    runTasks();
                    status = engine.getHandshakeStatus();
                }
                default -> {
                    return; // FINISHED, NOT_HANDSHAKING
                }
            }
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /** Unwraps one record into appIn, reading from the network as needed; null at end of stream. */
    private SSLEngineResult unwrap() throws IOException {
        while (true) {
            appIn.compact();
            SSLEngineResult r;
            try {
                r = engine.unwrap(netIn, appIn);
            } finally {
                appIn.flip();
            }
            switch (r.getStatus()) {
                case OK, CLOSED -> {
                    return r;
                }
                case BUFFER_OVERFLOW -> appIn = grow(appIn, engine.getSession().getApplicationBufferSize(), true);
                case BUFFER_UNDERFLOW -> {
                    if (!readNetwork()) {
                        return null;
                    }
                }
            }
        }
    }

    /** Reads more records; false at end of stream. */
    private boolean readNetwork() throws IOException {
        if (netIn.limit() == netIn.capacity() && netIn.position() == 0) {
            int wanted = engine.getSession().getPacketBufferSize();
            if (netIn.capacity() >= wanted || wanted > Limits.MAX_TLS_PACKET) {
                throw new TlsException("TLS with " + peer + ": a record larger than "
                        + Limits.describe(Limits.MAX_TLS_PACKET));
            }
            netIn = grow(netIn, wanted, true);
        }
        netIn.compact();
        int n;
        try {
            n = rawIn.read(netIn.array(), netIn.arrayOffset() + netIn.position(), netIn.remaining());
        } finally {
            netIn.flip();
        }
        if (n < 0) {
            return false;
        }
        netIn.limit(netIn.limit() + n);
        return true;
    }

    /** Wraps from src, sends what the engine produced; under the write lock. */
    private SSLEngineResult send(ByteBuffer src) throws IOException {
        writeLock.lock();
        try {
            while (true) {
                netOut.clear();
                SSLEngineResult r = engine.wrap(src, netOut);
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                    netOut = ByteBuffer.allocate(Math.max(netOut.capacity() * 2, engine.getSession().getPacketBufferSize()));
                    continue;
                }
                if (r.bytesProduced() > 0) {
                    rawOut.write(netOut.array(), 0, netOut.position());
                    rawOut.flush();
                }
                if (r.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                    runTasks();
                }
                return r;
            }
        } finally {
            writeLock.unlock();
        }
    }

    private static ByteBuffer grow(ByteBuffer readMode, int atLeast, boolean keep) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(atLeast, readMode.capacity() * 2));
        if (keep) {
            bigger.put(readMode);
        }
        return bigger.flip();
    }

    private int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        readLock.lock();
        try {
            while (!appIn.hasRemaining()) {
                if (inboundDone) {
                    if (!received && engine.getUseClientMode()) {
                        // An RFB server always speaks after TLS; QEMU closes at once when it refuses a client's certificate.
                        throw TlsFailures.closedAfterHandshake(peer, engine, client);
                    }
                    return -1;
                }
                if (len >= engine.getSession().getApplicationBufferSize()) {
                    int n = unwrapInto(b, off, len);
                    if (n == 0) {
                        continue;
                    }
                    if (n < 0 && n != OVERFLOW) {
                        inboundDone = true;
                        continue; // the end, as the check above reports it
                    }
                    if (n != OVERFLOW) {
                        received = true;
                        return n;
                    }
                }
                SSLEngineResult r = unwrap();
                if (r == null || r.getStatus() == SSLEngineResult.Status.CLOSED) {
                    inboundDone = true;
                    continue;
                }
                afterUnwrap(r.getHandshakeStatus());
            }
            int n = Math.min(len, appIn.remaining());
            appIn.get(b, off, n);
            received = true;
            return n;
        } catch (SSLException e) {
            throw failure(e);
        } finally {
            readLock.unlock();
        }
    }

    /**
     * Unwraps straight into the reader's array when it has room for a whole record, saving a copy
     * (RFB's reader asks for tens of KiB at a time); 0 when a record carried no data, -1 at the end,
     * {@link #OVERFLOW} when the record does not fit.
     */
    private int unwrapInto(byte[] b, int off, int len) throws IOException {
        ByteBuffer dst = ByteBuffer.wrap(b, off, len);
        while (true) {
            SSLEngineResult r = engine.unwrap(netIn, dst);
            switch (r.getStatus()) {
                case OK -> {
                    afterUnwrap(r.getHandshakeStatus());
                    return r.bytesProduced();
                }
                case CLOSED -> {
                    inboundDone = true;
                    return r.bytesProduced() > 0 ? r.bytesProduced() : -1;
                }
                case BUFFER_OVERFLOW -> {
                    return OVERFLOW; // a record larger than announced: the buffered path grows its buffer
                }
                case BUFFER_UNDERFLOW -> {
                    if (!readNetwork()) {
                        inboundDone = true;
                        return -1;
                    }
                }
            }
        }
    }

    /** Post-handshake messages (TLS 1.3 key update, a 1.2 renegotiation) may want an answer sent. */
    private void afterUnwrap(HandshakeStatus status) throws IOException {
        while (status == HandshakeStatus.NEED_TASK || status == HandshakeStatus.NEED_WRAP) {
            if (status == HandshakeStatus.NEED_TASK) {
                runTasks();
                status = engine.getHandshakeStatus();
            } else {
                status = send(EMPTY).getHandshakeStatus();
            }
        }
    }

    private void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer src = ByteBuffer.wrap(b, off, len);
        try {
            while (src.hasRemaining()) {
                SSLEngineResult r = send(src);
                if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                    throw new IOException("TLS connection to " + peer + " closed");
                }
                if (r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                    Thread.onSpinWait(); // a renegotiation the reader thread is completing
                }
            }
        } catch (SSLException e) {
            throw failure(e);
        }
    }

    /** Sends close_notify if the writer is not busy; the caller closes the connection underneath. */
    @Override
    public void close() {
        if (writeLock.tryLock()) {
            try {
                engine.closeOutbound();
                send(EMPTY);
            } catch (IOException | RuntimeException ignored) {
                // closing is best effort
            } finally {
                writeLock.unlock();
            }
        }
    }

    private TlsException failure(SSLException e) {
        return TlsFailures.describe(peer, engine, e, client);
    }

    private final class Input extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n;
            do {
                n = TlsStreams.this.read(one, 0, 1);
            } while (n == 0);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return TlsStreams.this.read(b, off, len);
        }

        @Override
        public int available() {
            return appIn.remaining();
        }
    }

    private final class Output extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            TlsStreams.this.write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            TlsStreams.this.write(b, off, len);
        }
    }
}
