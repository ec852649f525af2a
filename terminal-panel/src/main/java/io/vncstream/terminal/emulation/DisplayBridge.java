package io.vncstream.terminal.emulation;

import com.techsenger.jeditermfx.core.CursorShape;
import com.techsenger.jeditermfx.core.TerminalDisplay;
import com.techsenger.jeditermfx.core.emulator.mouse.MouseFormat;
import com.techsenger.jeditermfx.core.emulator.mouse.MouseMode;
import com.techsenger.jeditermfx.core.model.TerminalSelection;

import java.util.function.Supplier;

/**
 * What the emulator tells "the display", kept as plain state for the Swing panel to read when it
 * paints. Called on the emulator thread, so everything here is volatile and nothing touches
 * Swing; every change only raises the engine's change signal.
 */
final class DisplayBridge implements TerminalDisplay {
    private final Runnable changed;
    private volatile CursorShape cursorShape = CursorShape.BLINK_BLOCK;
    private volatile boolean cursorVisible = true;
    private volatile String windowTitle = "";
    private volatile boolean bracketedPaste;
    private volatile Supplier<TerminalSelection> selection = () -> null;

    DisplayBridge(Runnable changed) {
        this.changed = changed;
    }

    CursorShape cursorShape() {
        return cursorShape;
    }

    boolean cursorVisible() {
        return cursorVisible;
    }

    boolean bracketedPaste() {
        return bracketedPaste;
    }

    /** The panel's selection, so the core can shift it when lines scroll into history. */
    void selectionSource(Supplier<TerminalSelection> source) {
        selection = source;
    }

    @Override
    public void setCursor(int x, int y) {
        changed.run();
    }

    @Override
    public void setCursorShape(CursorShape shape) {
        cursorShape = shape != null ? shape : CursorShape.BLINK_BLOCK;
        changed.run();
    }

    @Override
    public void beep() {
        // The bell is not rung: nothing in the viewer listens for it.
    }

    @Override
    public void scrollArea(int scrollRegionTop, int scrollRegionSize, int dy) {
        changed.run();
    }

    @Override
    public void setCursorVisible(boolean visible) {
        cursorVisible = visible;
        changed.run();
    }

    @Override
    public void useAlternateScreenBuffer(boolean use) {
        // The core switches the buffers itself; the panel just paints whichever it shows.
        changed.run();
    }

    @Override
    public String getWindowTitle() {
        return windowTitle;
    }

    @Override
    public void setWindowTitle(String title) {
        windowTitle = title != null ? title : "";
        changed.run();
    }

    @Override
    public TerminalSelection getSelection() {
        return selection.get();
    }

    @Override
    public void terminalMouseModeSet(MouseMode mode) {
        // Mouse reporting is not offered: the mouse selects text, as on a serial console.
    }

    @Override
    public void setMouseFormat(MouseFormat format) {
        // See terminalMouseModeSet.
    }

    @Override
    public boolean ambiguousCharsAreDoubleWidth() {
        return false;
    }

    @Override
    public void setBracketedPasteMode(boolean enabled) {
        bracketedPaste = enabled;
    }
}
