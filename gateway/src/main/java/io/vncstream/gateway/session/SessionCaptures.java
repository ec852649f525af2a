package io.vncstream.gateway.session;

import io.vncstream.gateway.device.Device;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.device.DeviceSubscriber;
import io.vncstream.rfb.Limits;
import io.vncstream.rfb.stream.CaptureStarted;
import io.vncstream.rfb.stream.EndCapture;
import io.vncstream.rfb.stream.SendData;
import io.vncstream.rfb.stream.StartCapture;
import io.vncstream.rfb.stream.StreamMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One viewer's captures, answering its 255/2 messages as the stream extension's rules say. */
final class SessionCaptures {
    private static final Logger LOG = LoggerFactory.getLogger(SessionCaptures.class);

    private final String viewer;
    private final DeviceRegistry registry;
    private final ViewerOutput out;
    private final Map<Integer, Open> byId = new ConcurrentHashMap<>();
    private final Map<String, Integer> idByName = new ConcurrentHashMap<>();
    private int nextId = 1;

    private record Open(int id, Device device, DeviceSubscriber subscriber) {
    }

    /** What captures need of the session: to queue messages, and to notice a viewer that falls behind. */
    interface ViewerOutput {
        void send(StreamMessage message);

        void deviceOutputQueued();
    }

    SessionCaptures(String viewer, DeviceRegistry registry, ViewerOutput out) {
        this.viewer = viewer;
        this.registry = registry;
        this.out = out;
    }

    synchronized void handle(StreamMessage message) {
        if (message instanceof StartCapture start) {
            start(start.name());
        } else if (message instanceof EndCapture end) {
            Open o = byId.remove(end.captureId());
            if (o != null) {
                idByName.remove(o.device().name());
                o.device().unsubscribe(o.subscriber());
                LOG.info("capture {} of {} ended by viewer {}", o.id(), o.device().name(), viewer);
            }
            out.send(new EndCapture(end.captureId()));
        } else if (message instanceof SendData data) {
            Open o = byId.get(data.captureId());
            if (o == null) {
                LOG.warn("viewer {} sent data for capture {}, which it does not hold: ended, data dropped",
                        viewer, Integer.toUnsignedString(data.captureId()));
                out.send(new EndCapture(data.captureId()));
                return;
            }
            o.device().write(data.data());
        }
    }

    private void start(String name) {
        Integer existing = idByName.get(name);
        if (existing != null) {
            out.send(new CaptureStarted(existing, name));
            return;
        }
        Device device = registry.get(name);
        if (device == null) {
            LOG.info("viewer {} asked for unknown device {}: refused", viewer, name);
            out.send(new CaptureStarted(CaptureStarted.REFUSED, name));
            return;
        }
        int id = nextId++;
        DeviceSubscriber subscriber = new DeviceSubscriber() {
            @Override
            public void output(byte[] data) {
                for (int off = 0; off < data.length; off += Limits.MAX_STREAM_DATA) {
                    int end = Math.min(data.length, off + Limits.MAX_STREAM_DATA);
                    out.send(new SendData(id, off == 0 && end == data.length ? data : Arrays.copyOfRange(data, off, end)));
                }
                out.deviceOutputQueued();
            }

            @Override
            public void ended(String reason) {
                byId.remove(id);
                idByName.remove(name);
                LOG.info("capture {} of {} for viewer {} ended: {}", id, name, viewer, reason);
                out.send(new EndCapture(id));
            }
        };
        byId.put(id, new Open(id, device, subscriber));
        idByName.put(name, id);
        out.send(new CaptureStarted(id, name));
        device.subscribe(subscriber);
        LOG.info("capture {} of {} started by viewer {}", id, name, viewer);
    }

    /** The viewer is gone: its captures stop receiving. */
    synchronized void closeAll() {
        for (Open o : byId.values()) {
            o.device().unsubscribe(o.subscriber());
        }
        byId.clear();
        idByName.clear();
    }
}
