package io.vncstream.terminal.log;

/** The last {@code capacity} bytes written, in a ring: the log's bounded in-memory part. */
final class RecentBytes {
    private final byte[] ring;
    private long total;

    RecentBytes(int capacity) {
        ring = new byte[capacity];
    }

    synchronized void append(byte[] bytes, int offset, int length) {
        if (length >= ring.length) {
            // Only the tail fits.
            int skip = length - ring.length;
            total += skip;
            offset += skip;
            length = ring.length;
        }
        int start = (int) (total % ring.length);
        int first = Math.min(length, ring.length - start);
        System.arraycopy(bytes, offset, ring, start, first);
        System.arraycopy(bytes, offset + first, ring, 0, length - first);
        total += length;
    }

    /** Bytes ever appended. */
    synchronized long total() {
        return total;
    }

    /** The kept tail, oldest first. */
    synchronized byte[] snapshot() {
        int kept = (int) Math.min(total, ring.length);
        byte[] out = new byte[kept];
        int start = (int) ((total - kept) % ring.length);
        int first = Math.min(kept, ring.length - start);
        System.arraycopy(ring, start, out, 0, first);
        System.arraycopy(ring, 0, out, first, kept - first);
        return out;
    }
}
