package io.vncstream.viewer.cli;

import io.vncstream.rfb.devices.DeviceCapture;
import io.vncstream.rfb.devices.DeviceInfo;
import io.vncstream.rfb.devices.DeviceSource;
import io.vncstream.rfb.devices.DeviceSourceListener;
import io.vncstream.rfb.devices.EndReasons;
import io.vncstream.rfb.devices.OutputListener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The console command's capture, which outlives a restart of the device's stream (a libvirt
 * domain rebooting): when the capture ends as {@link EndReasons#RESTARTED}, the device is
 * captured again as soon as the source lists it again, below a gap line in the output. Any
 * other end is the end.
 */
final class ResumingCapture implements DeviceCapture {
    private final DeviceSource source;
    private final String device;
    private final OutputListener out;
    private volatile DeviceCapture current;
    private volatile boolean closed;

    private ResumingCapture(DeviceSource source, String device, OutputListener out) {
        this.source = source;
        this.device = device;
        this.out = out;
    }

    static ResumingCapture open(DeviceSource source, String device, OutputListener out, long timeoutSeconds)
            throws Exception {
        ResumingCapture r = new ResumingCapture(source, device, out);
        source.addListener(r.new Again());
        r.current = r.captureOnce(timeoutSeconds);
        return r;
    }

    private DeviceCapture captureOnce(long timeoutSeconds) throws Exception {
        try {
            return source.capture(device, new Piece()).get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (e.getCause() instanceof Exception ex) ? ex : e;
        } catch (TimeoutException e) {
            throw new IOException(device + ": not opened within " + timeoutSeconds + " s");
        }
    }

    /** The output of one capture; its end is the whole one's unless it is a restart. */
    private final class Piece implements OutputListener {
        @Override
        public void output(byte[] data) {
            out.output(data);
        }

        @Override
        public void replayed(byte[] data) {
            out.replayed(data);
        }

        @Override
        public void ended(String reason) {
            if (EndReasons.isRestart(reason) && !closed) {
                current = null;
                String note = "\r\n---- " + device + ": " + reason + " at "
                        + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "; captured again when it is back ----\r\n";
                out.output(note.getBytes(StandardCharsets.UTF_8));
                return;
            }
            out.ended(reason);
        }
    }

    /** The device is listed again: capture it (on a thread of its own: the source's must not wait). */
    private final class Again implements DeviceSourceListener {
        @Override
        public void deviceAdded(DeviceInfo d) {
            if (!d.name().equals(device) || closed || current != null) {
                return;
            }
            Thread t = new Thread(() -> {
                try {
                    current = captureOnce(30);
                } catch (Exception e) {
                    out.ended("could not capture " + device + " again: " + e.getMessage());
                }
            }, "recapture " + device);
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void deviceRemoved(String name) {
        }
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public boolean isOpen() {
        DeviceCapture c = current;
        return !closed && (c == null || c.isOpen());
    }

    @Override
    public void send(byte[] data) {
        DeviceCapture c = current;
        if (c != null) {
            c.send(data);
        }
    }

    @Override
    public void close() {
        closed = true;
        DeviceCapture c = current;
        if (c != null) {
            c.close();
        }
    }
}
