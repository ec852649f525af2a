package io.vncstream.viewer.cli;

import java.io.ByteArrayOutputStream;

/**
 * Removes from a byte stream the sequences that make a terminal answer: cursor position and
 * status reports (CSI n), device attributes (CSI c, ESC Z), terminal parameters (CSI x), window
 * reports and operations (CSI t), mode and setting requests (CSI $p, DCS $q, DCS +q, CSI &gt;q,
 * CSI ?u), colour queries (OSC with a {@code ?} field) and the answerback request (ENQ).
 * {@code vncstream console} passes the server's replay through it on a terminal: the device asked
 * those long ago, and the user's terminal (or tmux) would answer them into the device as if typed.
 *
 * <p>It keeps the bytes of a sequence it has not seen the end of, so a chunk may end anywhere;
 * a sequence longer than a query can be is passed on as it is. Everything else passes unchanged.
 */
final class TerminalQueries {
    private static final byte ESC = 0x1b;
    private static final byte ENQ = 0x05;
    private static final byte BEL = 0x07;
    /** A CSI longer than this is not a query (queries are a few parameters); it passes. */
    static final int MAX_CSI = 64;
    /** An OSC or DCS longer than this (a title, a clipboard transfer) is not a query; it passes. */
    static final int MAX_STRING = 512;

    private enum State { TEXT, ESCAPE, CSI, STRING, STRING_ESCAPE }

    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private State state = State.TEXT;

    /** The bytes of {@code data[off, off+len)} to show, queries removed; may hold back a sequence's start. */
    byte[] filter(byte[] data, int off, int len) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(len);
        for (int i = off; i < off + len; i++) {
            step(data[i], out);
        }
        return out.toByteArray();
    }

    /**
     * After the replay: live output, where only the end of a query that the replay began is
     * still removed; the rest passes unchanged.
     */
    byte[] finish(byte[] data, int off, int len) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(len);
        int i = off;
        while (i < off + len && inSequence()) {
            step(data[i++], out);
        }
        out.write(data, i, off + len - i);
        return out.toByteArray();
    }

    /** Whether a sequence has begun and not ended: its end is still to be filtered. */
    boolean inSequence() {
        return state != State.TEXT;
    }

    /** What is held back (an unfinished sequence), to be shown as it is; the filter starts over. */
    byte[] release() {
        byte[] rest = held.toByteArray();
        held.reset();
        state = State.TEXT;
        return rest;
    }

    private void step(byte b, ByteArrayOutputStream out) {
        switch (state) {
            case TEXT -> {
                if (b == ESC) {
                    held.write(b);
                    state = State.ESCAPE;
                } else if (b != ENQ) {
                    out.write(b);
                }
            }
            case ESCAPE -> {
                held.write(b);
                if (b == '[') {
                    state = State.CSI;
                } else if (b == ']' || b == 'P') {
                    state = State.STRING;
                } else if (b == ESC) {
                    // ESC ESC: the first stands alone, the second may start a sequence.
                    out.write(ESC);
                    held.reset();
                    held.write(ESC);
                } else {
                    end(out, b == 'Z');
                }
            }
            case CSI -> {
                held.write(b);
                if (b >= 0x40 && b <= 0x7e) {
                    end(out, isQueryCsi(held.toByteArray()));
                } else if (held.size() > MAX_CSI) {
                    end(out, false);
                }
            }
            case STRING -> {
                held.write(b);
                if (b == BEL) {
                    end(out, isQueryString(held.toByteArray(), 1));
                } else if (b == ESC) {
                    state = State.STRING_ESCAPE;
                } else if (held.size() > MAX_STRING) {
                    end(out, false);
                }
            }
            case STRING_ESCAPE -> {
                held.write(b);
                if (b == '\\') {
                    end(out, isQueryString(held.toByteArray(), 2));
                } else {
                    // ESC inside a string ends it (as terminals do) and may start a sequence.
                    byte[] all = held.toByteArray();
                    out.write(all, 0, all.length - 2);
                    held.reset();
                    state = State.TEXT;
                    step(ESC, out);
                    step(b, out);
                }
            }
        }
    }

    private void end(ByteArrayOutputStream out, boolean query) {
        if (!query) {
            out.writeBytes(held.toByteArray());
        }
        held.reset();
        state = State.TEXT;
    }

    /** {@code seq} is ESC [ parameters intermediates final. */
    private static boolean isQueryCsi(byte[] seq) {
        byte last = seq[seq.length - 1];
        byte prefix = seq.length > 3 ? seq[2] : 0;
        byte intermediate = seq.length > 3 ? seq[seq.length - 2] : 0;
        return switch (last) {
            case 'n', 'c', 'x', 't' -> intermediate != '$' && intermediate != ' ';
            case 'p', 'w' -> intermediate == '$';
            case 'q' -> prefix == '>';
            case 'u' -> prefix == '?';
            default -> false;
        };
    }

    /** {@code seq} is ESC ] or ESC P, a body, then a terminator of {@code terminator} bytes. */
    private static boolean isQueryString(byte[] seq, int terminator) {
        String body = new String(seq, 2, seq.length - 2 - terminator, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (seq[1] == 'P') {
            return body.startsWith("$q") || body.startsWith("+q");
        }
        for (String field : body.split(";", -1)) {
            if (field.equals("?")) {
                return true;
            }
        }
        return false;
    }
}
