package io.vncstream.gateway.device;

import java.util.ArrayDeque;

/**
 * One capture's queue of a device's output, bounded in bytes. The device appends to it (never
 * waiting); the subscriber drains it on its own thread. A subscriber that lets more than the
 * bound pile up is cut off: the queue is dropped and the device forgets it, so a stalled viewer
 * costs at most its bound and never slows the device or the other viewers.
 */
public final class Subscription {
    enum Offer { QUEUED, NOW_READY, OVERFLOWED }

    private final DeviceSubscriber subscriber;
    private final long bound;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private long queued;
    private String endReason;
    private boolean dropped;

    Subscription(DeviceSubscriber subscriber, long bound) {
        this.subscriber = subscriber;
        this.bound = bound;
    }

    DeviceSubscriber subscriber() {
        return subscriber;
    }

    long bound() {
        return bound;
    }

    /** Called by the device, under its lock; the caller signals the subscriber after letting go of it. */
    synchronized Offer offer(byte[] chunk) {
        if (dropped || endReason != null) {
            return Offer.QUEUED;
        }
        if (queued + chunk.length > bound) {
            dropped = true;
            chunks.clear();
            queued = 0;
            return Offer.OVERFLOWED;
        }
        boolean wasEmpty = chunks.isEmpty();
        chunks.add(chunk);
        queued += chunk.length;
        return wasEmpty ? Offer.NOW_READY : Offer.QUEUED;
    }

    /** The device is gone: what is queued is still delivered, then {@link #endReason()} says why it ended. */
    synchronized void end(String reason) {
        if (endReason == null) {
            endReason = reason;
        }
    }

    /** The subscriber left: nothing more is kept for it. */
    synchronized void drop() {
        dropped = true;
        chunks.clear();
        queued = 0;
    }

    synchronized boolean dropped() {
        return dropped;
    }

    /** The next chunk of output, oldest first, or null when none is waiting. */
    public synchronized byte[] poll() {
        byte[] c = chunks.poll();
        if (c != null) {
            queued -= c.length;
        }
        return c;
    }

    /** Why the device ended this subscription, once all its output has been polled; else null. */
    public synchronized String endReason() {
        return chunks.isEmpty() ? endReason : null;
    }

    /** The device ended this subscription (some output may still be waiting). */
    public synchronized boolean ending() {
        return endReason != null;
    }

    public synchronized long queuedBytes() {
        return queued;
    }
}
