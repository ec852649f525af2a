package io.vncstream.rfb.stream;

/** Receives one capture's device output, in order, on the capture's own delivery thread. */
public interface CaptureListener {
    void output(byte[] data);

    /** The capture ended: closed by us, by the server, or because the device was removed. */
    default void ended(String reason) {
    }
}
