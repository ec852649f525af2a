package io.vncstream.terminal.swing;

import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * Find in scrollback for the panel: runs the {@link FindModel} over the text buffer, scrolls the
 * current match into view and asks for a repaint; and tells the host when the person asks to
 * find (so it can focus its find field).
 */
final class FindActions {
    private final FindModel model = new FindModel();
    private final TerminalTextBuffer buffer;
    private final LongSupplier trimmed;
    private final IntConsumer reveal;
    private final Runnable changed;
    private final List<Runnable> requestListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> droppedListeners = new CopyOnWriteArrayList<>();

    /**
     * @param trimmed lines the engine trimmed from the scrollback's top so far
     * @param reveal  scrolls so that a core line is on view
     * @param changed asks for the highlights to be repainted
     */
    FindActions(TerminalTextBuffer buffer, LongSupplier trimmed, IntConsumer reveal, Runnable changed) {
        this.buffer = buffer;
        this.trimmed = trimmed;
        this.reveal = reveal;
        this.changed = changed;
    }

    FindModel model() {
        return model;
    }

    boolean search(String query) {
        model.search(buffer, trimmed, query);
        return afterMove();
    }

    /** @param direction +1 down (next), -1 up (previous); wraps */
    boolean step(int direction) {
        model.step(buffer, trimmed, direction);
        return afterMove();
    }

    /**
     * Keeps the matches on their text as output moves it; under the text buffer's lock.
     *
     * @return whether some went with lines trimmed from the scrollback (then, once the lock is
     *         released, call {@link #fireDropped})
     */
    boolean follow(int history, long linesTrimmed) {
        return model.follow(history, linesTrimmed);
    }

    void fireDropped() {
        droppedListeners.forEach(Runnable::run);
    }

    void addDroppedListener(Runnable listener) {
        droppedListeners.add(listener);
    }

    void clear() {
        model.clear();
        changed.run();
    }

    private boolean afterMove() {
        FindModel.Match match = model.current();
        if (match != null) {
            reveal.accept(match.row());
        }
        changed.run();
        return match != null;
    }

    void addRequestListener(Runnable listener) {
        requestListeners.add(listener);
    }

    void fireRequested() {
        requestListeners.forEach(Runnable::run);
    }
}
