package io.vncstream.viewer.keys;

import org.junit.jupiter.api.Test;

import java.awt.Component;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;

import static java.awt.event.KeyEvent.*;
import static org.assertj.core.api.Assertions.assertThat;

class KeyMapTest {
    private static final Component SOURCE = new Component() { };

    static KeyEvent press(int code, char ch, int location, int mods) {
        return new KeyEvent(SOURCE, KEY_PRESSED, 0, mods, code, ch, location);
    }

    static KeyEvent release(int code, char ch, int location, int mods) {
        return new KeyEvent(SOURCE, KEY_RELEASED, 0, mods, code, ch, location);
    }

    static KeyEvent typed(char ch) {
        return new KeyEvent(SOURCE, KEY_TYPED, 0, 0, VK_UNDEFINED, ch, KEY_LOCATION_UNKNOWN);
    }

    static int sym(int code, char ch) {
        return KeyMap.keysym(press(code, ch, KEY_LOCATION_STANDARD, 0));
    }

    @Test
    void lettersDigitsAndPunctuationGoByTheirCharacter() {
        assertThat(sym(VK_A, 'a')).isEqualTo('a');
        assertThat(KeyMap.keysym(press(VK_A, 'A', KEY_LOCATION_STANDARD, SHIFT_DOWN_MASK))).isEqualTo('A');
        assertThat(sym(VK_1, '1')).isEqualTo('1');
        assertThat(KeyMap.keysym(press(VK_1, '!', KEY_LOCATION_STANDARD, SHIFT_DOWN_MASK))).isEqualTo('!');
        assertThat(sym(VK_SLASH, '/')).isEqualTo('/');
        assertThat(sym(VK_SPACE, ' ')).isEqualTo(0x20);
    }

    @Test
    void otherLayoutsGoByTheCharacterNotTheKeyCode() {
        // German: the key left of U types z and Java says VK_Z; ß, ü, ö; AltGr+Q is @; Shift+7 is /
        assertThat(sym(VK_Z, 'z')).isEqualTo('z');
        assertThat(sym(0x010000df, 'ß')).isEqualTo(0xdf);
        assertThat(sym(0x010000fc, 'ü')).isEqualTo(0xfc);
        assertThat(KeyMap.keysym(press(VK_Q, '@', KEY_LOCATION_STANDARD, ALT_GRAPH_DOWN_MASK))).isEqualTo('@');
        assertThat(KeyMap.keysym(press(VK_7, '/', KEY_LOCATION_STANDARD, SHIFT_DOWN_MASK))).isEqualTo('/');
        // French AZERTY: the key of US "1" types & unshifted
        assertThat(sym(VK_AMPERSAND, '&')).isEqualTo('&');
        // Euro (AltGr+E) is outside Latin-1: a Unicode keysym
        assertThat(KeyMap.keysym(press(VK_E, '€', KEY_LOCATION_STANDARD, ALT_GRAPH_DOWN_MASK))).isEqualTo(0x010020ac);
    }

    @Test
    void nonLatinCharactersAreUnicodeKeysyms() {
        assertThat(sym(0x01000444, 'ф')).isEqualTo(0x01000444); // Russian
        assertThat(sym(0x010003b1, 'α')).isEqualTo(0x010003b1); // Greek
        assertThat(sym(0x010005d0, 'א')).isEqualTo(0x010005d0); // Hebrew
        assertThat(KeySyms.forChar(0x1f600)).isEqualTo(0x0101f600);
        assertThat(KeySyms.forChar(0x85)).isZero();
    }

    @Test
    void controlCombinationsGoByTheKeyCode() {
        assertThat(KeyMap.keysym(press(VK_C, (char) 3, KEY_LOCATION_STANDARD, CTRL_DOWN_MASK))).isEqualTo('c');
        assertThat(KeyMap.keysym(press(VK_C, (char) 3, KEY_LOCATION_STANDARD, CTRL_DOWN_MASK | SHIFT_DOWN_MASK)))
                .isEqualTo('C');
        assertThat(KeyMap.keysym(press(VK_OPEN_BRACKET, (char) 27, KEY_LOCATION_STANDARD, CTRL_DOWN_MASK)))
                .isEqualTo('[');
        assertThat(KeyMap.keysym(press(VK_A, CHAR_UNDEFINED, KEY_LOCATION_STANDARD, 0))).isEqualTo('a');
        assertThat(KeyMap.keysym(0, CHAR_UNDEFINED, KEY_LOCATION_STANDARD, 0, 0x01000444)).isEqualTo(0x01000444);
    }

    @Test
    void functionAndEditingKeys() {
        assertThat(sym(VK_ENTER, '\n')).isEqualTo(KeySyms.RETURN);
        assertThat(sym(VK_BACK_SPACE, '\b')).isEqualTo(KeySyms.BACKSPACE);
        assertThat(sym(VK_TAB, '\t')).isEqualTo(KeySyms.TAB);
        assertThat(sym(VK_ESCAPE, (char) 27)).isEqualTo(KeySyms.ESCAPE);
        assertThat(sym(VK_DELETE, (char) 127)).isEqualTo(KeySyms.DELETE);
        assertThat(sym(VK_F1, CHAR_UNDEFINED)).isEqualTo(0xffbe);
        assertThat(sym(VK_F12, CHAR_UNDEFINED)).isEqualTo(0xffc9);
        assertThat(sym(VK_F13, CHAR_UNDEFINED)).isEqualTo(0xffca);
        assertThat(sym(VK_F24, CHAR_UNDEFINED)).isEqualTo(0xffd5);
        assertThat(sym(VK_HOME, CHAR_UNDEFINED)).isEqualTo(KeySyms.HOME);
        assertThat(sym(VK_PAGE_DOWN, CHAR_UNDEFINED)).isEqualTo(KeySyms.PAGE_DOWN);
        assertThat(sym(VK_LEFT, CHAR_UNDEFINED)).isEqualTo(KeySyms.LEFT);
        assertThat(sym(VK_INSERT, CHAR_UNDEFINED)).isEqualTo(KeySyms.INSERT);
        assertThat(sym(VK_PRINTSCREEN, CHAR_UNDEFINED)).isEqualTo(KeySyms.PRINT);
        assertThat(sym(VK_PAUSE, CHAR_UNDEFINED)).isEqualTo(KeySyms.PAUSE);
        assertThat(sym(VK_CONTEXT_MENU, CHAR_UNDEFINED)).isEqualTo(KeySyms.MENU);
    }

    @Test
    void modifiersLeftAndRight() {
        assertThat(KeyMap.keysym(press(VK_SHIFT, CHAR_UNDEFINED, KEY_LOCATION_LEFT, SHIFT_DOWN_MASK))).isEqualTo(KeySyms.SHIFT_L);
        assertThat(KeyMap.keysym(press(VK_SHIFT, CHAR_UNDEFINED, KEY_LOCATION_RIGHT, SHIFT_DOWN_MASK))).isEqualTo(KeySyms.SHIFT_R);
        assertThat(KeyMap.keysym(press(VK_CONTROL, CHAR_UNDEFINED, KEY_LOCATION_LEFT, 0))).isEqualTo(KeySyms.CONTROL_L);
        assertThat(KeyMap.keysym(press(VK_CONTROL, CHAR_UNDEFINED, KEY_LOCATION_RIGHT, 0))).isEqualTo(KeySyms.CONTROL_R);
        assertThat(KeyMap.keysym(press(VK_ALT, CHAR_UNDEFINED, KEY_LOCATION_LEFT, 0))).isEqualTo(KeySyms.ALT_L);
        assertThat(KeyMap.keysym(press(VK_ALT_GRAPH, CHAR_UNDEFINED, KEY_LOCATION_RIGHT, 0))).isEqualTo(KeySyms.ISO_LEVEL3_SHIFT);
        assertThat(KeyMap.keysym(press(VK_WINDOWS, CHAR_UNDEFINED, KEY_LOCATION_LEFT, 0))).isEqualTo(KeySyms.SUPER_L);
        assertThat(KeyMap.keysym(press(VK_META, CHAR_UNDEFINED, KEY_LOCATION_RIGHT, 0))).isEqualTo(KeySyms.SUPER_R);
        assertThat(sym(VK_CAPS_LOCK, CHAR_UNDEFINED)).isEqualTo(KeySyms.CAPS_LOCK);
    }

    @Test
    void numericKeypad() {
        assertThat(KeyMap.keysym(press(VK_NUMPAD7, '7', KEY_LOCATION_NUMPAD, 0))).isEqualTo(0xffb7);
        assertThat(KeyMap.keysym(press(VK_NUMPAD0, '0', KEY_LOCATION_NUMPAD, 0))).isEqualTo(0xffb0);
        assertThat(KeyMap.keysym(press(VK_ENTER, '\n', KEY_LOCATION_NUMPAD, 0))).isEqualTo(KeySyms.KP_ENTER);
        assertThat(KeyMap.keysym(press(VK_MULTIPLY, '*', KEY_LOCATION_NUMPAD, 0))).isEqualTo(KeySyms.KP_MULTIPLY);
        assertThat(KeyMap.keysym(press(VK_ADD, '+', KEY_LOCATION_NUMPAD, 0))).isEqualTo(KeySyms.KP_ADD);
        assertThat(KeyMap.keysym(press(VK_DIVIDE, '/', KEY_LOCATION_NUMPAD, 0))).isEqualTo(KeySyms.KP_DIVIDE);
        assertThat(KeyMap.keysym(press(VK_DECIMAL, ',', KEY_LOCATION_NUMPAD, 0))).isEqualTo(KeySyms.KP_DECIMAL);
        assertThat(KeyMap.keysym(press(VK_HOME, CHAR_UNDEFINED, KEY_LOCATION_NUMPAD, 0))).isEqualTo(KeySyms.KP_HOME);
        assertThat(KeyMap.keysym(press(VK_KP_UP, CHAR_UNDEFINED, KEY_LOCATION_NUMPAD, 0))).isEqualTo(KeySyms.KP_UP);
        assertThat(KeyMap.keysym(press(VK_DELETE, CHAR_UNDEFINED, KEY_LOCATION_NUMPAD, 0))).isEqualTo(KeySyms.KP_DELETE);
        assertThat(KeyMap.keysym(press(VK_CLEAR, CHAR_UNDEFINED, KEY_LOCATION_NUMPAD, 0))).isEqualTo(KeySyms.KP_BEGIN);
        assertThat(KeyMap.keysym(press(VK_NUM_LOCK, CHAR_UNDEFINED, KEY_LOCATION_NUMPAD, 0))).isEqualTo(KeySyms.NUM_LOCK);
    }

    @Test
    void deadKeysCompose() {
        assertThat(sym(VK_DEAD_ACUTE, CHAR_UNDEFINED)).isZero();
        assertThat(KeyMap.deadKeysym(VK_DEAD_ACUTE)).isEqualTo(KeySyms.DEAD_ACUTE);
        assertThat(KeyMap.compose(VK_DEAD_ACUTE, 'e')).isEqualTo('é');
        assertThat(KeyMap.compose(VK_DEAD_CIRCUMFLEX, 'o')).isEqualTo('ô');
        assertThat(KeyMap.compose(VK_DEAD_DIAERESIS, 'U')).isEqualTo('Ü');
        assertThat(KeyMap.compose(VK_DEAD_CARON, 's')).isEqualTo('š');
        assertThat(KeyMap.compose(VK_DEAD_GRAVE, ' ')).isEqualTo('`');
        assertThat(KeyMap.compose(VK_DEAD_ACUTE, 'é')).isEqualTo('é'); // composed by the toolkit already
        assertThat(KeyMap.compose(VK_DEAD_ACUTE, 'q')).isEqualTo(-1);
    }

    @Test
    void scancodesForLayoutIndependentKeysAlwaysForCharacterKeysOnlyOnUs() {
        assertThat(XtScancodes.scancode(VK_ESCAPE, KEY_LOCATION_STANDARD, false)).isEqualTo(0x01);
        assertThat(XtScancodes.scancode(VK_ENTER, KEY_LOCATION_STANDARD, false)).isEqualTo(0x1c);
        assertThat(XtScancodes.scancode(VK_ENTER, KEY_LOCATION_NUMPAD, false)).isEqualTo(0x9c);
        assertThat(XtScancodes.scancode(VK_CONTROL, KEY_LOCATION_RIGHT, false)).isEqualTo(0x9d);
        assertThat(XtScancodes.scancode(VK_SHIFT, KEY_LOCATION_RIGHT, false)).isEqualTo(0x36);
        assertThat(XtScancodes.scancode(VK_ALT_GRAPH, KEY_LOCATION_RIGHT, false)).isEqualTo(0xb8);
        assertThat(XtScancodes.scancode(VK_UP, KEY_LOCATION_STANDARD, false)).isEqualTo(0xc8);
        assertThat(XtScancodes.scancode(VK_UP, KEY_LOCATION_NUMPAD, false)).isEqualTo(0x48);
        assertThat(XtScancodes.scancode(VK_DELETE, KEY_LOCATION_STANDARD, false)).isEqualTo(0xd3);
        assertThat(XtScancodes.scancode(VK_F1, KEY_LOCATION_STANDARD, false)).isEqualTo(0x3b);
        assertThat(XtScancodes.scancode(VK_F12, KEY_LOCATION_STANDARD, false)).isEqualTo(0x58);
        assertThat(XtScancodes.scancode(VK_NUMPAD5, KEY_LOCATION_NUMPAD, false)).isEqualTo(0x4c);
        assertThat(XtScancodes.scancode(VK_DIVIDE, KEY_LOCATION_NUMPAD, false)).isEqualTo(0xb5);

        assertThat(XtScancodes.scancode(VK_A, KEY_LOCATION_STANDARD, true)).isEqualTo(0x1e);
        assertThat(XtScancodes.scancode(VK_Q, KEY_LOCATION_STANDARD, true)).isEqualTo(0x10);
        assertThat(XtScancodes.scancode(VK_Z, KEY_LOCATION_STANDARD, true)).isEqualTo(0x2c);
        assertThat(XtScancodes.scancode(VK_M, KEY_LOCATION_STANDARD, true)).isEqualTo(0x32);
        assertThat(XtScancodes.scancode(VK_1, KEY_LOCATION_STANDARD, true)).isEqualTo(0x02);
        assertThat(XtScancodes.scancode(VK_0, KEY_LOCATION_STANDARD, true)).isEqualTo(0x0b);
        assertThat(XtScancodes.scancode(VK_SLASH, KEY_LOCATION_STANDARD, true)).isEqualTo(0x35);
        assertThat(XtScancodes.scancode(VK_BACK_QUOTE, KEY_LOCATION_STANDARD, true)).isEqualTo(0x29);
        assertThat(XtScancodes.scancode(VK_Z, KEY_LOCATION_STANDARD, false)).isZero();
    }

    /** Records what the translator sends. */
    static final class Recorder implements KeySink {
        final List<String> events = new ArrayList<>();

        @Override
        public void key(boolean down, int keysym, int scancode) {
            events.add((down ? "+" : "-") + Integer.toHexString(keysym) + (scancode != 0 ? "/" + Integer.toHexString(scancode) : ""));
        }
    }

    @Test
    void releaseRepeatsThePressEvenAfterShiftWasLetGo() {
        Recorder r = new Recorder();
        KeyTranslator t = new KeyTranslator(r, true);
        t.handle(press(VK_SHIFT, CHAR_UNDEFINED, KEY_LOCATION_LEFT, SHIFT_DOWN_MASK));
        t.handle(press(VK_A, 'A', KEY_LOCATION_STANDARD, SHIFT_DOWN_MASK));
        t.handle(typed('A'));
        t.handle(release(VK_SHIFT, CHAR_UNDEFINED, KEY_LOCATION_LEFT, 0));
        t.handle(release(VK_A, 'a', KEY_LOCATION_STANDARD, 0));
        assertThat(r.events).containsExactly("+ffe1/2a", "+41/1e", "-ffe1/2a", "-41/1e");
    }

    @Test
    void altGrCharactersCarryNoScancodeOfTheUnshiftedKey() {
        Recorder r = new Recorder();
        KeyTranslator t = new KeyTranslator(r, true);
        t.handle(press(VK_ALT_GRAPH, CHAR_UNDEFINED, KEY_LOCATION_RIGHT, ALT_GRAPH_DOWN_MASK));
        t.handle(press(VK_Q, '@', KEY_LOCATION_STANDARD, ALT_GRAPH_DOWN_MASK));
        t.handle(release(VK_Q, '@', KEY_LOCATION_STANDARD, ALT_GRAPH_DOWN_MASK));
        t.handle(release(VK_ALT_GRAPH, CHAR_UNDEFINED, KEY_LOCATION_RIGHT, 0));
        assertThat(r.events).containsExactly("+fe03/b8", "+40", "-40", "-fe03/b8");
    }

    @Test
    void nonUsLayoutSendsNoScancodesForCharacterKeys() {
        Recorder r = new Recorder();
        KeyTranslator t = new KeyTranslator(r, false);
        t.handle(press(VK_Z, 'z', KEY_LOCATION_STANDARD, 0));
        t.handle(release(VK_Z, 'z', KEY_LOCATION_STANDARD, 0));
        t.handle(press(VK_ENTER, '\n', KEY_LOCATION_STANDARD, 0));
        t.handle(release(VK_ENTER, '\n', KEY_LOCATION_STANDARD, 0));
        assertThat(r.events).containsExactly("+7a", "-7a", "+ff0d/1c", "-ff0d/1c");
    }

    @Test
    void deadKeyThenLetterSendsTheComposedCharacter() {
        Recorder r = new Recorder();
        KeyTranslator t = new KeyTranslator(r, false);
        t.handle(press(VK_DEAD_ACUTE, CHAR_UNDEFINED, KEY_LOCATION_STANDARD, 0));
        t.handle(release(VK_DEAD_ACUTE, CHAR_UNDEFINED, KEY_LOCATION_STANDARD, 0));
        t.handle(press(VK_E, 'e', KEY_LOCATION_STANDARD, 0));
        t.handle(typed('é'));
        t.handle(release(VK_E, 'e', KEY_LOCATION_STANDARD, 0));
        // dead key then a letter it does not combine with: the accent, then the letter
        t.handle(press(VK_DEAD_CIRCUMFLEX, CHAR_UNDEFINED, KEY_LOCATION_STANDARD, 0));
        t.handle(press(VK_Q, 'q', KEY_LOCATION_STANDARD, 0));
        t.handle(release(VK_Q, 'q', KEY_LOCATION_STANDARD, 0));
        assertThat(r.events).containsExactly("+e9", "-e9", "+5e", "-5e", "+71", "-71");
    }

    @Test
    void charactersOnlyTypedAreSentAsPressAndRelease() {
        Recorder r = new Recorder();
        KeyTranslator t = new KeyTranslator(r, false);
        t.handle(press(VK_UNDEFINED, CHAR_UNDEFINED, KEY_LOCATION_UNKNOWN, 0));
        t.handle(typed('ж'));
        t.handle(release(VK_UNDEFINED, CHAR_UNDEFINED, KEY_LOCATION_UNKNOWN, 0));
        assertThat(r.events).containsExactly("+1000436", "-1000436");
    }

    @Test
    void focusLossReleasesEverythingNewestFirst() {
        Recorder r = new Recorder();
        KeyTranslator t = new KeyTranslator(r, true);
        t.handle(press(VK_CONTROL, CHAR_UNDEFINED, KEY_LOCATION_LEFT, CTRL_DOWN_MASK));
        t.handle(press(VK_ALT, CHAR_UNDEFINED, KEY_LOCATION_LEFT, CTRL_DOWN_MASK | ALT_DOWN_MASK));
        t.handle(press(VK_T, (char) 20, KEY_LOCATION_STANDARD, CTRL_DOWN_MASK | ALT_DOWN_MASK));
        r.events.clear();
        t.releaseAll();
        assertThat(r.events).containsExactly("-74/14", "-ffe9/38", "-ffe3/1d");
        assertThat(t.tracker().pressed()).isEmpty();
        r.events.clear();
        t.handle(release(VK_T, 't', KEY_LOCATION_STANDARD, 0));
        assertThat(r.events).isEmpty();
    }

    @Test
    void aModifierReleasedElsewhereIsReleasedOnTheNextEvent() {
        Recorder r = new Recorder();
        KeyTranslator t = new KeyTranslator(r, false);
        t.handle(press(VK_SHIFT, CHAR_UNDEFINED, KEY_LOCATION_LEFT, SHIFT_DOWN_MASK));
        t.handle(press(VK_B, 'b', KEY_LOCATION_STANDARD, 0)); // Shift's release went elsewhere
        assertThat(r.events).containsExactly("+ffe1/2a", "-ffe1/2a", "+62");
    }

    @Test
    void ctrlAltDel() {
        Recorder r = new Recorder();
        KeyTranslator.sendCtrlAltDel(r);
        assertThat(r.events).containsExactly("+ffe3/1d", "+ffe9/38", "+ffff/d3", "-ffff/d3", "-ffe9/38", "-ffe3/1d");
    }
}
