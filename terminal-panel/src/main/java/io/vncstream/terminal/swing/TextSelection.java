package io.vncstream.terminal.swing;

import com.techsenger.jeditermfx.core.compatibility.Point;
import com.techsenger.jeditermfx.core.model.SelectionUtil;
import com.techsenger.jeditermfx.core.model.TerminalSelection;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;

import java.util.function.Consumer;

/**
 * The panel's selection, in the core's coordinates, and copying its text. The selection is set on
 * the event thread and read by the emulator thread too (the core shifts it when lines scroll into
 * the scrollback), hence volatile.
 */
final class TextSelection {
    private final TerminalTextBuffer buffer;
    private final Runnable changed;
    private volatile TerminalSelection current;

    /** @param changed told when the selection changes, to repaint */
    TextSelection(TerminalTextBuffer buffer, Runnable changed) {
        this.buffer = buffer;
        this.changed = changed;
    }

    /** The selection, or null. */
    TerminalSelection current() {
        return current;
    }

    void select(TerminalSelection selection) {
        current = selection;
        changed.run();
    }

    /** Selects the scrollback and the screen, {@code columns} wide. */
    void selectAll(int columns) {
        select(new TerminalSelection(new Point(0, -buffer.getHistoryLinesCount()),
                new Point(columns, buffer.getHeight() - 1)));
    }

    /** Whether some text is selected; cheap, unlike {@link #text}. */
    boolean any() {
        return covers(current);
    }

    /** The selected text, or null when nothing is selected. */
    String text() {
        TerminalSelection selection = current;
        if (!covers(selection)) {
            return null;
        }
        buffer.lock();
        try {
            return SelectionUtil.getSelectedText(selection, buffer);
        } finally {
            buffer.unlock();
        }
    }

    /** Hands the selected text to {@code target} (a clipboard), if there is any. */
    void copyTo(Consumer<String> target) {
        String text = text();
        if (text != null) {
            target.accept(text);
        }
    }

    private static boolean covers(TerminalSelection selection) {
        return selection != null && !selection.getStart().equals(selection.getEnd());
    }
}
