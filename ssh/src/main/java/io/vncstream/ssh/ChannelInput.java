package io.vncstream.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What a channel receives, between jsch's session thread ({@link #sink()}, which jsch writes and
 * closes at the peer's EOF) and the reader: a ring buffer of at most {@link #CAPACITY} bytes.
 * A full buffer makes the session thread wait (SSH's window has already been granted), so a
 * reader that stops reading holds up the connection's other channels, never memory. Reads can
 * time out, as a socket's do, for the RFB handshake's deadline.
 */
final class ChannelInput extends InputStream {
    static final int CAPACITY = 256 * 1024;

    private final byte[] buf = new byte[CAPACITY];
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final String name;
    private int head;
    private int count;
    private boolean eof;
    private boolean closed;
    private long timeoutNanos;

    ChannelInput(String name) {
        this.name = name;
    }

    /** The side jsch writes to. */
    OutputStream sink() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                put(b, off, len);
            }

            @Override
            public void close() {
                end();
            }
        };
    }

    void setTimeout(Duration timeout) {
        lock.lock();
        try {
            timeoutNanos = timeout.toNanos();
        } finally {
            lock.unlock();
        }
    }

    private void put(byte[] b, int off, int len) throws IOException {
        lock.lock();
        try {
            while (len > 0) {
                while (count == CAPACITY && !closed) {
                    changed.await();
                }
                if (closed) {
                    return; // the reader is gone: what still arrives is dropped
                }
                int tail = (head + count) % CAPACITY;
                int n = Math.min(len, Math.min(CAPACITY - count, CAPACITY - tail));
                System.arraycopy(b, off, buf, tail, n);
                count += n;
                off += n;
                len -= n;
                changed.signalAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while buffering " + name);
        } finally {
            lock.unlock();
        }
    }

    /** The peer's EOF: the reader gets what is buffered, then -1. */
    void end() {
        lock.lock();
        try {
            eof = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

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
        lock.lock();
        try {
            long limit = timeoutNanos;
            long waited = limit;
            while (count == 0 && !eof && !closed) {
                if (limit > 0) {
                    if (waited <= 0) {
                        throw new SocketTimeoutException(name + ": nothing received within "
                                + TimeUnit.NANOSECONDS.toMillis(limit) + " ms");
                    }
                    waited = changed.awaitNanos(waited);
                } else {
                    changed.await();
                }
            }
            if (closed) {
                throw new IOException(name + " is closed");
            }
            if (count == 0) {
                return -1;
            }
            int n = Math.min(len, Math.min(count, CAPACITY - head));
            System.arraycopy(buf, head, b, off, n);
            head = (head + n) % CAPACITY;
            count -= n;
            changed.signalAll();
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + name);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int available() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** The local end: a blocked reader fails, a blocked session thread goes on, what is buffered is dropped. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            count = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
