package io.vncstream.viewer.keys;

import java.awt.event.KeyEvent;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

import static java.awt.event.KeyEvent.*;

/**
 * Java key events to X keysyms. Keys that do not type a character (function keys, navigation,
 * modifiers, the numeric keypad) go by key code and location; keys that type a character go by
 * that character, so that any local layout works (the character is what the user sees on the
 * key). Characters outside Latin-1 become Unicode keysyms (0x01000000 + code point).
 */
public final class KeyMap {
    private KeyMap() {
    }

    private static final Map<Integer, Integer> SPECIAL = new HashMap<>();
    private static final Map<Integer, Integer> NUMPAD = new HashMap<>();
    private static final Map<Integer, int[]> DEAD = new HashMap<>();

    static {
        SPECIAL.put(VK_BACK_SPACE, KeySyms.BACKSPACE);
        SPECIAL.put(VK_TAB, KeySyms.TAB);
        SPECIAL.put(VK_ENTER, KeySyms.RETURN);
        SPECIAL.put(VK_ESCAPE, KeySyms.ESCAPE);
        SPECIAL.put(VK_DELETE, KeySyms.DELETE);
        SPECIAL.put(VK_INSERT, KeySyms.INSERT);
        SPECIAL.put(VK_HOME, KeySyms.HOME);
        SPECIAL.put(VK_END, KeySyms.END);
        SPECIAL.put(VK_PAGE_UP, KeySyms.PAGE_UP);
        SPECIAL.put(VK_PAGE_DOWN, KeySyms.PAGE_DOWN);
        SPECIAL.put(VK_LEFT, KeySyms.LEFT);
        SPECIAL.put(VK_RIGHT, KeySyms.RIGHT);
        SPECIAL.put(VK_UP, KeySyms.UP);
        SPECIAL.put(VK_DOWN, KeySyms.DOWN);
        SPECIAL.put(VK_KP_LEFT, KeySyms.KP_LEFT);
        SPECIAL.put(VK_KP_RIGHT, KeySyms.KP_RIGHT);
        SPECIAL.put(VK_KP_UP, KeySyms.KP_UP);
        SPECIAL.put(VK_KP_DOWN, KeySyms.KP_DOWN);
        SPECIAL.put(VK_BEGIN, KeySyms.BEGIN);
        SPECIAL.put(VK_CLEAR, KeySyms.CLEAR);
        SPECIAL.put(VK_PAUSE, KeySyms.PAUSE);
        SPECIAL.put(VK_PRINTSCREEN, KeySyms.PRINT);
        SPECIAL.put(VK_SCROLL_LOCK, KeySyms.SCROLL_LOCK);
        SPECIAL.put(VK_NUM_LOCK, KeySyms.NUM_LOCK);
        SPECIAL.put(VK_CAPS_LOCK, KeySyms.CAPS_LOCK);
        SPECIAL.put(VK_CONTEXT_MENU, KeySyms.MENU);
        SPECIAL.put(VK_HELP, KeySyms.HELP);
        SPECIAL.put(VK_UNDO, KeySyms.UNDO);
        SPECIAL.put(VK_FIND, KeySyms.FIND);
        SPECIAL.put(VK_CANCEL, KeySyms.CANCEL);
        SPECIAL.put(VK_ALT_GRAPH, KeySyms.ISO_LEVEL3_SHIFT);
        SPECIAL.put(VK_SPACE, 0x20);
        for (int i = 0; i < 12; i++) {
            SPECIAL.put(VK_F1 + i, KeySyms.F1 + i);
        }
        for (int i = 0; i < 12; i++) {
            SPECIAL.put(VK_F13 + i, KeySyms.F1 + 12 + i);
        }
        // Operators and digits of the keypad, whatever the location the toolkit reports.
        SPECIAL.put(VK_MULTIPLY, KeySyms.KP_MULTIPLY);
        SPECIAL.put(VK_ADD, KeySyms.KP_ADD);
        SPECIAL.put(VK_SUBTRACT, KeySyms.KP_SUBTRACT);
        SPECIAL.put(VK_DIVIDE, KeySyms.KP_DIVIDE);
        SPECIAL.put(VK_DECIMAL, KeySyms.KP_DECIMAL);
        SPECIAL.put(VK_SEPARATOR, KeySyms.KP_SEPARATOR);
        for (int i = 0; i <= 9; i++) {
            SPECIAL.put(VK_NUMPAD0 + i, KeySyms.KP_0 + i);
        }

        // Keys that exist twice, on the keypad with Num Lock off.
        NUMPAD.put(VK_ENTER, KeySyms.KP_ENTER);
        NUMPAD.put(VK_HOME, KeySyms.KP_HOME);
        NUMPAD.put(VK_END, KeySyms.KP_END);
        NUMPAD.put(VK_PAGE_UP, KeySyms.KP_PAGE_UP);
        NUMPAD.put(VK_PAGE_DOWN, KeySyms.KP_PAGE_DOWN);
        NUMPAD.put(VK_LEFT, KeySyms.KP_LEFT);
        NUMPAD.put(VK_RIGHT, KeySyms.KP_RIGHT);
        NUMPAD.put(VK_UP, KeySyms.KP_UP);
        NUMPAD.put(VK_DOWN, KeySyms.KP_DOWN);
        NUMPAD.put(VK_INSERT, KeySyms.KP_INSERT);
        NUMPAD.put(VK_DELETE, KeySyms.KP_DELETE);
        NUMPAD.put(VK_BEGIN, KeySyms.KP_BEGIN);
        NUMPAD.put(VK_CLEAR, KeySyms.KP_BEGIN);
        NUMPAD.put(VK_EQUALS, KeySyms.KP_EQUAL);

        // dead key code -> {keysym, combining mark, spacing form}
        DEAD.put(VK_DEAD_GRAVE, new int[] {KeySyms.DEAD_GRAVE, 0x300, '`'});
        DEAD.put(VK_DEAD_ACUTE, new int[] {KeySyms.DEAD_ACUTE, 0x301, 0xb4});
        DEAD.put(VK_DEAD_CIRCUMFLEX, new int[] {KeySyms.DEAD_CIRCUMFLEX, 0x302, '^'});
        DEAD.put(VK_DEAD_TILDE, new int[] {KeySyms.DEAD_TILDE, 0x303, '~'});
        DEAD.put(VK_DEAD_MACRON, new int[] {KeySyms.DEAD_MACRON, 0x304, 0xaf});
        DEAD.put(VK_DEAD_BREVE, new int[] {KeySyms.DEAD_BREVE, 0x306, 0x2d8});
        DEAD.put(VK_DEAD_ABOVEDOT, new int[] {KeySyms.DEAD_ABOVEDOT, 0x307, 0x2d9});
        DEAD.put(VK_DEAD_DIAERESIS, new int[] {KeySyms.DEAD_DIAERESIS, 0x308, 0xa8});
        DEAD.put(VK_DEAD_ABOVERING, new int[] {KeySyms.DEAD_ABOVERING, 0x30a, 0xb0});
        DEAD.put(VK_DEAD_DOUBLEACUTE, new int[] {KeySyms.DEAD_DOUBLEACUTE, 0x30b, 0x2dd});
        DEAD.put(VK_DEAD_CARON, new int[] {KeySyms.DEAD_CARON, 0x30c, 0x2c7});
        DEAD.put(VK_DEAD_CEDILLA, new int[] {KeySyms.DEAD_CEDILLA, 0x327, 0xb8});
        DEAD.put(VK_DEAD_OGONEK, new int[] {KeySyms.DEAD_OGONEK, 0x328, 0x2db});
        DEAD.put(VK_DEAD_IOTA, new int[] {KeySyms.DEAD_IOTA, 0x345, 0x37a});
        DEAD.put(VK_DEAD_VOICED_SOUND, new int[] {KeySyms.DEAD_VOICED_SOUND, 0x3099, 0x309b});
        DEAD.put(VK_DEAD_SEMIVOICED_SOUND, new int[] {KeySyms.DEAD_SEMIVOICED_SOUND, 0x309a, 0x309c});
    }

    /** The keysym for a key press, or {@link KeySyms#NO_SYMBOL} when it types nothing we know (or is a dead key). */
    public static int keysym(KeyEvent e) {
        return keysym(e.getKeyCode(), e.getKeyChar(), e.getKeyLocation(), e.getModifiersEx(), e.getExtendedKeyCode());
    }

    /**
     * The keysym for a key press, from its parts.
     *
     * @param extendedKeyCode {@link KeyEvent#getExtendedKeyCode()}, or 0 when unknown
     */
    public static int keysym(int keyCode, char keyChar, int location, int modifiersEx, int extendedKeyCode) {
        if (isDeadKey(keyCode)) {
            return KeySyms.NO_SYMBOL;
        }
        int special = modifierKeysym(keyCode, location);
        if (special != 0) {
            return special;
        }
        if (location == KEY_LOCATION_NUMPAD) {
            Integer kp = NUMPAD.get(keyCode);
            if (kp != null) {
                return kp;
            }
        }
        Integer s = SPECIAL.get(keyCode);
        if (s != null) {
            return s;
        }
        // A character: the one the key types, if printable.
        if (keyChar != CHAR_UNDEFINED && keyChar >= 0x20 && keyChar != 0x7f && !(keyChar >= 0x80 && keyChar < 0xa0)) {
            return KeySyms.forChar(keyChar);
        }
        // Control characters (Ctrl+letter) and keys without a character: from the key code.
        boolean shift = (modifiersEx & SHIFT_DOWN_MASK) != 0;
        int fromCode = charForKeyCode(keyCode, shift);
        if (fromCode != 0) {
            return KeySyms.forChar(fromCode);
        }
        if (extendedKeyCode > KeySyms.UNICODE_OFFSET) {
            int cp = extendedKeyCode - KeySyms.UNICODE_OFFSET;
            return KeySyms.forChar(shift ? Character.toUpperCase(cp) : cp);
        }
        return KeySyms.NO_SYMBOL;
    }

    private static int modifierKeysym(int keyCode, int location) {
        boolean right = location == KEY_LOCATION_RIGHT;
        switch (keyCode) {
            case VK_SHIFT: return right ? KeySyms.SHIFT_R : KeySyms.SHIFT_L;
            case VK_CONTROL: return right ? KeySyms.CONTROL_R : KeySyms.CONTROL_L;
            case VK_ALT: return right ? KeySyms.ALT_R : KeySyms.ALT_L;
            // Java reports the Windows/Super key as VK_WINDOWS on Linux and Windows, Command as VK_META on macOS.
            case VK_META:
            case VK_WINDOWS: return right ? KeySyms.SUPER_R : KeySyms.SUPER_L;
            default: return 0;
        }
    }

    /** The character a US keyboard types for a key code (used when the event carries none). */
    static int charForKeyCode(int keyCode, boolean shift) {
        if (keyCode >= VK_A && keyCode <= VK_Z) {
            return shift ? keyCode : Character.toLowerCase(keyCode);
        }
        if (keyCode >= VK_0 && keyCode <= VK_9) {
            return shift ? ")!@#$%^&*(".charAt(keyCode - VK_0) : keyCode;
        }
        switch (keyCode) {
            case VK_MINUS: return shift ? '_' : '-';
            case VK_EQUALS: return shift ? '+' : '=';
            case VK_OPEN_BRACKET: return shift ? '{' : '[';
            case VK_CLOSE_BRACKET: return shift ? '}' : ']';
            case VK_BACK_SLASH: return shift ? '|' : '\\';
            case VK_SEMICOLON: return shift ? ':' : ';';
            case VK_QUOTE: return shift ? '"' : '\'';
            case VK_BACK_QUOTE: return shift ? '~' : '`';
            case VK_COMMA: return shift ? '<' : ',';
            case VK_PERIOD: return shift ? '>' : '.';
            case VK_SLASH: return shift ? '?' : '/';
            case VK_LESS: return shift ? '>' : '<';
            case VK_PLUS: return '+';
            case VK_NUMBER_SIGN: return '#';
            case VK_AT: return '@';
            case VK_COLON: return ':';
            case VK_CIRCUMFLEX: return '^';
            case VK_DOLLAR: return '$';
            case VK_EURO_SIGN: return 0x20ac;
            case VK_EXCLAMATION_MARK: return '!';
            case VK_INVERTED_EXCLAMATION_MARK: return 0xa1;
            case VK_LEFT_PARENTHESIS: return '(';
            case VK_RIGHT_PARENTHESIS: return ')';
            case VK_UNDERSCORE: return '_';
            case VK_GREATER: return '>';
            case VK_ASTERISK: return '*';
            case VK_AMPERSAND: return '&';
            case VK_QUOTEDBL: return '"';
            case VK_BRACELEFT: return '{';
            case VK_BRACERIGHT: return '}';
            default: return 0;
        }
    }

    public static boolean isDeadKey(int keyCode) {
        return DEAD.containsKey(keyCode);
    }

    /** The X dead keysym of a dead key code, or 0. */
    public static int deadKeysym(int keyCode) {
        int[] d = DEAD.get(keyCode);
        return d == null ? 0 : d[0];
    }

    /**
     * What a dead key followed by {@code next} types: the precomposed character when there is one
     * (dead acute + e = é), the accent alone for a space, and {@code next} unchanged when the
     * toolkit already composed it (the key event carries é). Returns -1 when the two do not
     * combine (the accent and the character are then typed one after the other).
     */
    public static int compose(int deadKeyCode, char next) {
        int[] d = DEAD.get(deadKeyCode);
        if (d == null) {
            return next;
        }
        if (next == ' ') {
            return d[2];
        }
        String composed = Normalizer.normalize(new String(new char[] {next, (char) d[1]}), Normalizer.Form.NFC);
        if (composed.length() == 1) {
            return composed.charAt(0);
        }
        String decomposed = Normalizer.normalize(String.valueOf(next), Normalizer.Form.NFD);
        if (decomposed.length() > 1) {
            return next; // already precomposed by the toolkit or input method
        }
        return -1;
    }

    /** The spacing form of a dead key's accent (´ for dead acute), or 0. */
    public static int spacingAccent(int deadKeyCode) {
        int[] d = DEAD.get(deadKeyCode);
        return d == null ? 0 : d[2];
    }
}
