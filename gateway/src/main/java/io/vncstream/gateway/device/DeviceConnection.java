package io.vncstream.gateway.device;

import java.io.IOException;

/** One open connection to a device's backend (a socket, a pty, a file, a demo program). */
public interface DeviceConnection extends AutoCloseable {
    /** Blocks for output; returns -1 when the backend has closed. */
    int read(byte[] buffer) throws IOException;

    /** Writes input to the device (read-only backends drop it). */
    void write(byte[] data) throws IOException;

    @Override
    void close();
}
