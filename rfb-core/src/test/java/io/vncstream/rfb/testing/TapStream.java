package io.vncstream.rfb.testing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;

/**
 * A copy of the bytes a proxy forwards, for a parser on its own thread. Offering never blocks
 * the proxy: past {@code maxBytes} waiting, the tap overflows (the parser then sees the end of
 * the stream and {@link #overflowed()} says why), so a slow parser never slows the link.
 */
final class TapStream extends InputStream {
    private final long maxBytes;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private byte[] current;
    private int pos;
    private long waiting;
    private long handedOut;
    private boolean ended;
    private boolean overflowed;
    private boolean readerWaiting;

    TapStream(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Copies {@code length} bytes for the parser; false (and the tap ends) when it is too far behind. */
    synchronized boolean offer(byte[] data, int length) {
        if (ended) {
            return false;
        }
        if (waiting + length > maxBytes) {
            overflowed = true;
            ended = true;
            chunks.clear();
            notifyAll();
            return false;
        }
        byte[] copy = java.util.Arrays.copyOf(data, length);
        chunks.addLast(copy);
        waiting += length;
        notifyAll();
        return true;
    }

    /** No more bytes: the parser reads to the end of what was offered, then sees the end. */
    synchronized void end() {
        ended = true;
        notifyAll();
    }

    synchronized boolean overflowed() {
        return overflowed;
    }

    /** Bytes the parser has read so far. */
    synchronized long handedOut() {
        return handedOut;
    }

    /**
     * Whether the parser has taken every byte up to {@code position} and waits for more: it has
     * then handled every complete message before it (a parser asks for bytes only when the
     * message it reads needs them).
     */
    synchronized boolean starvedAt(long position) {
        return ended || (handedOut >= position && readerWaiting && chunks.isEmpty());
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (current == null || pos == current.length) {
            current = chunks.pollFirst();
            pos = 0;
            if (current != null) {
                break;
            }
            if (ended) {
                return -1;
            }
            readerWaiting = true;
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("tap read interrupted");
            } finally {
                readerWaiting = false;
            }
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        waiting -= n;
        handedOut += n;
        notifyAll();
        return n;
    }
}
