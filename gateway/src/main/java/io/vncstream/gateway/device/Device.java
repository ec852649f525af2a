package io.vncstream.gateway.device;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One named device: a reader thread that keeps a connection to its backend open (reconnecting
 * with backoff while the device is listed), a backlog, and the captures that receive its
 * output. Input from viewers is written on a thread of its own, so that a backend that does
 * not read never blocks a viewer's connection.
 */
public final class Device {
    private static final Logger LOG = LoggerFactory.getLogger(Device.class);
    private static final long MIN_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 5000;
    private static final byte[] STOP = new byte[0];

    private final String name;
    private final DeviceBackend backend;
    private final Backlog backlog;
    private final List<DeviceSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<byte[]> input = new LinkedBlockingQueue<>();
    private volatile DeviceConnection connection;
    private volatile boolean removed;
    private Thread reader;
    private Thread writer;

    public Device(String name, DeviceBackend backend, int backlogBytes) {
        this.name = name;
        this.backend = backend;
        this.backlog = new Backlog(backlogBytes);
    }

    public String name() {
        return name;
    }

    public DeviceBackend backend() {
        return backend;
    }

    public void start() {
        reader = new Thread(this::readLoop, "device " + name);
        reader.setDaemon(true);
        reader.start();
        writer = new Thread(this::writeLoop, "device " + name + " input");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Adds a capture: the backlog is replayed to it first, then live output follows, with no
     * byte lost or repeated between the two.
     */
    public void subscribe(DeviceSubscriber subscriber) {
        synchronized (backlog) {
            byte[] past = backlog.contents();
            if (past.length > 0) {
                subscriber.output(past);
            }
            subscribers.add(subscriber);
        }
    }

    public void unsubscribe(DeviceSubscriber subscriber) {
        subscribers.remove(subscriber);
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** Queues input for the device; never blocks. */
    public void write(byte[] data) {
        if (!removed) {
            input.add(data);
        }
    }

    /** The device is no longer listed: ends its captures and stops reconnecting. */
    public void remove(String reason) {
        removed = true;
        input.add(STOP);
        DeviceConnection c = connection;
        if (c != null) {
            c.close();
        }
        if (reader != null) {
            reader.interrupt();
        }
        for (DeviceSubscriber s : subscribers) {
            s.ended(reason);
        }
        subscribers.clear();
    }

    private void readLoop() {
        long backoff = MIN_BACKOFF_MS;
        byte[] buffer = new byte[64 * 1024];
        boolean everConnected = false;
        while (!removed) {
            try (DeviceConnection c = backend.open()) {
                connection = c;
                LOG.info("device {} attached ({})", name, backend.describe());
                everConnected = true;
                backoff = MIN_BACKOFF_MS;
                int n;
                while (!removed && (n = c.read(buffer)) >= 0) {
                    if (n > 0) {
                        deliver(buffer, n);
                    }
                }
                if (!removed) {
                    LOG.info("device {} lost: {} closed", name, backend.describe());
                }
            } catch (IOException e) {
                if (!removed && everConnected) {
                    LOG.info("device {} lost: {}", name, e.getMessage());
                    everConnected = false;
                } else if (!removed) {
                    LOG.debug("device {} not reachable yet: {}", name, e.getMessage());
                }
            } finally {
                connection = null;
            }
            if (removed) {
                return;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        }
    }

    private void deliver(byte[] buffer, int n) {
        byte[] chunk = Arrays.copyOf(buffer, n);
        synchronized (backlog) {
            backlog.append(chunk, 0, n);
            for (DeviceSubscriber s : subscribers) {
                s.output(chunk);
            }
        }
    }

    private void writeLoop() {
        try {
            while (true) {
                byte[] data = input.take();
                if (data == STOP) {
                    return;
                }
                DeviceConnection c = connection;
                if (c == null) {
                    LOG.debug("device {}: {} input bytes dropped while it is not attached", name, data.length);
                    continue;
                }
                try {
                    c.write(data);
                } catch (IOException e) {
                    LOG.debug("device {}: write failed: {}", name, e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
