package io.vncstream.rfb.devices;

/** Hears a source's devices appear and disappear, on the source's thread: return quickly. */
public interface DeviceSourceListener {
    void deviceAdded(DeviceInfo device);

    void deviceRemoved(String name);
}
