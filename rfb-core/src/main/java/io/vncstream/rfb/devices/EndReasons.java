package io.vncstream.rfb.devices;

/** The words a capture's end reason starts with, where a caller acts on them. */
public final class EndReasons {
    /** The device left the source's list (hot-unplugged, or its machine stopped). */
    public static final String DEVICE_REMOVED = "device removed";

    private EndReasons() {
    }

    public static boolean isRemoval(String reason) {
        return reason != null && reason.startsWith(DEVICE_REMOVED);
    }
}
