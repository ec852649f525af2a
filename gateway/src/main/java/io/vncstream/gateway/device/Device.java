package io.vncstream.gateway.device;

import io.vncstream.rfb.Limits;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import static io.vncstream.gateway.log.LogText.quote;

/**
 * One named device: a reader thread that keeps a connection to its backend open (reconnecting
 * while the device is listed), a backlog, and the subscriptions that receive its output. The
 * reader never waits for one viewer: it appends each chunk to every subscription's bounded queue
 * under the device's own lock, and only signals the subscribers once it has let go of it.
 * <p>
 * A flood (a device writing faster than any viewer reads) is paced by the capture furthest
 * ahead: while every capture has {@link #PACE_FROM} or more queued (a quarter of its bound, if
 * less), the reader stops reading the device, so the backend (QEMU's chardev) waits through its
 * socket. The wait is a timed one on the device's own state, {@link #PACE_WAIT_NANOS} at a time,
 * ended early when a capture drains to half its mark. How long it lasts is the gateway's choice
 * ({@link CaptureLimits#flowControl()}):
 * <ul>
 * <li>By default, one such wait per chunk at most. The stream extension says a server never
 * blocks a device on one slow client. A capture that falls its whole bound behind is cut off
 * with the reason logged, and the viewer captures again from the backlog with a gap note.</li>
 * <li>With flow control, for as long as one capture takes output, as a serial line with flow
 * control goes at its terminal's pace. A viewer slower than the device but reading loses
 * nothing. Only a capture slower than a faster one reaches its bound and is cut off, since the
 * reader reads on only while another is not behind. A capture that takes nothing for its stall
 * timeout while the device waits for it is cut off, even when it is the only one, and the
 * device reads on, so a dead viewer cannot hold a VM's output for ever.</li>
 * <li>With no capture, the device is read as fast as it writes, into the backlog.</li>
 * </ul>
 * Without any pacing, a flood piled up to the bound in the heap, and the garbage collector
 * copied it (StreamBench: pauses of 60-230 ms, a second in a 5 s run).
 * Input from viewers is written on a thread of its own, so that a backend that does not read
 * never blocks a viewer's connection.
 */
public final class Device {
    private static final Logger LOG = LoggerFactory.getLogger(Device.class);
    /** A backend that is not there (socket absent or refusing) is tried this often: QEMU drops serial output while no one is attached. */
    private static final long RETRY_MS = 50;
    /** A backend that accepts and at once closes again is tried less and less often, up to this. */
    private static final long MAX_BACKOFF_MS = 5000;
    /** A connection shorter than this counts as flapping. */
    private static final long STABLE_MS = 1000;
    /** Input queued for a device that does not read; past it, the sending viewer waits. */
    static final long INPUT_BOUND = 1024 * 1024;
    /**
     * A capture with this much queued (or a quarter of its bound, if less) is behind. Lower marks
     * cost more CPU a byte (StreamBench at 1 MiB: the device's reader and its producer woke each
     * other for every few chunks, and the pipeline took 1.45x the CPU time it takes at 4 MiB).
     */
    static final long PACE_FROM = 4 * 1024 * 1024;
    /** The longest the reader waits at a time while every capture is behind, before it looks again (and for stalled ones). */
    static final long PACE_WAIT_NANOS = 2_000_000;

    private final String name;
    private final DeviceBackend backend;
    private final Backlog backlog;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final InputQueue input = new InputQueue(INPUT_BOUND);
    private volatile DeviceConnection connection;
    private volatile boolean removed;
    private volatile Thread reader;
    private Thread writer;
    // Reader thread only: who to signal after a chunk, reused so that delivery allocates nothing per viewer.
    private final List<Subscription> toSignal = new ArrayList<>();
    private final List<Subscription> toCut = new ArrayList<>();
    private final List<Subscription> stalled = new ArrayList<>();
    /** Reader thread: what the next read fills (a full one is handed over, and replaced). */
    private byte[] readBuffer = new byte[64 * 1024];
    /** Reader thread: every capture asked for flow control, as of the last look (see {@link #pace}). */
    private boolean waitForAll;
    /** The reader is waiting for a capture to drain (see the class comment). */
    private volatile boolean pacing;

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

    /** As {@link #subscribe(DeviceSubscriber, CaptureLimits)} with the default stall timeout. */
    public Subscription subscribe(DeviceSubscriber subscriber, long boundBytes) {
        return subscribe(subscriber, CaptureLimits.maxBehind(boundBytes));
    }

    /**
     * Adds a capture whose queue may hold {@code limits.maxBehindBytes()} of live output: the
     * backlog is queued first, then live output follows, with no byte lost or repeated between
     * the two.
     */
    public Subscription subscribe(DeviceSubscriber subscriber, CaptureLimits limits) {
        Subscription s;
        boolean signal;
        long boundBytes = limits.maxBehindBytes();
        synchronized (lock) {
            byte[] past = backlog.contents();
            s = new Subscription(subscriber, boundBytes + past.length, Math.min(PACE_FROM, boundBytes / 4),
                    limits.stallTimeout().toNanos(), limits.flowControl(), this::drained);
            if (removed) {
                s.end("device removed");
                signal = true;
            } else {
                // The stream extension has no mark for a replay: a viewer takes the capture's
                // first send-data, and each one after a full-size one, as the replay (whose
                // terminal queries it must not answer). So the replay always ends in a message
                // shorter than the limit: an empty one when there is no backlog, or when the
                // backlog fills its messages exactly; else the first live output would count.
                s.offer(past);
                if (past.length > 0 && past.length % Limits.MAX_STREAM_DATA == 0) {
                    s.offer(new byte[0]);
                }
                signal = true;
                subscriptions.add(s);
            }
        }
        if (signal) {
            subscriber.ready();
        }
        return s;
    }

    /** The capture ended: the device forgets it, the output queued for it and the input it sent that is not yet written. */
    public void unsubscribe(Subscription s) {
        synchronized (lock) {
            subscriptions.remove(s);
        }
        s.drop();
        input.drop(s);
    }

    /** Bytes of output kept for the next capture's replay. */
    public int backlogSize() {
        synchronized (lock) {
            return backlog.size();
        }
    }

    public int subscriberCount() {
        synchronized (lock) {
            return subscriptions.size();
        }
    }

    /**
     * Queues input from the capture {@code from} for the device. Waits while the device has
     * {@link #INPUT_BOUND} not yet written (the viewer's connection then waits with it); gives
     * up when the capture ends or the device goes.
     */
    public void write(Subscription from, byte[] data) throws InterruptedException {
        if (!removed) {
            input.put(from, data);
        }
    }

    /** The device is no longer listed: ends its captures (after what they have queued) and stops reconnecting. */
    public void remove(String reason) {
        List<Subscription> ending;
        synchronized (lock) {
            removed = true;
            ending = new ArrayList<>(subscriptions);
            subscriptions.clear();
            for (Subscription s : ending) {
                s.end(reason);
            }
        }
        input.stop();
        DeviceConnection c = connection;
        if (c != null) {
            c.close();
        }
        if (reader != null) {
            reader.interrupt();
        }
        for (Subscription s : ending) {
            s.subscriber().ready();
        }
    }

    private void readLoop() {
        long backoff = RETRY_MS;
        boolean everConnected = false;
        boolean lostSinceAttach = false;
        while (!removed) {
            long attachedAt = 0;
            try (DeviceConnection c = backend.open()) {
                connection = c;
                attachedAt = System.nanoTime();
                LOG.info("device {} attached ({})", quote(name), backend.describe());
                if (lostSinceAttach) {
                    gapNote();
                }
                everConnected = true;
                while (!removed && readOnce(c)) {
                    // One call a chunk: see readOnce.
                }
                if (!removed) {
                    LOG.info("device {} lost: {} closed", quote(name), backend.describe());
                }
            } catch (IOException e) {
                if (!removed && attachedAt != 0) {
                    LOG.info("device {} lost: {}", quote(name), e.getMessage());
                } else if (!removed) {
                    LOG.debug("device {} not reachable yet: {}", quote(name), e.getMessage());
                }
            } finally {
                connection = null;
            }
            if (removed) {
                return;
            }
            lostSinceAttach = everConnected;
            if (attachedAt == 0 || System.nanoTime() - attachedAt > STABLE_MS * 1_000_000) {
                backoff = RETRY_MS;
            } else {
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Reads and delivers one chunk; false at the end of the backend's stream. A method of its
     * own, called once a chunk, so that the JIT compiles it after a few hundred chunks: a loop
     * inside readLoop, entered once per connection, is compiled only by on-stack replacement
     * after some 60000 turns (4 GiB of 64 KiB chunks), and until then the device's reader ran
     * it in the interpreter, allocating each chunk's array through the runtime (StreamBench's
     * profile: over a third of the device's reader's CPU samples).
     */
    private boolean readOnce(DeviceConnection c) throws IOException {
        byte[] buffer = readBuffer;
        int n = c.read(buffer);
        if (n == buffer.length) {
            // A full read (a flood) is handed over as it is, not copied.
            readBuffer = new byte[buffer.length];
            deliver(buffer);
        } else if (n > 0) {
            deliver(Arrays.copyOf(buffer, n));
        }
        return n >= 0;
    }

    /**
     * The backend came back after it went away (a VM restarted): every console, and the backlog,
     * shows where, because what the device produced in between is lost.
     */
    private void gapNote() {
        String note = "\r\n---- " + name + " reattached at "
                + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"))
                + " after its backend went away; output in between is lost ----\r\n";
        deliver(note.getBytes(StandardCharsets.UTF_8));
    }

    /** Reader thread: the chunk goes to every queue under the lock; the subscribers hear of it after. */
    private void deliver(byte[] chunk) {
        boolean allBehind = offer(chunk);
        if (allBehind) {
            pace();
        }
    }

    /**
     * Waits while every capture is behind, until one has drained to half its pacing mark, for as
     * long as one of them takes output; cuts off those that take nothing for their stall
     * timeout. Woken when one drains.
     */
    private void pace() {
        long deadline = System.nanoTime() + PACE_WAIT_NANOS;
        pacing = true;
        try {
            while (!removed && allBehindCuttingStalled()) {
                // Without flow control the device never waits on its viewers beyond one short
                // wait per chunk: they are cut off at their bound instead (the stream extension's rule).
                long left = waitForAll ? PACE_WAIT_NANOS : deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                LockSupport.parkNanos(this, left);
            }
        } finally {
            pacing = false;
        }
    }

    private boolean allBehindCuttingStalled() {
        boolean allBehind = true;
        boolean flowControlled = true;
        long now = System.nanoTime();
        synchronized (lock) {
            for (int i = subscriptions.size() - 1; i >= 0; i--) {
                Subscription s = subscriptions.get(i);
                flowControlled &= s.flowControl();
                if (s.stalled(now)) {
                    subscriptions.remove(i);
                    s.drop();
                    stalled.add(s);
                } else if (!s.stillBehind()) {
                    allBehind = false;
                    break;
                }
            }
            allBehind &= !subscriptions.isEmpty();
        }
        waitForAll = flowControlled;
        for (Subscription s : stalled) {
            long idle = s.idleMillis(now);
            LOG.info("device {}: a capture took nothing for {} ms while the device waited for it: cut off", quote(name), idle);
            s.subscriber().stalled(idle);
        }
        stalled.clear();
        return allBehind;
    }

    /** A subscription drained below half its pacing mark: lock-free, from its drainer's thread. */
    private void drained() {
        Thread r = reader;
        if (pacing && r != null) {
            LockSupport.unpark(r);
        }
    }

    /** Returns whether every capture is behind after this chunk. */
    private boolean offer(byte[] chunk) {
        boolean allBehind;
        synchronized (lock) {
            backlog.append(chunk, 0, chunk.length);
            for (int i = subscriptions.size() - 1; i >= 0; i--) {
                Subscription s = subscriptions.get(i);
                switch (s.offer(chunk)) {
                    case NOW_READY -> toSignal.add(s);
                    case OVERFLOWED -> {
                        subscriptions.remove(i);
                        toCut.add(s);
                    }
                    case QUEUED -> {
                    }
                }
            }
            allBehind = !subscriptions.isEmpty();
            for (int i = 0; allBehind && i < subscriptions.size(); i++) {
                allBehind = subscriptions.get(i).behind();
            }
        }
        for (Subscription s : toSignal) {
            s.subscriber().ready();
        }
        toSignal.clear();
        for (Subscription s : toCut) {
            s.subscriber().overflowed(s.bound());
        }
        toCut.clear();
        return allBehind;
    }

    private void writeLoop() {
        try {
            byte[] data;
            while ((data = input.take()) != null) {
                DeviceConnection c = connection;
                try {
                    if (c == null) {
                        LOG.debug("device {}: {} input bytes dropped while it is not attached", name, data.length);
                    } else {
                        c.write(data);
                    }
                } catch (IOException e) {
                    LOG.debug("device {}: write failed: {}", name, e.getMessage());
                } finally {
                    input.written(data);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
