package io.vncstream.gateway.device;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Viewers' input on its way to a device, bounded in bytes. A viewer that sends faster than the
 * device reads waits in {@link #put} (its reader thread stops reading its socket: TCP
 * backpressure); a viewer that leaves has what it still had queued dropped, so it is not typed
 * into the VM later.
 */
final class InputQueue {
    private record Entry(Subscription from, byte[] data) {
    }

    private final long bound;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    /** Queued plus the entry being written: what the queue holds on to. */
    private long bytes;
    private boolean stopped;

    InputQueue(long bound) {
        this.bound = bound;
    }

    /** Waits for room (an entry larger than the bound goes in alone); false if dropped meanwhile. */
    synchronized boolean put(Subscription from, byte[] data) throws InterruptedException {
        while (!stopped && !from.dropped() && bytes > 0 && bytes + data.length > bound) {
            wait();
        }
        if (stopped || from.dropped()) {
            return false;
        }
        entries.add(new Entry(from, data));
        bytes += data.length;
        notifyAll();
        return true;
    }

    /** The next input to write, or null once stopped; call {@link #written} after writing it. */
    synchronized byte[] take() throws InterruptedException {
        while (!stopped && entries.isEmpty()) {
            wait();
        }
        Entry e = entries.poll();
        return e == null ? null : e.data();
    }

    synchronized void written(byte[] data) {
        bytes -= data.length;
        notifyAll();
    }

    /** A viewer left: its queued input goes, and its waiting put gives up. */
    synchronized void drop(Subscription from) {
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.from() == from) {
                it.remove();
                bytes -= e.data().length;
            }
        }
        notifyAll();
    }

    synchronized void stop() {
        stopped = true;
        entries.clear();
        notifyAll();
    }
}
