package io.vncstream.libvirt.console;

import io.vncstream.rfb.devices.DeviceCapture;
import io.vncstream.rfb.devices.OutputListener;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What both kinds of console share: a reader thread hands the device's output to the listener
 * in order, input goes to the device's stream, and the end is told once, with the reason given
 * to {@link #close(String)} when we ended it.
 */
abstract class StreamingCapture implements DeviceCapture {
    private static final int CHUNK = 16 * 1024;

    private final String device;
    private final OutputListener listener;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private volatile String closeReason;

    StreamingCapture(String device, OutputListener listener) {
        this.device = device;
        this.listener = listener;
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    /** The device's input. */
    abstract OutputStream input();

    /** Stops the underlying stream, which ends the reader. */
    abstract void stop();

    /** Why the stream ended when it was not closed by us. */
    abstract String endedBy();

    @Override
    public void send(byte[] data) {
        if (!isOpen()) {
            return;
        }
        OutputStream in = input();
        synchronized (in) {
            try {
                in.write(data);
                in.flush();
            } catch (IOException e) {
                close(device + ": input could not be written: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        close("closed");
    }

    /** Ends the capture; the listener hears {@code reason}. */
    public void close(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
        stop();
    }

    /** Reads {@code from} until it ends, first delivering {@code first} (output read before the reader started). */
    void startReader(InputStream from, byte[] first) {
        Thread t = new Thread(() -> {
            if (first.length > 0) {
                listener.output(first);
            }
            byte[] buf = new byte[CHUNK];
            try {
                int n;
                while ((n = from.read(buf)) >= 0) {
                    if (n > 0) {
                        listener.output(Arrays.copyOf(buf, n));
                    }
                }
            } catch (IOException e) {
                // ended: closed by us, or the stream went away
            }
            stop();
            if (open.compareAndSet(true, false)) {
                listener.ended(closeReason != null ? closeReason : endedBy());
            }
        }, "console " + device);
        t.setDaemon(true);
        t.start();
    }
}
