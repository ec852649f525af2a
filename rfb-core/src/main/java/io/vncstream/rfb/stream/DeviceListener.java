package io.vncstream.rfb.stream;

/** Hears devices appear and disappear, on the connection's reader thread: return quickly. */
public interface DeviceListener {
    void deviceAdded(String name);

    void deviceRemoved(String name);
}
