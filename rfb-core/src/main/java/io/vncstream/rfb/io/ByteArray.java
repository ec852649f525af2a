package io.vncstream.rfb.io;

import java.util.Arrays;

/** A growable byte array: the recording target of {@link RfbInput} and a message builder's buffer. */
public final class ByteArray {
    private byte[] data;
    private int size;

    public ByteArray() {
        this(256);
    }

    public ByteArray(int initialCapacity) {
        data = new byte[Math.max(16, initialCapacity)];
    }

    public void append(byte[] src, int off, int len) {
        ensureCapacity(size + len);
        System.arraycopy(src, off, data, size, len);
        size += len;
    }

    public void append(byte[] src) {
        append(src, 0, src.length);
    }

    public ByteArray u8(int v) {
        ensureCapacity(size + 1);
        data[size++] = (byte) v;
        return this;
    }

    public ByteArray u16(int v) {
        ensureCapacity(size + 2);
        data[size++] = (byte) (v >>> 8);
        data[size++] = (byte) v;
        return this;
    }

    public ByteArray s32(int v) {
        ensureCapacity(size + 4);
        data[size++] = (byte) (v >>> 24);
        data[size++] = (byte) (v >>> 16);
        data[size++] = (byte) (v >>> 8);
        data[size++] = (byte) v;
        return this;
    }

    public ByteArray u32(long v) {
        return s32((int) v);
    }

    public ByteArray bytes(byte[] b) {
        append(b);
        return this;
    }

    public ByteArray padding(int n) {
        ensureCapacity(size + n);
        Arrays.fill(data, size, size + n, (byte) 0);
        size += n;
        return this;
    }

    public int size() {
        return size;
    }

    /** The backing array; valid up to {@link #size()}. */
    public byte[] array() {
        return data;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(data, size);
    }

    public void clear() {
        size = 0;
    }

    /**
     * Room for {@code n} more bytes after {@link #size()}: the array to write them into from
     * there (an inflater's output, say); {@link #added} then counts what was written.
     */
    public byte[] reserve(int n) {
        ensureCapacity(size + n);
        return data;
    }

    /** Counts {@code n} bytes written into the array from {@link #reserve}. */
    public void added(int n) {
        if (n < 0 || size + n > data.length) {
            throw new IllegalArgumentException("added " + n + " bytes to " + size + " of " + data.length);
        }
        size += n;
    }

    private void ensureCapacity(int needed) {
        if (needed > data.length) {
            data = Arrays.copyOf(data, Math.max(needed, data.length * 2));
        }
    }
}
