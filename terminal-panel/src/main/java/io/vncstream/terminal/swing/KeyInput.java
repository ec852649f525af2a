package io.vncstream.terminal.swing;

import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.nio.charset.StandardCharsets;

/**
 * Keyboard to bytes. Keys with a terminal meaning (arrows, Home/End, PgUp/PgDn, F-keys, Enter,
 * Backspace, Tab, Esc, Insert/Delete) go through the core's key encoder, which knows the
 * application cursor mode the device asked for; Ctrl combos become control characters; Alt sends
 * ESC before the character; AltGr characters are sent as the character they produce. A few
 * Ctrl+Shift combos and Ctrl + = / - / 0 are the terminal's own (copy, paste, find, zoom).
 *
 * <p>A key handled on "pressed" would also arrive as "typed" (Enter as '\n', for instance), so
 * that next typed event is swallowed; every press resets this, so it never eats a later key.
 */
final class KeyInput extends KeyAdapter {
    private static final byte ESC = 0x1b;

    private final TerminalPanel panel;
    private boolean swallowTyped;
    private char pendingHighSurrogate;

    KeyInput(TerminalPanel panel) {
        this.panel = panel;
    }

    @Override
    public void keyPressed(KeyEvent e) {
        swallowTyped = false;
        int code = e.getKeyCode();
        if (isModifierKey(code)) {
            return;
        }
        if (localShortcut(e) || terminalKey(e) || controlCombo(e)) {
            e.consume();
            swallowTyped = true;
        }
    }

    @Override
    public void keyTyped(KeyEvent e) {
        if (swallowTyped) {
            swallowTyped = false;
            e.consume();
            return;
        }
        char c = e.getKeyChar();
        if (c == KeyEvent.CHAR_UNDEFINED) {
            return;
        }
        e.consume();
        if (Character.isHighSurrogate(c)) {
            pendingHighSurrogate = c;
            return;
        }
        String text = String.valueOf(c);
        if (Character.isLowSurrogate(c) && pendingHighSurrogate != 0) {
            text = new String(new char[] {pendingHighSurrogate, c});
        }
        pendingHighSurrogate = 0;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (isPlainAlt(e) && !e.isControlDown()) {
            bytes = prefixEscape(bytes);
        }
        panel.sendInput(bytes);
    }

    private boolean localShortcut(KeyEvent e) {
        int code = e.getKeyCode();
        boolean ctrl = e.isControlDown() && !e.isAltDown();
        boolean ctrlShift = ctrl && e.isShiftDown();
        if (ctrlShift && code == KeyEvent.VK_C) {
            panel.copySelection();
        } else if (ctrlShift && code == KeyEvent.VK_V
                || e.isShiftDown() && !e.isControlDown() && code == KeyEvent.VK_INSERT) {
            panel.paste();
        } else if (ctrlShift && code == KeyEvent.VK_F) {
            panel.fireFindRequested();
        } else if (ctrl && (code == KeyEvent.VK_EQUALS || code == KeyEvent.VK_PLUS || code == KeyEvent.VK_ADD)) {
            panel.zoomIn();
        } else if (ctrl && (code == KeyEvent.VK_MINUS || code == KeyEvent.VK_SUBTRACT)) {
            panel.zoomOut();
        } else if (ctrl && (code == KeyEvent.VK_0 || code == KeyEvent.VK_NUMPAD0)) {
            panel.resetZoom();
        } else if (e.isShiftDown() && !e.isControlDown() && code == KeyEvent.VK_PAGE_UP) {
            panel.scrollBy(panel.rows() - 1);
        } else if (e.isShiftDown() && !e.isControlDown() && code == KeyEvent.VK_PAGE_DOWN) {
            panel.scrollBy(-(panel.rows() - 1));
        } else {
            return false;
        }
        return true;
    }

    private boolean terminalKey(KeyEvent e) {
        int modifiers = (e.isShiftDown() ? 1 : 0) | (e.isControlDown() ? 2 : 0)
                | (e.isMetaDown() ? 4 : 0) | (isPlainAlt(e) ? 8 : 0);
        byte[] code = panel.session().engine().codeForKey(e.getKeyCode(), modifiers);
        if (code == null) {
            return false;
        }
        panel.sendInput(code);
        return true;
    }

    private boolean controlCombo(KeyEvent e) {
        if (!e.isControlDown() || e.isAltGraphDown()) {
            return false;
        }
        int control = controlCharacter(e.getKeyCode());
        if (control < 0) {
            return false;
        }
        byte[] bytes = {(byte) control};
        panel.sendInput(e.isAltDown() ? prefixEscape(bytes) : bytes);
        return true;
    }

    /** The control character a Ctrl combo stands for, as on a VT220 keyboard; -1 if none. */
    static int controlCharacter(int keyCode) {
        if (keyCode >= KeyEvent.VK_A && keyCode <= KeyEvent.VK_Z) {
            return keyCode - KeyEvent.VK_A + 1;
        }
        return switch (keyCode) {
            case KeyEvent.VK_SPACE, KeyEvent.VK_2, KeyEvent.VK_AT -> 0;
            case KeyEvent.VK_OPEN_BRACKET, KeyEvent.VK_3 -> 0x1b;
            case KeyEvent.VK_BACK_SLASH, KeyEvent.VK_4 -> 0x1c;
            case KeyEvent.VK_CLOSE_BRACKET, KeyEvent.VK_5 -> 0x1d;
            case KeyEvent.VK_6 -> 0x1e;
            case KeyEvent.VK_7, KeyEvent.VK_SLASH -> 0x1f;
            case KeyEvent.VK_8 -> 0x7f;
            default -> -1;
        };
    }

    /** Alt without AltGr: on Linux AltGr is its own modifier; Windows reports it as Ctrl+Alt. */
    private static boolean isPlainAlt(KeyEvent e) {
        return e.isAltDown() && !e.isAltGraphDown();
    }

    private static boolean isModifierKey(int code) {
        return code == KeyEvent.VK_SHIFT || code == KeyEvent.VK_CONTROL || code == KeyEvent.VK_ALT
                || code == KeyEvent.VK_ALT_GRAPH || code == KeyEvent.VK_META || code == KeyEvent.VK_CAPS_LOCK
                || code == KeyEvent.VK_WINDOWS || code == KeyEvent.VK_CONTEXT_MENU;
    }

    private static byte[] prefixEscape(byte[] bytes) {
        byte[] out = new byte[bytes.length + 1];
        out[0] = ESC;
        System.arraycopy(bytes, 0, out, 1, bytes.length);
        return out;
    }
}
