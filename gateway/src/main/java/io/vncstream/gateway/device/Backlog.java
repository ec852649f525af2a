package io.vncstream.gateway.device;

/** The last N bytes of a device's output, replayed at the start of each capture (the boot log). */
final class Backlog {
    private final byte[] ring;
    private long total;

    Backlog(int capacity) {
        ring = new byte[Math.max(0, capacity)];
    }

    void append(byte[] data, int off, int len) {
        if (ring.length == 0) {
            return;
        }
        if (len >= ring.length) {
            off += len - ring.length;
            len = ring.length;
        }
        int pos = (int) (total % ring.length);
        int first = Math.min(len, ring.length - pos);
        System.arraycopy(data, off, ring, pos, first);
        System.arraycopy(data, off + first, ring, 0, len - first);
        total += len;
    }

    /** What the ring holds, oldest first. */
    int size() {
        return (int) Math.min(total, ring.length);
    }

    byte[] contents() {
        int size = (int) Math.min(total, ring.length);
        byte[] out = new byte[size];
        int start = (int) ((total - size) % Math.max(1, ring.length));
        int first = Math.min(size, ring.length - start);
        System.arraycopy(ring, start, out, 0, first);
        System.arraycopy(ring, 0, out, first, size - first);
        return out;
    }
}
