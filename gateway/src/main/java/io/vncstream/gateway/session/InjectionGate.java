package io.vncstream.gateway.session;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Where the gateway's own messages (device notices, capture output) join the desktop's on the
 * way to one viewer. Each goes in whole between two desktop messages; and after a desktop
 * Fence that fences what follows it (BlockAfter, SyncNext), they wait until the desktop's next
 * message has gone, so nothing of ours lands between a Fence and what it fences.
 *
 * <p>The lock is held while handing a message to the viewer's writer: that only queues (it never
 * blocks), and it is what keeps the two producers' order.
 */
final class InjectionGate {
    private final Object lock = new Object();
    private final ArrayDeque<byte[]> held = new ArrayDeque<>();
    private final Consumer<byte[]> out;
    private long heldBytes;
    private boolean holding;

    InjectionGate(Consumer<byte[]> out) {
        this.out = out;
    }

    /** A whole desktop message; {@code fencesNext}: hold ours back until the next desktop message is out. */
    void desktop(byte[] message, boolean fencesNext) {
        synchronized (lock) {
            out.accept(message);
            if (!fencesNext) {
                while (!held.isEmpty()) {
                    out.accept(held.poll());
                }
                heldBytes = 0;
            }
            holding = fencesNext;
        }
    }

    /** One of the gateway's own messages. */
    void inject(byte[] message) {
        synchronized (lock) {
            if (holding) {
                held.add(message);
                heldBytes += message.length;
            } else {
                out.accept(message);
            }
        }
    }

    /** Bytes of ours waiting for the desktop's next message (they count towards the viewer being behind). */
    long heldBytes() {
        synchronized (lock) {
            return heldBytes;
        }
    }
}
