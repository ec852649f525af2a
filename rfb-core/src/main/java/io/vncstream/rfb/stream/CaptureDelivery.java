package io.vncstream.rfb.stream;

import java.util.ArrayDeque;

/**
 * One capture's delivery thread and its queue, bounded in bytes: the connection's reader hands
 * output over and goes on, unless the application is {@link #MAX_QUEUED_BYTES} behind; then the
 * reader waits, and TCP tells the server to slow down (a server limits how far behind a viewer
 * may fall; a queue here that grew without bound would keep that limit from ever acting).
 * Items run in order; the last one (the end) stops the thread.
 */
final class CaptureDelivery {
    /** Output the application may be behind before the reader waits. */
    static final int MAX_QUEUED_BYTES = 8 * 1024 * 1024;

    private record Item(Runnable task, int bytes, boolean last) {
    }

    private final ArrayDeque<Item> items = new ArrayDeque<>();
    private final int maxQueuedBytes;
    private long queuedBytes;
    private boolean finished;

    CaptureDelivery(String device) {
        this(device, MAX_QUEUED_BYTES);
    }

    CaptureDelivery(String device, int maxQueuedBytes) {
        this.maxQueuedBytes = maxQueuedBytes;
        Thread t = new Thread(this::run, "capture " + device);
        t.setDaemon(true);
        t.start();
    }

    /** Queues output of {@code bytes} bytes, waiting while the queue is full (a larger item goes in alone). */
    void output(Runnable task, int bytes) throws InterruptedException {
        synchronized (this) {
            while (!finished && queuedBytes > 0 && queuedBytes + bytes > maxQueuedBytes) {
                wait();
            }
            if (finished) {
                return;
            }
            queuedBytes += bytes;
            items.add(new Item(task, bytes, false));
            notifyAll();
        }
    }

    /** Queues the last item, without waiting: it runs after everything queued before it. */
    synchronized void finish(Runnable task) {
        if (!finished) {
            finished = true;
            items.add(new Item(task, 0, true));
            notifyAll();
        }
    }

    synchronized long queuedBytes() {
        return queuedBytes;
    }

    private void run() {
        while (runNext()) {
            // One call an item: see runNext.
        }
    }

    /**
     * Waits for the next item and runs it; false after the last one. A method of its own, called
     * once an item, so that the JIT compiles it after a few hundred items: a loop inside run,
     * entered once per capture, is compiled only by on-stack replacement after some 60000 items,
     * and until then each capture's delivery (its locking, waits and notifications) ran in the
     * interpreter (StreamBench: every capture of its 256 MiB rounds, 4096 chunks each).
     */
    private boolean runNext() {
        Item item;
        synchronized (this) {
            while (items.isEmpty()) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    return false;
                }
            }
            item = items.poll();
        }
        try {
            item.task().run();
        } finally {
            synchronized (this) {
                queuedBytes -= item.bytes();
                notifyAll();
            }
        }
        return !item.last();
    }
}
