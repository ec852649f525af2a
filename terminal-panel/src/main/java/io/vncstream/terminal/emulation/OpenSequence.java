package io.vncstream.terminal.emulation;

/**
 * Follows the escape-sequence state of the characters handed to the emulator, so that when a
 * stream breaks off in the middle of a sequence the sequence can be ended harmlessly before a
 * note or the next stream's output: otherwise the core would take them as the sequence's
 * remainder (and it prints an aborted CSI as text, so CAN alone does not do).
 */
final class OpenSequence {
    private static final char ESC = 0x1b;
    private static final char BEL = 0x07;
    private static final char CAN = 0x18;
    private static final char SUB = 0x1a;

    private enum State { GROUND, ESCAPE, ESCAPE_INTERMEDIATE, CSI, STRING, STRING_ESCAPE }

    private State state = State.GROUND;

    void feed(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (state == State.GROUND) {
                // The common case, kept to one comparison per character.
                if (c == ESC) {
                    state = State.ESCAPE;
                }
            } else {
                step(c);
            }
        }
    }

    private void step(char c) {
        // The states follow what JediTerm's core does, which is not quite what ECMA-48 says: CAN
        // and SUB cancel only an escape; a CSI reads on through anything but its final byte,
        // and an OSC or DCS string through anything but its terminator.
        if ((c == CAN || c == SUB) && (state == State.ESCAPE || state == State.ESCAPE_INTERMEDIATE)) {
            state = State.GROUND;
            return;
        }
        switch (state) {
            case ESCAPE -> afterEscape(c);
            case ESCAPE_INTERMEDIATE -> {
                if (c == ESC) {
                    state = State.ESCAPE;
                } else if (c >= 0x30 && c <= 0x7e) {
                    state = State.GROUND;
                }
            }
            case CSI -> {
                if (c >= 0x40 && c <= 0x7e) {
                    state = State.GROUND;
                }
            }
            case STRING -> {
                if (c == BEL) {
                    state = State.GROUND;
                } else if (c == ESC) {
                    state = State.STRING_ESCAPE;
                }
            }
            case STRING_ESCAPE -> {
                if (c == '\\') {
                    state = State.GROUND;
                } else {
                    afterEscape(c);
                }
            }
            default -> {
            }
        }
    }

    private void afterEscape(char c) {
        if (c == '[') {
            state = State.CSI;
        } else if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {
            state = State.STRING;
        } else if (c >= 0x20 && c <= 0x2f) {
            state = State.ESCAPE_INTERMEDIATE;
        } else if (c == ESC) {
            state = State.ESCAPE;
        } else {
            state = State.GROUND;
        }
    }

    /**
     * Characters that end the open sequence, if any, without effect, and leave the emulator in
     * its ground state: CAN after a bare escape, a final byte no control sequence uses after a
     * CSI, the string terminator after an OSC or DCS.
     */
    String close() {
        String closer = switch (state) {
            case GROUND -> "";
            case ESCAPE, ESCAPE_INTERMEDIATE -> String.valueOf(CAN);
            case CSI -> "~";
            case STRING -> ESC + "\\";
            case STRING_ESCAPE -> "\\";
        };
        state = State.GROUND;
        return closer;
    }
}
