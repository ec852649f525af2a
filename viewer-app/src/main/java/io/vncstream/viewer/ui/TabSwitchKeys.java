package io.vncstream.viewer.ui;

import io.vncstream.viewer.keys.ShortcutModifiers;

import javax.swing.Action;
import java.awt.KeyEventDispatcher;
import java.awt.KeyboardFocusManager;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;

/**
 * Ctrl+PageDown / Ctrl+PageUp switch between the screen and the consoles. They are taken before
 * the focused component sees them, because both the remote screen and the terminal pass every
 * key on (to the remote desktop, to the device) and a key binding would never fire.
 */
final class TabSwitchKeys implements KeyEventDispatcher {
    private final Window window;
    private final Action next;
    private final Action previous;

    TabSwitchKeys(Window window, Action next, Action previous) {
        this.window = window;
        this.next = next;
        this.previous = previous;
    }

    void install() {
        KeyboardFocusManager.getCurrentKeyboardFocusManager().addKeyEventDispatcher(this);
    }

    void uninstall() {
        KeyboardFocusManager.getCurrentKeyboardFocusManager().removeKeyEventDispatcher(this);
    }

    @Override
    public boolean dispatchKeyEvent(KeyEvent e) {
        if (!isShortcut(e) || KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusedWindow() != window) {
            return false;
        }
        if (e.getID() == KeyEvent.KEY_PRESSED) {
            Action a = e.getKeyCode() == KeyEvent.VK_PAGE_DOWN ? next : previous;
            a.actionPerformed(new ActionEvent(window, ActionEvent.ACTION_PERFORMED, "switchTab"));
        }
        e.consume();
        return true;
    }

    static boolean isShortcut(KeyEvent e) {
        return ShortcutModifiers.of(e) == InputEvent.CTRL_DOWN_MASK
                && (e.getKeyCode() == KeyEvent.VK_PAGE_DOWN || e.getKeyCode() == KeyEvent.VK_PAGE_UP);
    }
}
