package io.vncstream.rfb.io;

import io.vncstream.rfb.RfbProtocolException;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Buffered big-endian reader of RFB wire data. It can record what it consumes, which lets the
 * gateway find a message's boundaries with the ordinary parsers and forward the exact bytes,
 * and lets phase one of a decoder hand the encoded bytes of a rectangle to phase two.
 * <p>
 * Not thread-safe: one reader thread owns an input.
 */
public final class RfbInput {
    private static final int BUFFER_SIZE = 64 * 1024;
    /**
     * The buffer of a client's connection to a server: several whole 64 KiB send-data messages
     * (a flooding device's chunks) fit, so that one read takes them all and each one's bytes are
     * copied out of the buffer once, into an array that {@link #readBytes} need not zero first.
     * With 64 KiB, each message straddled two reads and the array was zeroed, then filled (a
     * third of the viewer's reader's CPU in StreamBench).
     */
    public static final int SERVER_STREAM_BUFFER_SIZE = 256 * 1024;
    /** Byte arrays read whole are allocated up to this size at once, and grown beyond it as data arrives. */
    public static final int GROW_FROM = 64 * 1024;
    /** What is left to read of an array at least this long, with the buffer empty, bypasses the buffer. */
    private static final int DIRECT_READ = 8 * 1024;

    private final InputStream source;
    private final byte[] buffer;
    private int position;
    private int limit;
    private long consumedBefore;
    private ByteArray recording;

    private RfbInput(InputStream source, byte[] buffer, int limit) {
        this.source = source;
        this.buffer = buffer;
        this.limit = limit;
    }

    /** Reads from a stream (a socket, usually), buffering internally. */
    public static RfbInput of(InputStream source) {
        return new RfbInput(source, new byte[BUFFER_SIZE], 0);
    }

    /** Reads from a stream, buffering up to {@code bufferSize} bytes at a time. */
    public static RfbInput of(InputStream source, int bufferSize) {
        return new RfbInput(source, new byte[bufferSize], 0);
    }

    /**
     * Reads from a stream into a buffer the caller owns and reuses (a decoder's inflated data:
     * the stream produces the bytes as they are read, so memory stays at the buffer's size).
     */
    public static RfbInput over(InputStream source, byte[] buffer) {
        return new RfbInput(source, buffer, 0);
    }

    /** Reads a byte array; reaching its end is an {@link EOFException}. */
    public static RfbInput of(byte[] data) {
        return new RfbInput(null, data, data.length);
    }

    /** Reads the first {@code length} bytes of an array, without copying it. */
    public static RfbInput wrap(byte[] data, int length) {
        return new RfbInput(null, data, length);
    }

    /** Reads {@code length} bytes of an array starting at {@code offset}. */
    public static RfbInput of(byte[] data, int offset, int length) {
        return of(Arrays.copyOfRange(data, offset, offset + length));
    }

    /** Bytes consumed so far, for error messages. */
    public long position() {
        return consumedBefore + position;
    }

    /** From now on, every consumed byte is also appended to {@code target}. */
    public void startRecording(ByteArray target) {
        this.recording = target;
    }

    /** Whether consumed bytes are being recorded. */
    public boolean recording() {
        return recording != null;
    }

    /** Stops recording and returns the target that was recording. */
    public ByteArray stopRecording() {
        ByteArray r = recording;
        recording = null;
        return r;
    }

    /** True when no byte is left in memory; for a stream, whether a read would block is unknown. */
    public boolean bufferEmpty() {
        return position >= limit;
    }

    /** Bytes available without touching the underlying stream. */
    public int buffered() {
        return limit - position;
    }

    /** True when an array-backed input has been read to its end. */
    public boolean atEnd() throws IOException {
        return position >= limit && (source == null || !fill(false));
    }

    public int readU8() throws IOException {
        require(1);
        int v = buffer[position] & 0xFF;
        consume(1);
        return v;
    }

    public int readU16() throws IOException {
        require(2);
        int v = ((buffer[position] & 0xFF) << 8) | (buffer[position + 1] & 0xFF);
        consume(2);
        return v;
    }

    public int readS32() throws IOException {
        require(4);
        int p = position;
        int v = ((buffer[p] & 0xFF) << 24) | ((buffer[p + 1] & 0xFF) << 16)
                | ((buffer[p + 2] & 0xFF) << 8) | (buffer[p + 3] & 0xFF);
        consume(4);
        return v;
    }

    /** An unsigned 32-bit value, as a long so that lengths above 2^31 can be reported, not wrapped. */
    public long readU32() throws IOException {
        return readS32() & 0xFFFFFFFFL;
    }

    /** A u32 length checked against {@code limit} before the caller allocates anything. */
    public int readLength(String what, int limit) throws IOException {
        return RfbProtocolException.checkLength(what, readU32(), limit);
    }

    public void skip(int n) throws IOException {
        while (n > 0) {
            if (position >= limit) {
                require(1);
            }
            int chunk = Math.min(n, limit - position);
            consume(chunk);
            n -= chunk;
        }
    }

    public void readFully(byte[] dst, int off, int len) throws IOException {
        while (len > 0) {
            if (position >= limit) {
                if (source != null && len >= DIRECT_READ) {
                    readDirect(dst, off, len);
                    return;
                }
                require(1);
            }
            int chunk = Math.min(len, limit - position);
            System.arraycopy(buffer, position, dst, off, chunk);
            consume(chunk);
            off += chunk;
            len -= chunk;
        }
    }

    /**
     * The buffer is empty and much is wanted (a stream's send-data, a cut text): read it from the
     * stream straight into the caller's array, not through the buffer and a copy.
     */
    private void readDirect(byte[] dst, int off, int len) throws IOException {
        while (len > 0) {
            int n = source.read(dst, off, len);
            if (n < 0) {
                throw new EOFException("connection closed by peer at byte " + position());
            }
            if (recording != null) {
                recording.append(dst, off, n);
            }
            consumedBefore += n;
            off += n;
            len -= n;
        }
    }

    /**
     * Reads a length already checked against a limit by the caller. A large length is not
     * allocated up front: the array grows (doubling) as the bytes really arrive, so a peer that
     * announces 16 MiB and sends nothing costs {@link #GROW_FROM}, not 16 MiB. Up to half the
     * buffer's size, the bytes are gathered in the buffer, which is already there.
     */
    public byte[] readBytes(int len) throws IOException {
        if (len > limit - position && source != null && len <= buffer.length / 2) {
            // Small enough to gather in the buffer (moving what is left of it to the front):
            // that costs nothing before the bytes arrive, and they are then copied once into
            // an array that is not zeroed first, not into a zeroed one and from the stream.
            require(len);
        }
        if (len <= limit - position) {
            byte[] here = Arrays.copyOfRange(buffer, position, position + len);
            consume(len);
            return here;
        }
        byte[] b = new byte[Math.min(len, GROW_FROM)];
        int filled = 0;
        while (true) {
            readFully(b, filled, b.length - filled);
            filled = b.length;
            if (filled == len) {
                return b;
            }
            b = java.util.Arrays.copyOf(b, (int) Math.min(len, 2L * b.length));
        }
    }

    /**
     * Makes {@code n} bytes (at most the buffer size) contiguous in {@link #array()} from
     * {@link #arrayOffset()}, without consuming them; the caller then calls {@link #skip(int)}.
     * This is how decoders read pixels in bulk without copying. On an array input holding fewer
     * than {@code n} more bytes it throws {@link java.io.EOFException}.
     */
    public void ensure(int n) throws IOException {
        // An array input too short for n has simply ended (require says so); only a stream's
        // buffer is a limit the caller must respect.
        if (n > buffer.length && source != null) {
            throw new IllegalArgumentException("ensure(" + n + ") exceeds buffer " + buffer.length);
        }
        require(n);
    }

    /**
     * Makes up to {@code n} bytes (at most the buffer size) contiguous from {@link #arrayOffset()}
     * without consuming them, fewer only where the data ends; returns how many there are. For
     * parsers whose next item has a small bounded size they cannot know before reading it, on
     * data in memory or produced on demand (inflated): on a socket it waits for all n bytes.
     */
    public int request(int n) throws IOException {
        n = Math.min(n, buffer.length);
        while (limit - position < n && source != null) {
            if (!fill(true)) {
                break;
            }
        }
        return limit - position;
    }

    /** Whether all the data is in {@link #array()} already (an array input, not a stream). */
    public boolean inMemory() {
        return source == null;
    }

    public byte[] array() {
        return buffer;
    }

    public int arrayOffset() {
        return position;
    }

    /** Largest n that {@link #ensure(int)} accepts. */
    public int capacity() {
        return buffer.length;
    }

    private void consume(int n) {
        if (recording != null) {
            recording.append(buffer, position, n);
        }
        position += n;
    }

    private void require(int n) throws IOException {
        if (limit - position >= n) {
            return;
        }
        if (source == null) {
            throw new EOFException("unexpected end of data at byte " + position() + " (needed " + n
                    + " more, " + (limit - position) + " left)");
        }
        while (limit - position < n) {
            if (!fill(true)) {
                throw new EOFException("connection closed by peer at byte " + position());
            }
        }
    }

    /** Compacts the buffer and reads more; returns false at end of stream. */
    private boolean fill(boolean block) throws IOException {
        if (source == null) {
            return false;
        }
        if (position > 0) {
            int remaining = limit - position;
            System.arraycopy(buffer, position, buffer, 0, remaining);
            consumedBefore += position;
            position = 0;
            limit = remaining;
        }
        if (!block && source.available() <= 0) {
            return false;
        }
        int n = source.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            return false;
        }
        limit += n;
        return true;
    }
}
