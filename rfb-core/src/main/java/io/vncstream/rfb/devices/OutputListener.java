package io.vncstream.rfb.devices;

/** Receives one capture's device output, in order, on the capture's own delivery thread. */
public interface OutputListener {
    void output(byte[] data);

    /**
     * The capture ended: closed by us, by the other side, or because the device went away. A
     * reason starting with {@link EndReasons#DEVICE_REMOVED} means the device is gone from the list.
     */
    default void ended(String reason) {
    }
}
