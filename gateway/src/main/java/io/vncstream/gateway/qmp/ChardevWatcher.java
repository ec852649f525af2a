package io.vncstream.gateway.qmp;

import com.fasterxml.jackson.databind.JsonNode;
import io.vncstream.gateway.device.Device;
import io.vncstream.gateway.device.DeviceBackend;
import io.vncstream.gateway.device.DeviceRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the registry in step with a VM's chardevs: polls {@code query-chardev} (every second,
 * so hot-plug reaches viewers well within 2 s) and adds or removes the devices it found.
 * The QMP connection is re-opened with backoff if QEMU restarts.
 */
public final class ChardevWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChardevWatcher.class);
    private static final long POLL_MS = 1000;

    private final String qmpAddress;
    private final DeviceRegistry registry;
    private final int backlogBytes;
    private final Set<String> ours = new HashSet<>();
    private volatile Thread thread;
    private volatile boolean closed;
    private final QmpShare share;

    public ChardevWatcher(String qmpAddress, DeviceRegistry registry, int backlogBytes) {
        this(qmpAddress, registry, backlogBytes, null);
    }

    /** With a share, the watcher's connection is a {@link QmpMux} that the share's clients use too. */
    public ChardevWatcher(String qmpAddress, DeviceRegistry registry, int backlogBytes, QmpShare share) {
        this.qmpAddress = qmpAddress;
        this.registry = registry;
        this.backlogBytes = backlogBytes;
        this.share = share;
    }

    private QmpLink connect() throws IOException {
        if (share == null) {
            return QmpClient.connect(qmpAddress);
        }
        QmpMux mux = QmpMux.connect(qmpAddress);
        share.attach(mux);
        return mux;
    }

    /**
     * Lists the chardevs before returning (so viewers accepted next see them), then follows
     * hot-plug on a thread that keeps this same connection: QMP serves one client at a time, and
     * letting go between the two would let another client take the monitor.
     */
    public void start() throws IOException {
        QmpLink first = connect();
        LOG.info("QMP {} connected", qmpAddress);
        try {
            apply(first.execute("query-chardev", null));
        } catch (IOException | RuntimeException e) {
            first.close();
            throw e;
        }
        Thread t = new Thread(() -> run(first), "qmp " + qmpAddress);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void run(QmpLink first) {
        QmpLink connected = first;
        long backoff = POLL_MS;
        while (!closed) {
            try (QmpLink qmp = connected != null ? connected : connect()) {
                if (connected == null) {
                    LOG.info("QMP {} connected again", qmpAddress);
                }
                connected = null;
                backoff = POLL_MS;
                while (!closed) {
                    apply(qmp.execute("query-chardev", null));
                    Thread.sleep(POLL_MS);
                }
            } catch (IOException e) {
                LOG.warn("QMP {}: {} (retrying)", qmpAddress, e.getMessage());
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(10_000, backoff * 2);
        }
    }

    private synchronized void apply(JsonNode list) {
        Map<String, DeviceBackend> found = new LinkedHashMap<>();
        for (JsonNode c : list) {
            Chardev chardev = new Chardev(c.path("label").asText(), c.path("filename").asText());
            if (chardev.isSocket(qmpAddress) || chardev.isMonitor()) {
                continue;
            }
            Optional<DeviceBackend> backend = chardev.backend();
            backend.ifPresent(b -> found.put(chardev.label(), b));
        }
        for (String name : new HashSet<>(ours)) {
            if (!found.containsKey(name)) {
                ours.remove(name);
                registry.remove(name);
            }
        }
        for (Map.Entry<String, DeviceBackend> e : found.entrySet()) {
            if (!ours.contains(e.getKey()) && registry.get(e.getKey()) == null) {
                if (registry.add(new Device(e.getKey(), e.getValue(), backlogBytes))) {
                    ours.add(e.getKey());
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        if (share != null) {
            share.close();
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
