package io.vncstream.viewer.screen;

import io.vncstream.viewer.keys.KeyTranslator;
import io.vncstream.viewer.keys.ShortcutModifiers;

import java.awt.event.KeyEvent;
import java.awt.event.KeyListener;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The remote screen's keyboard: every key goes to the {@link KeyTranslator} (and so to the
 * server) and is consumed, except the viewer's own keys, which are left for the window's key
 * bindings. Nothing is sent while input is blocked (view-only, no picture yet).
 */
final class ScreenKeys implements KeyListener {
    /** Keys the viewer keeps for itself (menu, full screen) when pressed without modifiers. */
    static final Set<Integer> LOCAL_KEYS = Set.of(KeyEvent.VK_F8, KeyEvent.VK_F11);

    private final KeyTranslator keys;
    private final BooleanSupplier blocked;

    ScreenKeys(KeyTranslator keys, BooleanSupplier blocked) {
        this.keys = keys;
        this.blocked = blocked;
    }

    /** Whether a key event is one the viewer keeps (F8 menu, F11 full screen). */
    static boolean isLocalKey(KeyEvent e) {
        return ShortcutModifiers.of(e) == 0 && LOCAL_KEYS.contains(e.getKeyCode());
    }

    @Override
    public void keyPressed(KeyEvent e) {
        key(e);
    }

    @Override
    public void keyReleased(KeyEvent e) {
        key(e);
    }

    @Override
    public void keyTyped(KeyEvent e) {
        key(e);
    }

    private void key(KeyEvent e) {
        if (e.getID() != KeyEvent.KEY_TYPED && isLocalKey(e)) {
            return; // left for the window's key bindings
        }
        if (blocked.getAsBoolean()) {
            return;
        }
        keys.handle(e);
        e.consume();
    }
}
