package io.vncstream.gateway.libvirt;

import io.vncstream.gateway.device.DeviceBackend;
import io.vncstream.gateway.device.DeviceConnection;
import io.vncstream.rfb.devices.DeviceCapture;
import io.vncstream.rfb.devices.DeviceSource;
import io.vncstream.rfb.devices.OutputListener;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A device of a {@link DeviceSource} (a libvirt domain's) as a gateway device backend: each
 * open is a capture, its output read through a pipe of {@link #PIPE_BYTES} (the capture's
 * reader waits while it is full, so nothing grows without bound).
 */
final class SourceBackend implements DeviceBackend {
    static final int PIPE_BYTES = 1024 * 1024;

    private final DeviceSource source;
    private final String name;

    SourceBackend(DeviceSource source, String name) {
        this.source = source;
        this.name = name;
    }

    @Override
    public DeviceConnection open() throws IOException {
        PipedInputStream in = new PipedInputStream(PIPE_BYTES);
        PipedOutputStream out = new PipedOutputStream(in);
        DeviceCapture capture;
        try {
            capture = source.capture(name, new OutputListener() {
                @Override
                public void output(byte[] data) {
                    try {
                        out.write(data);
                        out.flush();
                    } catch (IOException e) {
                        // the gateway closed its end: the capture is being closed too
                    }
                }

                @Override
                public void ended(String reason) {
                    try {
                        out.close();
                    } catch (IOException e) {
                        // closed already
                    }
                }
            }).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException(name + ": not opened within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening " + name);
        }
        return new DeviceConnection() {
            @Override
            public int read(byte[] buffer) throws IOException {
                return in.read(buffer);
            }

            @Override
            public void write(byte[] data) {
                capture.send(data);
            }

            @Override
            public void close() {
                capture.close();
                try {
                    in.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        };
    }

    @Override
    public String describe() {
        return "libvirt:" + name;
    }
}
