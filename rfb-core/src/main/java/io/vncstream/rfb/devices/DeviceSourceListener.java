package io.vncstream.rfb.devices;

/** Hears a source's devices appear and disappear, on the source's thread: return quickly. */
public interface DeviceSourceListener {
    /**
     * A device is listed now. It may be told again of a device already listed whose captures
     * ended with {@link EndReasons#RESTARTED}: it can be captured again.
     */
    void deviceAdded(DeviceInfo device);

    void deviceRemoved(String name);
}
