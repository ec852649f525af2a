package io.vncstream.libvirt.devices;

import io.vncstream.libvirt.LibvirtException;
import io.vncstream.rfb.devices.DeviceCapture;
import io.vncstream.rfb.devices.OutputListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The captures a {@link LibvirtDeviceSource} has open, one per device: a second one of the same
 * device is refused, each can be ended with a reason (removed, restarted), and ending one waits
 * a little until its listener has heard, so that the next capture of the device starts after it.
 * A capture that ends by itself (its virsh or socket went away) leaves the set as it ends.
 */
final class OpenCaptures {
    private static final Logger LOG = LoggerFactory.getLogger(OpenCaptures.class);

    /** A capture of ours: the source can end it with a reason its listener is given. */
    interface Capture extends DeviceCapture {
        void close(String reason);
    }

    /** Opens a device's capture, whose output goes to {@code tracked}. */
    interface Opener {
        Capture open(OutputListener tracked) throws IOException, InterruptedException;
    }

    private record Open(Capture capture, CountDownLatch ended) {
    }

    private final Map<String, Open> open = new ConcurrentHashMap<>();

    boolean contains(String device) {
        return open.containsKey(device);
    }

    List<String> names() {
        return List.copyOf(open.keySet());
    }

    /** Opens {@code device} with {@code opener}, its output to {@code output}, unless it is open already. */
    Capture open(String device, OutputListener output, Opener opener) throws IOException, InterruptedException {
        if (open.containsKey(device)) {
            throw new LibvirtException(device + " is open already");
        }
        CountDownLatch ended = new CountDownLatch(1);
        OutputListener tracked = new OutputListener() {
            @Override
            public void output(byte[] data) {
                output.output(data);
            }

            @Override
            public void replayed(byte[] data) {
                output.replayed(data);
            }

            @Override
            public void ended(String reason) {
                open.remove(device);
                try {
                    output.ended(reason);
                } finally {
                    ended.countDown();
                }
            }
        };
        Capture c = opener.open(tracked);
        Open o = new Open(c, ended);
        if (open.putIfAbsent(device, o) != null) {
            c.close();
            throw new LibvirtException(device + " is open already");
        }
        if (!c.isOpen()) {
            open.remove(device, o); // it ended before it was tracked
        }
        return c;
    }

    /** Ends the capture of {@code device}, if open, and waits (a little) until its listener has heard. */
    void end(String device, String reason) {
        Open o = open.remove(device);
        if (o == null) {
            return;
        }
        o.capture().close(reason);
        try {
            if (!o.ended().await(5, TimeUnit.SECONDS)) {
                LOG.warn("{}: the capture did not end within 5 s", device);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends every capture with {@code reason}, without waiting. */
    void closeAll(String reason) {
        for (Open o : List.copyOf(open.values())) {
            o.capture().close(reason);
        }
    }

    /** {@code c} as a capture the source can end with a reason, through {@code closeWith}. */
    static Capture wrap(DeviceCapture c, Consumer<String> closeWith) {
        return new Capture() {
            @Override
            public void close(String reason) {
                closeWith.accept(reason);
            }

            @Override
            public String device() {
                return c.device();
            }

            @Override
            public boolean isOpen() {
                return c.isOpen();
            }

            @Override
            public void send(byte[] data) {
                c.send(data);
            }

            @Override
            public void close() {
                c.close();
            }
        };
    }
}
