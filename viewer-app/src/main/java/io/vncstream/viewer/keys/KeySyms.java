package io.vncstream.viewer.keys;

/** The X keysyms the viewer sends (X11/keysymdef.h). */
public final class KeySyms {
    private KeySyms() {
    }

    public static final int NO_SYMBOL = 0;

    public static final int BACKSPACE = 0xff08;
    public static final int TAB = 0xff09;
    public static final int CLEAR = 0xff0b;
    public static final int RETURN = 0xff0d;
    public static final int PAUSE = 0xff13;
    public static final int SCROLL_LOCK = 0xff14;
    public static final int SYS_REQ = 0xff15;
    public static final int ESCAPE = 0xff1b;
    public static final int HOME = 0xff50;
    public static final int LEFT = 0xff51;
    public static final int UP = 0xff52;
    public static final int RIGHT = 0xff53;
    public static final int DOWN = 0xff54;
    public static final int PAGE_UP = 0xff55;
    public static final int PAGE_DOWN = 0xff56;
    public static final int END = 0xff57;
    public static final int BEGIN = 0xff58;
    public static final int PRINT = 0xff61;
    public static final int INSERT = 0xff63;
    public static final int UNDO = 0xff65;
    public static final int MENU = 0xff67;
    public static final int FIND = 0xff68;
    public static final int CANCEL = 0xff69;
    public static final int HELP = 0xff6a;
    public static final int NUM_LOCK = 0xff7f;
    public static final int DELETE = 0xffff;

    public static final int KP_ENTER = 0xff8d;
    public static final int KP_HOME = 0xff95;
    public static final int KP_LEFT = 0xff96;
    public static final int KP_UP = 0xff97;
    public static final int KP_RIGHT = 0xff98;
    public static final int KP_DOWN = 0xff99;
    public static final int KP_PAGE_UP = 0xff9a;
    public static final int KP_PAGE_DOWN = 0xff9b;
    public static final int KP_END = 0xff9c;
    public static final int KP_BEGIN = 0xff9d;
    public static final int KP_INSERT = 0xff9e;
    public static final int KP_DELETE = 0xff9f;
    public static final int KP_EQUAL = 0xffbd;
    public static final int KP_MULTIPLY = 0xffaa;
    public static final int KP_ADD = 0xffab;
    public static final int KP_SEPARATOR = 0xffac;
    public static final int KP_SUBTRACT = 0xffad;
    public static final int KP_DECIMAL = 0xffae;
    public static final int KP_DIVIDE = 0xffaf;
    public static final int KP_0 = 0xffb0;

    /** F1; F2..F35 follow. */
    public static final int F1 = 0xffbe;

    public static final int SHIFT_L = 0xffe1;
    public static final int SHIFT_R = 0xffe2;
    public static final int CONTROL_L = 0xffe3;
    public static final int CONTROL_R = 0xffe4;
    public static final int CAPS_LOCK = 0xffe5;
    public static final int META_L = 0xffe7;
    public static final int META_R = 0xffe8;
    public static final int ALT_L = 0xffe9;
    public static final int ALT_R = 0xffea;
    public static final int SUPER_L = 0xffeb;
    public static final int SUPER_R = 0xffec;
    /** AltGr. */
    public static final int ISO_LEVEL3_SHIFT = 0xfe03;

    public static final int DEAD_GRAVE = 0xfe50;
    public static final int DEAD_ACUTE = 0xfe51;
    public static final int DEAD_CIRCUMFLEX = 0xfe52;
    public static final int DEAD_TILDE = 0xfe53;
    public static final int DEAD_MACRON = 0xfe54;
    public static final int DEAD_BREVE = 0xfe55;
    public static final int DEAD_ABOVEDOT = 0xfe56;
    public static final int DEAD_DIAERESIS = 0xfe57;
    public static final int DEAD_ABOVERING = 0xfe58;
    public static final int DEAD_DOUBLEACUTE = 0xfe59;
    public static final int DEAD_CARON = 0xfe5a;
    public static final int DEAD_CEDILLA = 0xfe5b;
    public static final int DEAD_OGONEK = 0xfe5c;
    public static final int DEAD_IOTA = 0xfe5d;
    public static final int DEAD_VOICED_SOUND = 0xfe5e;
    public static final int DEAD_SEMIVOICED_SOUND = 0xfe5f;

    /** Unicode keysyms: 0x01000000 + code point, for characters outside Latin-1. */
    public static final int UNICODE_OFFSET = 0x01000000;

    /** The keysym for a character: Latin-1 as itself, everything else as a Unicode keysym. */
    public static int forChar(int codePoint) {
        if ((codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0xff)) {
            return codePoint;
        }
        if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) {
            return NO_SYMBOL;
        }
        if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
            return NO_SYMBOL;
        }
        return UNICODE_OFFSET + codePoint;
    }

    /** Whether the keysym is one of the modifier keys (Shift, Control, Alt, Meta, Super, AltGr, locks). */
    public static boolean isModifier(int keysym) {
        return (keysym >= SHIFT_L && keysym <= 0xffee) || keysym == ISO_LEVEL3_SHIFT || keysym == NUM_LOCK;
    }
}
