package io.vncstream.viewer.ui;

import io.vncstream.rfb.devices.DeviceCapture;
import io.vncstream.rfb.devices.DeviceSource;
import io.vncstream.rfb.devices.OutputListener;
import io.vncstream.terminal.StreamStatus;
import io.vncstream.terminal.TerminalOptions;
import io.vncstream.terminal.TerminalSession;
import io.vncstream.terminal.swing.TerminalView;

import javax.swing.SwingUtilities;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;

/**
 * One device's console tab: a terminal session that outlives captures. Each capture feeds the
 * terminal and takes its typed bytes; when a capture ends (device removed, connection lost)
 * the terminal keeps its scrollback and log, and a later capture continues below a gap marker.
 * Event dispatch thread, except where noted.
 */
final class ConsoleTab {
    /** The tail kept to recognise the server's backlog replay after a gap (the demo's backlog is 256 KiB). */
    static final int REPLAY_MEMORY = 256 * 1024;

    private final String device;
    private final TerminalSession session;
    private final Runnable changed;
    private final ReplayOverlap shown = new ReplayOverlap(REPLAY_MEMORY);
    private DeviceCapture capture;
    private boolean requested;
    private boolean closed;
    private boolean removed;
    private String endReason;
    /** Counts captures, so that the end of an old one never touches a newer one; read by delivery threads. */
    private volatile int generation;
    /** The connection of the capture that is open or being opened. */
    private DeviceSource liveOn;

    ConsoleTab(String device, TerminalOptions options, Runnable changed) {
        this.device = device;
        this.session = new TerminalSession(device, options);
        this.changed = changed;
    }

    String device() {
        return device;
    }

    TerminalSession session() {
        return session;
    }

    TerminalView view() {
        return session.view();
    }

    /** Whether a capture is open or being opened. */
    boolean isLive() {
        return capture != null || requested;
    }

    DeviceCapture capture() {
        return capture;
    }

    String title() {
        if (isLive() || endReason == null) {
            return device;
        }
        return device + (removed ? " (removed)" : " (disconnected)");
    }

    /** Starts a capture through {@code source}; after an earlier one, marks the gap first. */
    void capture(DeviceSource source) {
        if (closed || (isLive() && liveOn == source)) {
            return;
        }
        // Live on a lost connection: its end is still queued behind output the terminal has not
        // taken yet (the queues are bounded, the reader waits); this capture replaces it now, and
        // the old one's remaining output is dropped (the new one's replay carries it).
        if (capture != null && capture.isOpen()) {
            capture.close();
        }
        capture = null;
        liveOn = source;
        int gen = ++generation;
        boolean again = generation > 1;
        requested = true;
        removed = false;
        Output output = new Output(gen, again);
        CompletableFuture<DeviceCapture> future = source.capture(device, output);
        future.whenComplete((c, error) -> SwingUtilities.invokeLater(() -> captureOpened(gen, c, error, output)));
        changed.run();
    }

    private void captureOpened(int gen, DeviceCapture c, Throwable error, Output output) {
        if (gen != generation) {
            output.cancel();
            if (c != null) {
                c.close();
            }
            return;
        }
        requested = false;
        if (error != null) {
            output.cancel();
            ended(gen, "could not capture: " + (error.getCause() != null ? error.getCause().getMessage() : error.getMessage()));
            return;
        }
        if (closed) {
            output.cancel();
            c.close();
            return;
        }
        capture = c;
        if (output.again) {
            session.reconnect(c::send, "---- " + device + " captured again at "
                    + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"))
                    + "; output while disconnected is shown only as far as the server kept it ----");
        } else {
            session.attach(c::send);
        }
        output.attached();
        endReason = null;
        changed.run();
    }

    /** The device left the server's list: the capture ends with it, the contents stay. */
    void deviceRemoved() {
        removed = true;
        changed.run();
    }

    private void ended(int gen, String reason) {
        if (gen != generation) {
            return;
        }
        capture = null;
        requested = false;
        endReason = reason;
        if (session.status() != StreamStatus.CLOSED) {
            session.streamEnded(reason);
        }
        changed.run();
    }

    /** Ends the capture (the server is told) and the session, for good. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        generation++;
        if (capture != null) {
            capture.close();
            capture = null;
        }
        session.close();
    }

    /**
     * Device output on the capture's delivery thread. Output that comes before the event thread
     * has attached the session (and, after a gap, written its note) waits here, the delivery
     * thread with it: the session must see the new stream's reset and the note before the
     * stream's first bytes. No lock is held while the session takes the bytes, which may wait
     * for the emulator (backpressure).
     */
    private final class Output implements OutputListener {
        private final int gen;
        private final boolean again;
        private boolean attached;
        private boolean cancelled;
        /** After a gap, the replay's start may repeat the screen's last output; delivery thread. */
        private boolean overlapPending;

        Output(int gen, boolean again) {
            this.gen = gen;
            this.again = again;
            this.overlapPending = again;
        }

        /** On the event thread, once the session is attached: output may go in. */
        synchronized void attached() {
            attached = true;
            notifyAll();
        }

        /** The capture will never be attached (failed, or the tab closed first): output is dropped. */
        synchronized void cancel() {
            cancelled = true;
            notifyAll();
        }

        private synchronized boolean awaitAttached() {
            while (!attached && !cancelled) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !cancelled;
        }

        @Override
        public void replayed(byte[] data) {
            if (!awaitAttached() || gen != generation) {
                return;
            }
            // After a gap, what the replay repeats of the screen's last output is not shown twice.
            int from = overlapPending ? shown.overlap(data) : 0;
            overlapPending = false;
            if (from < data.length) {
                shown.remember(data, from, data.length - from);
                session.acceptReplay(data, from, data.length - from);
            }
        }

        @Override
        public void output(byte[] data) {
            if (awaitAttached() && gen == generation) {
                shown.remember(data, 0, data.length);
                session.accept(data, 0, data.length);
            }
        }

        @Override
        public void ended(String reason) {
            cancel();
            SwingUtilities.invokeLater(() -> ConsoleTab.this.ended(gen, reason));
        }
    }
}
