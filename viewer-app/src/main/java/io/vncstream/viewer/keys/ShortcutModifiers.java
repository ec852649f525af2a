package io.vncstream.viewer.keys;

import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;

/**
 * The modifiers that tell one shortcut from another: Shift, Ctrl, Alt, Meta and AltGr. Lock
 * states and held mouse buttons also appear in a key event's modifiers but must not stop a
 * shortcut (F8 with a mouse button down is still F8).
 */
public final class ShortcutModifiers {
    private static final int MASK = InputEvent.SHIFT_DOWN_MASK | InputEvent.CTRL_DOWN_MASK
            | InputEvent.ALT_DOWN_MASK | InputEvent.META_DOWN_MASK | InputEvent.ALT_GRAPH_DOWN_MASK;

    private ShortcutModifiers() {
    }

    /** The event's modifiers among Shift, Ctrl, Alt, Meta and AltGr, as {@code *_DOWN_MASK} bits. */
    public static int of(KeyEvent e) {
        return e.getModifiersEx() & MASK;
    }
}
