package io.vncstream.gateway.device;

import java.time.Duration;

/**
 * How far a capture may fall behind its device, and how long it may take nothing while the
 * device waits for it (see {@link Device}).
 *
 * @param maxBehindBytes output queued for a capture, past which it is cut off; only a capture
 *                       slower than another of the same device gets there, since the device
 *                       waits for the fastest
 * @param stallTimeout   a capture that takes nothing of its queue for this long while the
 *                       device waits for it is cut off, even when it is the only one
 */
public record CaptureLimits(long maxBehindBytes, Duration stallTimeout) {
    public static final long DEFAULT_MAX_BEHIND = 16L * 1024 * 1024;
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(10);
    public static final CaptureLimits DEFAULT = new CaptureLimits(DEFAULT_MAX_BEHIND, DEFAULT_STALL_TIMEOUT);

    public CaptureLimits {
        if (maxBehindBytes <= 0) {
            throw new IllegalArgumentException("the bound on falling behind must be positive");
        }
        if (stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("the stall timeout must be positive");
        }
    }

    /** The same stall timeout with another bound. */
    public static CaptureLimits maxBehind(long bytes) {
        return new CaptureLimits(bytes, DEFAULT_STALL_TIMEOUT);
    }
}
