package io.vncstream.terminal.emulation;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a stream of UTF-8 chunks into characters. A character whose bytes are split across
 * chunks is held back (at most three bytes) until the rest arrives, instead of being replaced;
 * bytes that can never be valid UTF-8 become U+FFFD so that a noisy serial line still shows.
 *
 * <p>Not thread-safe: one instance belongs to the thread that decodes.
 */
public final class Utf8ChunkDecoder {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    /** The unfinished tail of the previous chunk; never more than 3 bytes. */
    private final byte[] carry = new byte[4];
    private int carryLength;

    /** Decodes one chunk; returns the characters now complete, ready for reading. */
    public CharBuffer decode(byte[] bytes, int offset, int length) {
        ByteBuffer in;
        if (carryLength == 0) {
            in = ByteBuffer.wrap(bytes, offset, length);
        } else {
            byte[] joined = new byte[carryLength + length];
            System.arraycopy(carry, 0, joined, 0, carryLength);
            System.arraycopy(bytes, offset, joined, carryLength, length);
            in = ByteBuffer.wrap(joined);
        }
        // UTF-8 never yields more chars than bytes, so one buffer of that size always suffices.
        CharBuffer out = CharBuffer.allocate(in.remaining());
        decoder.decode(in, out, false);
        carryLength = in.remaining();
        in.get(carry, 0, carryLength);
        out.flip();
        return out;
    }

    /** Bytes held back waiting for the rest of their character. */
    public int pendingBytes() {
        return carryLength;
    }

    /**
     * Forgets a held-back partial character, for a new stream: its continuation will not come.
     * Returns U+FFFD when something was dropped so that the loss is visible, else an empty string.
     */
    public String reset() {
        boolean dropped = carryLength > 0;
        carryLength = 0;
        decoder.reset();
        return dropped ? "\uFFFD" : "";
    }
}
