package io.vncstream.gateway.session;

import io.vncstream.gateway.device.CaptureLimits;
import io.vncstream.gateway.device.Device;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.device.DeviceSubscriber;
import io.vncstream.gateway.device.Subscription;
import io.vncstream.gateway.log.LogBudget;
import io.vncstream.rfb.stream.CaptureStarted;
import io.vncstream.rfb.stream.EndCapture;
import io.vncstream.rfb.stream.SendData;
import io.vncstream.rfb.stream.StartCapture;
import io.vncstream.rfb.stream.StreamMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import static io.vncstream.gateway.log.LogText.quote;

/**
 * One viewer's captures, answering its 255/2 messages as the stream extension's rules say.
 * Messages are handled on the viewer's reader thread only; {@link #closeAll()} may come from
 * any thread. No lock is held here while calling the devices or the writer.
 */
final class SessionCaptures {
    private static final Logger LOG = LoggerFactory.getLogger(SessionCaptures.class);

    private final String viewer;
    private final DeviceRegistry registry;
    private final ViewerWriter writer;
    private final Consumer<byte[]> reply;
    private final Consumer<String> cutOff;
    private final CaptureLimits limits;
    private final Map<Integer, Open> byId = new ConcurrentHashMap<>();
    private final Map<String, Integer> idByName = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private int nextId = 1;
    /** Refused requests are logged a few at a time: each costs the viewer a few bytes. */
    private final LogBudget complaints = new LogBudget(5, 10_000);

    private record Open(int id, Device device, Subscription subscription) {
    }

    /**
     * @param reply  queues a reply to the viewer; may wait while the viewer is far behind (its
     *               own reader thread waits, which is TCP backpressure on it)
     * @param cutOff ends the session for a reason; must return at once
     */
    SessionCaptures(String viewer, DeviceRegistry registry, ViewerWriter writer, CaptureLimits limits,
                    Consumer<byte[]> reply, Consumer<String> cutOff) {
        this.viewer = viewer;
        this.registry = registry;
        this.writer = writer;
        this.limits = limits;
        this.reply = reply;
        this.cutOff = cutOff;
    }

    void handle(StreamMessage message) {
        if (message instanceof StartCapture start) {
            start(start.name());
        } else if (message instanceof EndCapture end) {
            Open o = byId.remove(end.captureId());
            if (o != null) {
                idByName.remove(o.device().name(), o.id());
                o.device().unsubscribe(o.subscription());
                writer.detach(o.id());
                LOG.info("capture {} of {} ended by viewer {}", o.id(), quote(o.device().name()), viewer);
            }
            reply.accept(new EndCapture(end.captureId()).toBytes());
        } else if (message instanceof SendData data) {
            Open o = byId.get(data.captureId());
            if (o == null) {
                if (complaints.allow(this::summarise)) {
                    LOG.warn("viewer {} sent data for capture {}, which it does not hold: ended, data dropped",
                            viewer, Integer.toUnsignedString(data.captureId()));
                }
                reply.accept(new EndCapture(data.captureId()).toBytes());
                return;
            }
            try {
                o.device().write(o.subscription(), data.data());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void start(String name) {
        Integer existing = idByName.get(name);
        if (existing != null) {
            reply.accept(new CaptureStarted(existing, name).toBytes());
            return;
        }
        Device device = registry.get(name);
        if (device == null) {
            if (complaints.allow(this::summarise)) {
                LOG.info("viewer {} asked for unknown device {}: refused", viewer, quote(name));
            }
            reply.accept(new CaptureStarted(CaptureStarted.REFUSED, name).toBytes());
            return;
        }
        int id = nextId++;
        DeviceSubscriber subscriber = new DeviceSubscriber() {
            @Override
            public void ready() {
                writer.wake();
            }

            @Override
            public void overflowed(long boundBytes) {
                cutOff.accept("fell more than " + boundBytes / 1024 + " KiB behind device " + name
                        + " while a faster viewer read on");
            }

            @Override
            public void stalled(long idleMillis) {
                cutOff.accept("read nothing of device " + name + " for " + idleMillis + " ms while the device waited for it");
            }
        };
        Subscription subscription = device.subscribe(subscriber, limits);
        byId.put(id, new Open(id, device, subscription));
        idByName.put(name, id);
        // The reply travels with the attachment: it leaves before any data, and never without
        // the writer knowing the capture (whose end it then owes the viewer).
        writer.attach(id, new CaptureStarted(id, name).toBytes(), subscription, reason -> ended(id, name, reason));
        LOG.info("capture {} of {} started by viewer {}", id, quote(name), viewer);
        if (closed) {
            // closeAll ran meanwhile and may not have seen this one.
            device.unsubscribe(subscription);
        }
    }

    /** On the writer thread, once the end capture for a device that went away has been written. */
    private void ended(int id, String name, String reason) {
        byId.remove(id);
        idByName.remove(name, id);
        LOG.info("capture {} of {} for viewer {} ended: {}", id, quote(name), viewer, reason);
    }

    private void summarise(int held) {
        LOG.info("viewer {}: {} more refused capture requests in the last 10 s (not logged one by one)", viewer, held);
    }

    /** The viewer is gone: its captures stop receiving. */
    void closeAll() {
        closed = true;
        int held = complaints.takeSuppressed();
        if (held > 0) {
            summarise(held);
        }
        for (Open o : byId.values()) {
            o.device().unsubscribe(o.subscription());
        }
        byId.clear();
        idByName.clear();
    }
}
