package io.vncstream.gateway.device;

/** A capture of a device by one viewer. Both methods must return at once: they run on the device's reader thread. */
public interface DeviceSubscriber {
    void output(byte[] data);

    /** The device is gone for good (removed); no more output follows. */
    void ended(String reason);
}
