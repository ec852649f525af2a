package io.vncstream.viewer.keys;

import java.awt.event.KeyEvent;
import java.util.HashMap;
import java.util.Map;

import static java.awt.event.KeyEvent.*;

/**
 * Java key codes to XT (PC set 1) scancodes for QEMU extended key events, as QEMU numbers them:
 * one byte, with keys that send an 0xE0 prefix as {@code 0x80 | code} (Right Ctrl is 0x9D).
 * <p>
 * Java does not say which physical key was pressed: its key code follows the local layout (on a
 * German layout the key left of U says {@code VK_Z}). So the table is exact for keys that are
 * the same on every layout (function keys, navigation, modifiers, keypad, Enter, Space), and
 * for character keys only when the local layout is US-like; {@link #scancode(KeyEvent, boolean)}
 * leaves character keys out unless told that it is, and the server then maps the keysym.
 */
public final class XtScancodes {
    private XtScancodes() {
    }

    private static final Map<Integer, Integer> LAYOUT_INDEPENDENT = new HashMap<>();
    private static final Map<Integer, Integer> CHARACTER_KEYS = new HashMap<>();
    private static final Map<Integer, Integer> NUMPAD = new HashMap<>();

    static {
        Map<Integer, Integer> m = LAYOUT_INDEPENDENT;
        m.put(VK_ESCAPE, 0x01);
        m.put(VK_BACK_SPACE, 0x0e);
        m.put(VK_TAB, 0x0f);
        m.put(VK_ENTER, 0x1c);
        m.put(VK_CONTROL, 0x1d);
        m.put(VK_SHIFT, 0x2a);
        m.put(VK_ALT, 0x38);
        m.put(VK_SPACE, 0x39);
        m.put(VK_CAPS_LOCK, 0x3a);
        for (int i = 0; i < 10; i++) {
            m.put(VK_F1 + i, 0x3b + i);
        }
        m.put(VK_F11, 0x57);
        m.put(VK_F12, 0x58);
        int[] f13to24 = {0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x76};
        for (int i = 0; i < f13to24.length; i++) {
            m.put(VK_F13 + i, f13to24[i]);
        }
        m.put(VK_NUM_LOCK, 0x45);
        m.put(VK_SCROLL_LOCK, 0x46);
        m.put(VK_NUMPAD7, 0x47);
        m.put(VK_NUMPAD8, 0x48);
        m.put(VK_NUMPAD9, 0x49);
        m.put(VK_SUBTRACT, 0x4a);
        m.put(VK_NUMPAD4, 0x4b);
        m.put(VK_NUMPAD5, 0x4c);
        m.put(VK_NUMPAD6, 0x4d);
        m.put(VK_ADD, 0x4e);
        m.put(VK_NUMPAD1, 0x4f);
        m.put(VK_NUMPAD2, 0x50);
        m.put(VK_NUMPAD3, 0x51);
        m.put(VK_NUMPAD0, 0x52);
        m.put(VK_DECIMAL, 0x53);
        m.put(VK_SEPARATOR, 0x53);
        m.put(VK_MULTIPLY, 0x37);
        m.put(VK_KP_UP, 0x48);
        m.put(VK_KP_DOWN, 0x50);
        m.put(VK_KP_LEFT, 0x4b);
        m.put(VK_KP_RIGHT, 0x4d);
        m.put(VK_BEGIN, 0x4c);
        m.put(VK_CLEAR, 0x4c);
        // 0xE0-prefixed keys
        m.put(VK_DIVIDE, 0xb5);
        m.put(VK_PRINTSCREEN, 0xb7);
        m.put(VK_ALT_GRAPH, 0xb8);
        m.put(VK_PAUSE, 0xc6);
        m.put(VK_HOME, 0xc7);
        m.put(VK_UP, 0xc8);
        m.put(VK_PAGE_UP, 0xc9);
        m.put(VK_LEFT, 0xcb);
        m.put(VK_RIGHT, 0xcd);
        m.put(VK_END, 0xcf);
        m.put(VK_DOWN, 0xd0);
        m.put(VK_PAGE_DOWN, 0xd1);
        m.put(VK_INSERT, 0xd2);
        m.put(VK_DELETE, 0xd3);
        m.put(VK_WINDOWS, 0xdb);
        m.put(VK_META, 0xdb);
        m.put(VK_CONTEXT_MENU, 0xdd);

        // On the keypad (Num Lock off) the navigation keys are the un-prefixed codes.
        NUMPAD.put(VK_ENTER, 0x9c);
        NUMPAD.put(VK_HOME, 0x47);
        NUMPAD.put(VK_UP, 0x48);
        NUMPAD.put(VK_PAGE_UP, 0x49);
        NUMPAD.put(VK_LEFT, 0x4b);
        NUMPAD.put(VK_RIGHT, 0x4d);
        NUMPAD.put(VK_END, 0x4f);
        NUMPAD.put(VK_DOWN, 0x50);
        NUMPAD.put(VK_PAGE_DOWN, 0x51);
        NUMPAD.put(VK_INSERT, 0x52);
        NUMPAD.put(VK_DELETE, 0x53);

        Map<Integer, Integer> c = CHARACTER_KEYS;
        c.put(VK_1, 0x02);
        for (int i = 1; i <= 9; i++) {
            c.put(VK_0 + i, 0x01 + i);
        }
        c.put(VK_0, 0x0b);
        c.put(VK_MINUS, 0x0c);
        c.put(VK_EQUALS, 0x0d);
        String row1 = "QWERTYUIOP";
        for (int i = 0; i < row1.length(); i++) {
            c.put((int) row1.charAt(i), 0x10 + i);
        }
        c.put(VK_OPEN_BRACKET, 0x1a);
        c.put(VK_CLOSE_BRACKET, 0x1b);
        String row2 = "ASDFGHJKL";
        for (int i = 0; i < row2.length(); i++) {
            c.put((int) row2.charAt(i), 0x1e + i);
        }
        c.put(VK_SEMICOLON, 0x27);
        c.put(VK_QUOTE, 0x28);
        c.put(VK_BACK_QUOTE, 0x29);
        c.put(VK_BACK_SLASH, 0x2b);
        String row3 = "ZXCVBNM";
        for (int i = 0; i < row3.length(); i++) {
            c.put((int) row3.charAt(i), 0x2c + i);
        }
        c.put(VK_COMMA, 0x33);
        c.put(VK_PERIOD, 0x34);
        c.put(VK_SLASH, 0x35);
        c.put(VK_LESS, 0x56);
    }

    /**
     * The scancode of a key, or 0 when unknown.
     *
     * @param usLayout whether the local layout is US-like, so that character keys may go by key code too
     */
    public static int scancode(KeyEvent e, boolean usLayout) {
        return scancode(e.getKeyCode(), e.getKeyLocation(), usLayout);
    }

    public static int scancode(int keyCode, int location, boolean usLayout) {
        boolean right = location == KEY_LOCATION_RIGHT;
        switch (keyCode) {
            case VK_SHIFT: return right ? 0x36 : 0x2a;
            case VK_CONTROL: return right ? 0x9d : 0x1d;
            case VK_ALT: return right ? 0xb8 : 0x38;
            case VK_WINDOWS:
            case VK_META: return right ? 0xdc : 0xdb;
            default: break;
        }
        if (location == KEY_LOCATION_NUMPAD) {
            Integer kp = NUMPAD.get(keyCode);
            if (kp != null) {
                return kp;
            }
        }
        Integer s = LAYOUT_INDEPENDENT.get(keyCode);
        if (s != null) {
            return s;
        }
        if (usLayout) {
            Integer c = CHARACTER_KEYS.get(keyCode);
            if (c != null) {
                return c;
            }
        }
        return 0;
    }
}
