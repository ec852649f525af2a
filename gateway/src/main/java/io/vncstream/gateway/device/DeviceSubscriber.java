package io.vncstream.gateway.device;

/**
 * Who consumes a {@link Subscription}: told, never handed data. Both methods are called on the
 * device's reader thread with no lock held, and must return at once (signal a thread, no more):
 * the device never waits on a viewer.
 */
public interface DeviceSubscriber {
    /** Output (or the end) is waiting in the subscription; drain it with {@link Subscription#poll()}. */
    void ready();

    /** The subscription's queue passed its byte bound and was dropped: no more output follows. */
    void overflowed(long boundBytes);

    /** The subscription took nothing for {@code idleMillis} while the device waited for it, and was dropped: no more output follows. */
    void stalled(long idleMillis);
}
