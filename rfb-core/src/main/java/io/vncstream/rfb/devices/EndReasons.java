package io.vncstream.rfb.devices;

/** The words a capture's end reason starts with, where a caller acts on them. */
public final class EndReasons {
    /** The device left the source's list (hot-unplugged, or its machine stopped). */
    public static final String DEVICE_REMOVED = "device removed";

    /**
     * The device stays but its stream was restarted (its machine rebooted): the source announces
     * it again with {@link DeviceSourceListener#deviceAdded} once it can be captured again.
     */
    public static final String RESTARTED = "device restarted";

    private EndReasons() {
    }

    public static boolean isRemoval(String reason) {
        return reason != null && reason.startsWith(DEVICE_REMOVED);
    }

    public static boolean isRestart(String reason) {
        return reason != null && reason.startsWith(RESTARTED);
    }
}
