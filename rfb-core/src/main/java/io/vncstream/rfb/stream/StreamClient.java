package io.vncstream.rfb.stream;

import io.vncstream.rfb.Limits;
import io.vncstream.rfb.client.ForwardingHandler;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.devices.EndReasons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The client side of the stream extension over one {@link RfbClient}: the server's device list,
 * and captures. Wrap the application's handler with {@link #handler}, connect with it, then
 * {@link #attach} the client.
 */
public final class StreamClient {
    private static final Logger LOG = LoggerFactory.getLogger(StreamClient.class);

    private final Set<String> devices = new LinkedHashSet<>();
    private final List<DeviceListener> deviceListeners = new CopyOnWriteArrayList<>();
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final Map<Integer, Capture> open = new ConcurrentHashMap<>();
    private volatile RfbClient client;

    private record Pending(String name, CaptureListener listener, CompletableFuture<Capture> result) {
    }

    /** The handler to connect with: it takes the stream events and passes everything on. */
    public RfbClientHandler handler(RfbClientHandler application) {
        return new ForwardingHandler(application) {
            @Override
            public void deviceNotice(DeviceNotice notice) {
                onNotice(notice);
                super.deviceNotice(notice);
            }

            @Override
            public void streamMessage(StreamMessage message) {
                onMessage(message);
                super.streamMessage(message);
            }

            @Override
            public void disconnected(Exception cause) {
                onDisconnected(cause);
                super.disconnected(cause);
            }
        };
    }

    public void attach(RfbClient client) {
        this.client = client;
    }

    public synchronized List<String> devices() {
        return new ArrayList<>(devices);
    }

    public void addDeviceListener(DeviceListener l) {
        deviceListeners.add(l);
    }

    public void removeDeviceListener(DeviceListener l) {
        deviceListeners.remove(l);
    }

    /**
     * Opens a capture. The future fails when the device is not listed (we never send a stream
     * message to a server that has announced no device: QEMU would disconnect us) or when the
     * server refuses.
     */
    public CompletableFuture<Capture> capture(String name, CaptureListener listener) {
        CompletableFuture<Capture> result = new CompletableFuture<>();
        synchronized (this) {
            if (!devices.contains(name)) {
                result.completeExceptionally(new IOException("no device named '" + name + "' (devices: "
                        + String.join(", ", devices) + ")"));
                return result;
            }
            pending.add(new Pending(name, listener, result));
        }
        client.send(new StartCapture(name));
        return result;
    }

    void sendData(int id, byte[] data) {
        for (int off = 0; off < data.length; off += Limits.MAX_STREAM_DATA) {
            int end = Math.min(data.length, off + Limits.MAX_STREAM_DATA);
            client.send(new SendData(id, off == 0 && end == data.length ? data : Arrays.copyOfRange(data, off, end)));
        }
    }

    void endCapture(Capture capture) {
        client.send(new EndCapture(capture.id()));
    }

    private void onNotice(DeviceNotice notice) {
        boolean changed;
        synchronized (this) {
            changed = notice.added() ? devices.add(notice.name()) : devices.remove(notice.name());
        }
        if (!changed) {
            LOG.info("tolerated a repeated {} of device {}", notice.added() ? "addition" : "removal", notice.name());
            return;
        }
        for (DeviceListener l : deviceListeners) {
            if (notice.added()) {
                l.deviceAdded(notice.name());
            } else {
                l.deviceRemoved(notice.name());
            }
        }
        if (!notice.added()) {
            for (Capture c : open.values()) {
                if (c.device().equals(notice.name())) {
                    open.remove(c.id());
                    c.end(EndReasons.DEVICE_REMOVED);
                }
            }
        }
    }

    private void onMessage(StreamMessage message) {
        if (message instanceof CaptureStarted started) {
            Pending p;
            synchronized (this) {
                p = pending.poll();
            }
            if (p == null) {
                LOG.warn("server sent an unrequested start capture for " + started.name());
                return;
            }
            if (started.refused()) {
                p.result().completeExceptionally(new IOException("the server refused to capture '" + p.name() + "'"));
                return;
            }
            Capture existing = open.get(started.captureId());
            if (existing != null) {
                p.result().complete(existing);
                return;
            }
            Capture c = new Capture(this, started.captureId(), p.name(), p.listener(), new CaptureDelivery(p.name()));
            open.put(c.id(), c);
            p.result().complete(c);
        } else if (message instanceof SendData data) {
            Capture c = open.get(data.captureId());
            if (c != null) {
                c.deliver(data.data());
            }
        } else if (message instanceof EndCapture end) {
            Capture c = open.remove(end.captureId());
            if (c != null) {
                c.end("capture ended by the server");
            }
        }
    }

    private void onDisconnected(Exception cause) {
        String reason = cause == null ? "connection closed" : "connection lost: " + cause.getMessage();
        for (Capture c : open.values()) {
            c.end(reason);
        }
        open.clear();
        synchronized (this) {
            for (Pending p : pending) {
                p.result().completeExceptionally(new IOException(reason));
            }
            pending.clear();
        }
    }
}
