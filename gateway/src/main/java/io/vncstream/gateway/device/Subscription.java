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
    /** Queued bytes from which this capture counts as behind, for the device's pacing of a flood. */
    private final long behindFrom;
    /** Told (lock-free, no lock held) when the queue drains below half of {@link #behindFrom}. */
    private final Runnable drained;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private long queued;
    private String endReason;
    private boolean dropped;

    Subscription(DeviceSubscriber subscriber, long bound, long behindFrom, Runnable drained) {
        this.subscriber = subscriber;
        this.bound = bound;
        this.behindFrom = behindFrom;
        this.drained = drained;
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
    public byte[] poll() {
        byte[] c;
        boolean nowDrained;
        synchronized (this) {
            c = chunks.poll();
            if (c == null) {
                return null;
            }
            long before = queued;
            queued -= c.length;
            nowDrained = before >= behindFrom / 2 && queued < behindFrom / 2;
        }
        if (nowDrained) {
            drained.run();
        }
        return c;
    }

    /** Whether this capture has {@link #behindFrom} or more queued (called by the device, under its lock). */
    synchronized boolean behind() {
        return queued >= behindFrom;
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
