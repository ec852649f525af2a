package io.vncstream.rfb.devices;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where devices come from: the list now, its changes, and captures. Thread-safe; listeners are
 * called on the source's own thread and must return quickly.
 */
public interface DeviceSource {
    /** The devices listed now, in the source's order. */
    List<DeviceInfo> devices();

    void addListener(DeviceSourceListener listener);

    void removeListener(DeviceSourceListener listener);

    /**
     * Opens a capture of device {@code name}: its output goes to {@code output} in order, on a
     * thread of the capture's own, until {@link OutputListener#ended} says why it stopped. The
     * future fails, with a message a user can read, when the device cannot be opened.
     */
    CompletableFuture<DeviceCapture> capture(String name, OutputListener output);

    /** Whether {@code name} is listed now. */
    default boolean has(String name) {
        for (DeviceInfo d : devices()) {
            if (d.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The names listed now, in order. */
    default List<String> names() {
        return devices().stream().map(DeviceInfo::name).toList();
    }
}
