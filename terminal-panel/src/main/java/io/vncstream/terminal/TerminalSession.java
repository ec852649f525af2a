package io.vncstream.terminal;

import io.vncstream.terminal.dnd.LogTransferable;
import io.vncstream.terminal.emulation.TerminalEngine;
import io.vncstream.terminal.log.SessionLog;
import io.vncstream.terminal.swing.TerminalPanel;
import io.vncstream.terminal.swing.TerminalView;

import javax.swing.SwingUtilities;
import java.awt.datatransfer.Transferable;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * One terminal: an emulator, its log and (on demand) its Swing component, for one device's byte
 * stream. See the package documentation for how a host application uses it.
 *
 * <p>Threads: {@link #accept} may be called from any thread and waits only while the emulator is
 * a few MiB behind (backpressure, so a fast device is slowed rather than filling the heap); the other methods
 * may be called from any thread too, and status listeners are told on the Swing event thread.
 */
public final class TerminalSession implements AutoCloseable {
    private final String deviceName;
    private final TerminalOptions options;
    private final SessionLog log;
    private final TerminalEngine engine;
    private final List<StreamStatusListener> statusListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> readOnlyListeners = new CopyOnWriteArrayList<>();
    private final Executor listenerExecutor;
    private final Clock clock;
    private volatile ByteSink sink;
    private volatile StreamStatus status = StreamStatus.NOT_ATTACHED;
    private volatile String statusReason = "";
    private volatile boolean readOnly;
    private volatile boolean everAttached;
    private TerminalView view;

    public TerminalSession(String deviceName, TerminalOptions options) {
        this(deviceName, options, Clock.systemDefaultZone(), SwingUtilities::invokeLater);
    }

    /**
     * For tests: a clock to pin the log's file name and timestamps, and the executor that tells
     * status listeners (the Swing event thread normally; the calling thread where there is no
     * display).
     */
    public TerminalSession(String deviceName, TerminalOptions options, Clock clock, Executor listenerExecutor) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listenerExecutor = Objects.requireNonNull(listenerExecutor, "listenerExecutor");
        this.deviceName = Objects.requireNonNull(deviceName, "deviceName");
        this.options = Objects.requireNonNull(options, "options");
        this.readOnly = options.readOnly();
        this.log = SessionLog.open(options.logDirectory(), deviceName, clock, options.logMemoryBytes(), options.logSettings());
        this.engine = new TerminalEngine(deviceName, options.columns(), options.rows(),
                options.scrollbackLines(), new TerminalEngine.Hooks() {
                    @Override
                    public void received(byte[] bytes) {
                        log.received(bytes, 0, bytes.length);
                    }

                    @Override
                    public void noted(String text) {
                        log.note(text);
                    }

                    @Override
                    public void answered(byte[] bytes) {
                        sendAnswer(bytes);
                    }

                    @Override
                    public void idle() {
                        log.flush();
                    }
                });
    }

    public String deviceName() {
        return deviceName;
    }

    public TerminalOptions options() {
        return options;
    }

    /**
     * Connects a (new) stream: input goes to {@code sink} from now on. After an ended stream this
     * is a reconnect: screen and scrollback stay, output continues below them.
     */
    public void attach(ByteSink sink) {
        attach(sink, null);
    }

    /**
     * Attaches the new stream of the same device after the old one ended or broke: screen and
     * scrollback stay, and {@code gapNote} (e.g. "reconnected; output in between may be lost")
     * is shown on a line of its own, in reverse video, between the old output and the new.
     * Call it before feeding the new stream's first bytes, so that they come after the note.
     */
    public void reconnect(ByteSink sink, String gapNote) {
        attach(sink, Objects.requireNonNull(gapNote, "gapNote"));
    }

    private void attach(ByteSink sink, String gapNote) {
        Objects.requireNonNull(sink, "sink");
        if (status == StreamStatus.CLOSED) {
            throw new IllegalStateException("session is closed");
        }
        if (everAttached) {
            engine.newStream();
        }
        if (gapNote != null) {
            engine.note(gapNote);
        }
        everAttached = true;
        this.sink = sink;
        setStatus(StreamStatus.CONNECTED, "");
    }

    /**
     * Output of the device; any thread (the bytes are copied). Waits while the terminal is a few
     * MiB behind, which slows the source down; nothing is dropped from the screen or the log.
     */
    public void accept(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        engine.accept(bytes, offset, length);
    }

    /**
     * Output the device produced before this stream started, sent again by the server at its start
     * (a backlog replay): shown and logged like {@link #accept}, but a query in it (cursor position,
     * device attributes) is not answered, since the device asked it of no one here, long ago.
     */
    public void acceptReplay(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        engine.acceptReplay(bytes, offset, length);
    }

    /** The stream is gone: the terminal says so, keeps its contents, and drops input until reattached. */
    public void streamEnded(String reason) {
        if (status == StreamStatus.CLOSED) {
            return;
        }
        sink = null;
        String why = reason == null || reason.isBlank() ? "" : reason;
        engine.note(why.isEmpty() ? "[stream ended]" : "[stream ended: " + why + "]");
        setStatus(StreamStatus.ENDED, why);
    }

    /** Shows {@code text} on a visible line of its own, e.g. to mark output lost during a reconnect. */
    public void markGap(String text) {
        engine.note(text == null ? "" : text);
    }

    /**
     * Sends input typed, pasted or dropped by the person, unless read-only or not connected.
     * No echo and no buffering: the bytes go to the sink as they are.
     */
    public InputResult send(byte[] bytes) {
        if (readOnly) {
            return InputResult.DROPPED_READ_ONLY;
        }
        ByteSink target = sink;
        if (target == null) {
            return InputResult.DROPPED_NOT_CONNECTED;
        }
        log.sent(bytes);
        target.send(bytes);
        return InputResult.SENT;
    }

    /** The emulator's answers to the device's queries; dropped in read-only mode, like typing. */
    private void sendAnswer(byte[] bytes) {
        ByteSink target = sink;
        if (!readOnly && target != null) {
            log.sent(bytes);
            target.send(bytes);
        }
    }

    public boolean readOnly() {
        return readOnly;
    }

    public void setReadOnly(boolean value) {
        if (readOnly != value) {
            readOnly = value;
            readOnlyListeners.forEach(Runnable::run);
        }
    }

    /** Told (on the calling thread) when read-only mode changes. */
    public void addReadOnlyListener(Runnable listener) {
        readOnlyListeners.add(listener);
    }

    public StreamStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public void addStatusListener(StreamStatusListener listener) {
        statusListeners.add(listener);
    }

    public void removeStatusListener(StreamStatusListener listener) {
        statusListeners.remove(listener);
    }

    private void setStatus(StreamStatus newStatus, String reason) {
        status = newStatus;
        statusReason = reason;
        listenerExecutor.execute(() -> {
            for (StreamStatusListener listener : statusListeners) {
                listener.statusChanged(newStatus, reason);
            }
        });
    }

    /** The log file of this session (everything received, sent input marked). */
    public Path log() {
        return log.path();
    }

    public SessionLog sessionLog() {
        return log;
    }

    /**
     * The log as something to drag or copy: a plain-text file {@code <device>-<timestamp>.log}
     * behind {@link java.awt.datatransfer.DataFlavor#javaFileListFlavor}, and the same text behind
     * {@link java.awt.datatransfer.DataFlavor#stringFlavor}. The file is written when the drop asks
     * for it. For a host's own drag sources; {@link TerminalView#logTransferHandler()} is the ready
     * made handler.
     */
    public Transferable logTransferable() {
        return new LogTransferable(log, clock);
    }

    public TerminalEngine engine() {
        return engine;
    }

    /**
     * The terminal with its scrollbar and a small toolbar (find, Save log..., the log's drag
     * handle, read-only, status): what a host puts in a tab. Created on first call; event thread.
     */
    public TerminalView view() {
        if (view == null) {
            view = new TerminalView(this);
        }
        return view;
    }

    /** The terminal component itself (with its own scrollbar), the one inside {@link #view()}. Event thread. */
    public TerminalPanel component() {
        return view().terminalPanel();
    }

    /** Stops the emulator and closes the log. The component stays showing the last screen. */
    @Override
    public void close() {
        if (status == StreamStatus.CLOSED) {
            return;
        }
        sink = null;
        engine.close();
        log.close();
        setStatus(StreamStatus.CLOSED, "");
    }
}
