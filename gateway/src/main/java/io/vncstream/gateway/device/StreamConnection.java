package io.vncstream.gateway.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A device connection over an input and an output stream (sockets, ptys). */
class StreamConnection implements DeviceConnection {
    private final InputStream in;
    private final OutputStream out;
    private final AutoCloseable resource;

    StreamConnection(InputStream in, OutputStream out, AutoCloseable resource) {
        this.in = in;
        this.out = out;
        this.resource = resource;
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        return in.read(buffer);
    }

    @Override
    public void write(byte[] data) throws IOException {
        out.write(data);
        out.flush();
    }

    @Override
    public void close() {
        try {
            resource.close();
        } catch (Exception ignored) {
            // the reader sees the end either way
        }
    }
}
