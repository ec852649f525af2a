package io.vncstream.gateway.device;

import java.time.Duration;

/**
 * How far a capture may fall behind its device, and whether the device waits for its captures
 * (see {@link Device}).
 *
 * @param maxBehindBytes output queued for a capture, past which it is cut off; with flow control
 *                       only a capture slower than another of the same device gets there, since
 *                       the device waits for the fastest
 * @param stallTimeout   with flow control, a capture that takes nothing of its queue for this
 *                       long while the device waits for it is cut off, even when it is the only one
 * @param flowControl    whether the device waits for its fastest capture (the gateway's
 *                       {@code --flow-control}, off by default). The stream extension says a
 *                       server never blocks a device on one slow client: without it a device
 *                       waits at most {@link Device#PACE_WAIT_NANOS} at a time for its captures
 *                       and a viewer that falls the whole bound behind is cut off
 */
public record CaptureLimits(long maxBehindBytes, Duration stallTimeout, boolean flowControl) {
    public static final long DEFAULT_MAX_BEHIND = 16L * 1024 * 1024;
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(10);
    public static final CaptureLimits DEFAULT = new CaptureLimits(DEFAULT_MAX_BEHIND, DEFAULT_STALL_TIMEOUT, false);

    public CaptureLimits {
        if (maxBehindBytes <= 0) {
            throw new IllegalArgumentException("the bound on falling behind must be positive");
        }
        if (stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("the stall timeout must be positive");
        }
    }

    /** With flow control: the device waits for its fastest capture, which may stall this long. */
    public CaptureLimits(long maxBehindBytes, Duration stallTimeout) {
        this(maxBehindBytes, stallTimeout, true);
    }

    /** Without flow control, with this bound. */
    public static CaptureLimits maxBehind(long bytes) {
        return new CaptureLimits(bytes, DEFAULT_STALL_TIMEOUT, false);
    }
}
