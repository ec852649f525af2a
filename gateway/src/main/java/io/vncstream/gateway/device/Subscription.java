package io.vncstream.gateway.device;

import java.util.ArrayDeque;

/**
 * One capture's queue of a device's output, bounded in bytes. The device appends to it (never
 * waiting); the subscriber drains it on its own thread. A subscriber that lets more than the
 * bound pile up is cut off: the queue is dropped and the device forgets it, so a stalled viewer
 * costs at most its bound. The queue also remembers when its subscriber last took something,
 * so that the device can tell a slow subscriber (which it waits for) from a stalled one.
 */
public final class Subscription {
    enum Offer { QUEUED, NOW_READY, OVERFLOWED }

    private final DeviceSubscriber subscriber;
    private final long bound;
    /** Queued bytes from which this capture counts as behind, for the device's pacing of a flood. */
    private final long behindFrom;
    /** Told (lock-free, no lock held) when the queue drains below half of {@link #behindFrom}. */
    private final Runnable drained;
    private final long stallNanos;
    private final boolean flowControl;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private long queued;
    /** When the subscriber last took a chunk, or the queue last became non-empty ({@link System#nanoTime()}). */
    private long progressAt = System.nanoTime();
    private String endReason;
    private boolean dropped;

    Subscription(DeviceSubscriber subscriber, long bound, long behindFrom, long stallNanos, boolean flowControl,
                 Runnable drained) {
        this.subscriber = subscriber;
        this.bound = bound;
        this.behindFrom = behindFrom;
        this.stallNanos = stallNanos;
        this.flowControl = flowControl;
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
        if (wasEmpty) {
            // Waiting with nothing to take is not stalling.
            progressAt = System.nanoTime();
        }
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
            progressAt = System.nanoTime();
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

    /**
     * Whether this capture still has half of {@link #behindFrom} or more queued: the device,
     * once it waits, waits until one has drained to below that (and is told so), so that it
     * reads on in runs of many chunks, not one chunk per wake-up.
     */
    synchronized boolean stillBehind() {
        return queued >= behindFrom / 2;
    }

    /**
     * Whether this capture is behind and has taken nothing for its stall timeout by {@code now}
     * (called by the device, under its lock, only while it waits for its captures).
     */
    synchronized boolean stalled(long now) {
        return flowControl && queued >= behindFrom && now - progressAt > stallNanos;
    }

    /** Whether the device may wait for this capture for as long as it takes output. */
    boolean flowControl() {
        return flowControl;
    }

    /** Milliseconds since the subscriber last took something. */
    synchronized long idleMillis(long now) {
        return (now - progressAt) / 1_000_000;
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
