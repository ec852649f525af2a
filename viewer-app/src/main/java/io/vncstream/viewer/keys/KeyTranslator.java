package io.vncstream.viewer.keys;

import java.awt.event.KeyEvent;
import java.util.Locale;

/**
 * Turns a component's key events into RFB key events: presses go by {@link KeyMap} and
 * {@link XtScancodes}, releases repeat what the press sent (via {@link ModifierTracker}), dead
 * keys are composed here (dead acute then e sends é, so the server needs no compose support),
 * and characters that only arrive as KEY_TYPED (input methods) are sent as a press and release.
 * Use on the event dispatch thread.
 */
public final class KeyTranslator {
    private final KeySink sink;
    private final ModifierTracker tracker;
    private final boolean usLayout;
    private int pendingDead;
    private boolean pressUnmapped;

    public KeyTranslator(KeySink sink) {
        this(sink, localLayoutIsUs());
    }

    /** @param usLayout whether character keys may carry scancodes from the US key-code table */
    public KeyTranslator(KeySink sink, boolean usLayout) {
        this.sink = sink;
        this.tracker = new ModifierTracker(sink);
        this.usLayout = usLayout;
    }

    public ModifierTracker tracker() {
        return tracker;
    }

    /** Handles KEY_PRESSED, KEY_RELEASED and KEY_TYPED; consumes what it sent. */
    public void handle(KeyEvent e) {
        switch (e.getID()) {
            case KeyEvent.KEY_PRESSED -> pressed(e);
            case KeyEvent.KEY_RELEASED -> released(e);
            case KeyEvent.KEY_TYPED -> typed(e);
            default -> { }
        }
    }

    private void pressed(KeyEvent e) {
        tracker.reconcile(e.getModifiersEx() | maskOfKey(e.getKeyCode()));
        int code = e.getKeyCode();
        if (KeyMap.isDeadKey(code)) {
            if (pendingDead != 0) {
                // dead key twice: the accent itself
                typeChar(KeyMap.spacingAccent(pendingDead));
                pendingDead = 0;
            } else {
                pendingDead = code;
            }
            pressUnmapped = false;
            e.consume();
            return;
        }
        int keysym = KeyMap.keysym(e);
        int id = keyId(e);
        if (pendingDead != 0 && keysym != 0 && !KeySyms.isModifier(keysym)) {
            int dead = pendingDead;
            pendingDead = 0;
            char ch = e.getKeyChar();
            if (ch != KeyEvent.CHAR_UNDEFINED && ch >= 0x20) {
                int composed = KeyMap.compose(dead, ch);
                if (composed < 0) {
                    typeChar(KeyMap.spacingAccent(dead));
                } else {
                    keysym = KeySyms.forChar(composed);
                }
            }
        }
        if (keysym == KeySyms.NO_SYMBOL) {
            pressUnmapped = true;
            return;
        }
        pressUnmapped = false;
        // A character that differs from what the key code says (composed, AltGr) must not carry
        // the key's scancode, or the server would type the unshifted key instead.
        int scancode = XtScancodes.scancode(e, usLayout && !composedOrLevel3(keysym, e));
        tracker.press(id, keysym, scancode);
        e.consume();
    }

    private void released(KeyEvent e) {
        if (tracker.release(keyId(e))) {
            e.consume();
        }
    }

    private void typed(KeyEvent e) {
        char ch = e.getKeyChar();
        if (pressUnmapped && ch != KeyEvent.CHAR_UNDEFINED && ch >= 0x20 && ch != 0x7f) {
            int keysym = pendingDead != 0 ? composeOrPrefix(ch) : KeySyms.forChar(ch);
            if (keysym != 0) {
                sink.key(true, keysym, 0);
                sink.key(false, keysym, 0);
            }
            pressUnmapped = false;
        }
        e.consume();
    }

    private int composeOrPrefix(char ch) {
        int dead = pendingDead;
        pendingDead = 0;
        int composed = KeyMap.compose(dead, ch);
        if (composed < 0) {
            typeChar(KeyMap.spacingAccent(dead));
            return KeySyms.forChar(ch);
        }
        return KeySyms.forChar(composed);
    }

    /** Releases everything still down and forgets a pending dead key (focus lost). */
    public void releaseAll() {
        pendingDead = 0;
        pressUnmapped = false;
        tracker.releaseAll();
    }

    /** Sends Ctrl-Alt-Del (with scancodes, for QEMU) as one press-and-release chord. */
    public static void sendCtrlAltDel(KeySink sink) {
        sink.key(true, KeySyms.CONTROL_L, 0x1d);
        sink.key(true, KeySyms.ALT_L, 0x38);
        sink.key(true, KeySyms.DELETE, 0xd3);
        sink.key(false, KeySyms.DELETE, 0xd3);
        sink.key(false, KeySyms.ALT_L, 0x38);
        sink.key(false, KeySyms.CONTROL_L, 0x1d);
    }

    private void typeChar(int ch) {
        int keysym = KeySyms.forChar(ch);
        if (keysym != 0) {
            sink.key(true, keysym, 0);
            sink.key(false, keysym, 0);
        }
    }

    private static boolean composedOrLevel3(int keysym, KeyEvent e) {
        if (keysym >= 0xfe00 && keysym <= 0xffff) {
            return false; // a function key: the key code is the key
        }
        int plain = KeyMap.charForKeyCode(e.getKeyCode(), (e.getModifiersEx() & KeyEvent.SHIFT_DOWN_MASK) != 0);
        return plain == 0 || KeySyms.forChar(plain) != keysym;
    }

    /** The press of a modifier carries its own mask on some toolkits and not on others. */
    private static int maskOfKey(int keyCode) {
        return switch (keyCode) {
            case KeyEvent.VK_SHIFT -> KeyEvent.SHIFT_DOWN_MASK;
            case KeyEvent.VK_CONTROL -> KeyEvent.CTRL_DOWN_MASK;
            case KeyEvent.VK_ALT -> KeyEvent.ALT_DOWN_MASK;
            default -> 0;
        };
    }

    /** Presses and releases are matched by key code and location (left and right Shift differ). */
    static int keyId(KeyEvent e) {
        int code = e.getKeyCode();
        if (code == KeyEvent.VK_UNDEFINED) {
            code = e.getExtendedKeyCode();
        }
        if (code == KeyEvent.VK_UNDEFINED) {
            code = 0x7f000000 | e.getKeyChar();
        }
        return code * 8 + e.getKeyLocation();
    }

    /** Whether the local keyboard looks like a US layout (the input locale, else the default locale). */
    public static boolean localLayoutIsUs() {
        Locale l = null;
        try {
            java.awt.im.InputContext ic = java.awt.im.InputContext.getInstance();
            l = ic == null ? null : ic.getLocale();
        } catch (RuntimeException | Error ignored) {
            // headless or no input method framework
        }
        if (l == null) {
            l = Locale.getDefault();
        }
        return "en".equals(l.getLanguage()) && (l.getCountry().isEmpty() || "US".equals(l.getCountry()));
    }
}
