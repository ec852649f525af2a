package io.vncstream.terminal.emulation;

import com.techsenger.jeditermfx.core.CursorShape;
import com.techsenger.jeditermfx.core.RequestOrigin;
import com.techsenger.jeditermfx.core.TerminalOutputStream;
import com.techsenger.jeditermfx.core.TtyBasedArrayDataStream;
import com.techsenger.jeditermfx.core.emulator.JediEmulator;
import com.techsenger.jeditermfx.core.model.JediTerminal;
import com.techsenger.jeditermfx.core.model.StyleState;
import com.techsenger.jeditermfx.core.model.TerminalSelection;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import com.techsenger.jeditermfx.core.util.TermSize;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * JediTerm's emulator core driven on a thread of its own, fed from a {@link StreamConnector}.
 * No Swing here: the screen and scrollback live in the core's {@link TerminalTextBuffer}, which
 * the panel reads under the buffer's lock, and every change raises the change listeners (on the
 * emulator thread) so the panel can schedule a repaint.
 */
public final class TerminalEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalEngine.class);

    /** What the engine reports to its owner; called on the emulator thread. */
    public interface Hooks {
        /** A chunk of received bytes is about to go through the emulator. */
        default void received(byte[] bytes) {
        }

        /** A host note is about to be shown. */
        default void noted(String text) {
        }

        /**
         * The emulator answers a query from the device (device attributes, cursor report). Not
         * called for queries in replayed output: the device asked them long ago, and an answer
         * now would reach its shell as if typed.
         */
        default void answered(byte[] bytes) {
        }

        /** Everything received so far has been shown; a good moment to flush. */
        default void idle() {
        }
    }

    private final StyleState styleState = new StyleState();
    private final int scrollbackLines;
    private final int trimBatch;
    private final TerminalTextBuffer textBuffer;
    private final JediTerminal terminal;
    private final DisplayBridge display;
    private final StreamConnector connector;
    private final JediEmulator emulator;
    private final Thread thread;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final Object idleLock = new Object();
    private long bytesProcessed;
    /** Lines dropped from the top of the scrollback so far; guarded by the text buffer's lock. */
    private long linesTrimmed;

    public TerminalEngine(String name, int columns, int rows, int scrollbackLines, Hooks hooks) {
        this(name, columns, rows, scrollbackLines, hooks, StreamConnectorLimits.MAX_QUEUED_BYTES);
    }

    /** As above, with the bound on received bytes not yet processed (see {@link #accept}); for tests. */
    TerminalEngine(String name, int columns, int rows, int scrollbackLines, Hooks hooks, int maxQueuedBytes) {
        this.scrollbackLines = scrollbackLines;
        this.trimBatch = Math.max(64, scrollbackLines / 16);
        // The core drops the oldest history line by copying its whole list, once per new line
        // when full: 10,000 lines of scrollback made scrolling output five times slower. So the
        // core gets room for a batch (plus one read's worth of line feeds) more, and the engine
        // trims a whole batch at once between reads. See trimHistory().
        int coreCapacity = scrollbackLines + trimBatch + StreamConnectorLimits.MAX_CHARS_PER_READ;
        textBuffer = new TerminalTextBuffer(columns, rows, styleState, coreCapacity, null);
        display = new DisplayBridge(this::fireChanged);
        terminal = new JediTerminal(display, textBuffer, styleState);
        terminal.setTerminalOutput(new TerminalOutputStream() {
            @Override
            public void sendBytes(byte[] bytes, boolean userInput) {
                answer(hooks, bytes);
            }

            @Override
            public void sendString(String text, boolean userInput) {
                answer(hooks, text.getBytes(StandardCharsets.UTF_8));
            }
        });
        textBuffer.addModelListener(this::fireChanged);
        textBuffer.addHistoryBufferListener(this::fireChanged);
        connector = new StreamConnector(name, new StreamConnector.Observer() {
            @Override
            public void received(byte[] bytes) {
                hooks.received(bytes);
            }

            @Override
            public void noted(String text) {
                hooks.noted(text);
            }

            @Override
            public void betweenReads() {
                trimHistory();
            }

            @Override
            public void idle(long processed) {
                hooks.idle();
                fireChanged();
                synchronized (idleLock) {
                    bytesProcessed = processed;
                    idleLock.notifyAll();
                }
            }
        }, () -> cursorColumn() <= 0, maxQueuedBytes);
        emulator = new JediEmulator(new TtyBasedArrayDataStream(connector), terminal);
        thread = new Thread(this::runEmulator, "terminal-emulator-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void answer(Hooks hooks, byte[] bytes) {
        if (connector.showingReplay()) {
            LOG.debug("not answering a query in replayed output ({} bytes)", bytes.length);
            return;
        }
        hooks.answered(bytes);
    }

    /**
     * Keeps the scrollback to its configured size, a batch at a time: between {@code scrollbackLines}
     * and {@code scrollbackLines + trimBatch} lines are kept. Emulator thread, between operations.
     */
    private void trimHistory() {
        if (textBuffer.getHistoryLinesCount() - scrollbackLines <= trimBatch) {
            return;
        }
        textBuffer.modify(() -> {
            // Counted again under the lock: a resize on another thread may have changed it.
            int excess = textBuffer.getHistoryLinesCount() - scrollbackLines;
            if (excess > 0) {
                textBuffer.getHistoryBuffer().removeTopLines(excess);
                linesTrimmed += excess;
            }
        });
        fireChanged();
    }

    /**
     * How many lines have been dropped from the top of the scrollback since the start. With the
     * scrollback's size it tells how many lines output pushed into it, which a view scrolled back
     * needs to keep showing the same lines. Read it under the text buffer's lock.
     */
    public long linesTrimmed() {
        return linesTrimmed;
    }

    private void runEmulator() {
        while (emulator.hasNext()) {
            try {
                emulator.next();
            } catch (IOException | RuntimeException e) {
                // A sequence the core chokes on must not end the terminal: note it, go on.
                LOG.warn("terminal emulator could not process input", e);
            }
        }
        LOG.debug("terminal emulator thread ends");
    }

    /**
     * Any thread: queues a copy of the bytes for the emulator thread, waiting while it is 4 MiB
     * behind (backpressure: the caller's source slows down; nothing is dropped).
     */
    public void accept(byte[] bytes, int offset, int length) {
        connector.accept(bytes, offset, length);
    }

    /**
     * As {@link #accept}, for output the device produced before this stream started and that the
     * server sends again (its backlog): shown like any output, but queries in it are not answered.
     */
    public void acceptReplay(byte[] bytes, int offset, int length) {
        connector.accept(bytes, offset, length, true);
    }

    /** Shows {@code text} on a line of its own, after everything accepted so far. */
    public void note(String text) {
        connector.note(text);
    }

    /** Marks the start of a new stream: a partial character left by the old one is dropped. */
    public void newStream() {
        connector.newStream();
    }

    /**
     * Waits until every byte accepted before this call has gone through the emulator.
     * @return false on timeout
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long target = connector.bytesAccepted();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idleLock) {
            while (bytesProcessed < target || connector.queuedItems() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                idleLock.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    /** Received bytes not yet taken by the emulator: at most the bound, plus one chunk. */
    long queuedBytes() {
        return connector.queuedBytes();
    }

    public TerminalTextBuffer textBuffer() {
        return textBuffer;
    }

    public JediTerminal terminal() {
        return terminal;
    }

    /** The cursor's column, from 0 (the core counts from 1). */
    public int cursorColumn() {
        return terminal.getCursorX() - 1;
    }

    /** The cursor's row on the screen, from 0 (the core counts from 1). */
    public int cursorRow() {
        return terminal.getCursorY() - 1;
    }

    public CursorShape cursorShape() {
        return display.cursorShape();
    }

    public boolean cursorVisible() {
        return display.cursorVisible();
    }

    public boolean bracketedPaste() {
        return display.bracketedPaste();
    }

    /** Lets the core shift the panel's selection when lines move into the scrollback. */
    public void selectionSource(Supplier<TerminalSelection> source) {
        display.selectionSource(source);
    }

    /** Tells the emulator the new screen size; it re-wraps the screen. Any thread. */
    public void resize(int columns, int rows) {
        TermSize size = new TermSize(Math.max(columns, 5), Math.max(rows, 2));
        if (size.equals(terminal.getSize())) {
            return;
        }
        terminal.resize(size, RequestOrigin.User);
        fireChanged();
    }

    /** The key's bytes from the core's key encoder, honouring application cursor mode. */
    public byte[] codeForKey(int keyCode, int modifiers) {
        return terminal.getCodeForKey(keyCode, modifiers);
    }

    public void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    public void removeChangeListener(Runnable listener) {
        changeListeners.remove(listener);
    }

    /** The screen's lines as text, trailing blanks removed. */
    public List<String> screenLines() {
        return lines(0, textBuffer.getHeight());
    }

    /** The scrollback's lines as text, oldest first, trailing blanks removed. */
    public List<String> historyLines() {
        textBuffer.lock();
        try {
            int count = textBuffer.getHistoryLinesCount();
            return lines(-count, 0);
        } finally {
            textBuffer.unlock();
        }
    }

    private List<String> lines(int fromInclusive, int toExclusive) {
        textBuffer.lock();
        try {
            List<String> result = new ArrayList<>(Math.max(0, toExclusive - fromInclusive));
            for (int row = fromInclusive; row < toExclusive; row++) {
                result.add(LineText.of(textBuffer.getLine(row)));
            }
            return result;
        } finally {
            textBuffer.unlock();
        }
    }

    private void fireChanged() {
        for (Runnable listener : changeListeners) {
            listener.run();
        }
    }

    @Override
    public void close() {
        connector.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
