package io.vncstream.rfb.decode;

import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;

/**
 * One encoding, in two phases (as TigerVNC's decoders). Phase one runs on the network thread and
 * only consumes the rectangle's encoded bytes, checking every length against its limit; the
 * caller records what it consumed (see {@link RfbInput#startRecording}). The gateway needs no
 * more than that to find message boundaries. Phase two turns the recorded bytes into pixels.
 * <p>
 * A decoder instance belongs to one connection: Zlib, ZRLE and Tight keep zlib streams across
 * rectangles, so their phase two must run in wire order ({@link #ordered()}).
 * The caller has already checked that the rectangle lies inside the framebuffer.
 */
public interface Decoder {
    /** Phase one: consume exactly this rectangle's encoded bytes. */
    void readRect(RectHeader rect, RfbInput in, DecodeContext ctx) throws IOException;

    /** Phase two: paint the rectangle from the bytes phase one consumed, and report its damage. */
    void decodeRect(RectHeader rect, RfbInput encoded, DecodeContext ctx, Framebuffer fb) throws IOException;

    /**
     * Whether phase two may read the rectangle straight off the connection, phase one skipped,
     * when nothing else needs the bytes (the client decoding in wire order), so they are neither
     * recorded and copied nor parsed twice: Raw and Hextile. Such a decoder reads exactly its
     * rectangle, never ahead (on a socket that would wait for the next update), and needs no
     * more contiguous than the input's buffer holds. ZRLE, Zlib and Tight were tried this way,
     * their compressed bytes left in the input's buffer: no gain the benchmarks could show.
     */
    default boolean decodesFromStream() {
        return false;
    }

    /**
     * Whether this rectangle may be painted on another thread than the one reading the
     * connection ({@link DecodePipeline}): phase one then inflates its zlib data with
     * {@link #readAhead}, and the painter paints the result with {@link #paintAhead}. ZRLE and
     * Tight, whose inflating is most of their time; a rectangle whose inflated data could
     * exceed {@link DecodePipeline#MAX_ITEM} is decoded in place as before.
     */
    default boolean paintsAhead(RectHeader rect, DecodeContext ctx) {
        return false;
    }

    /**
     * Phase one for a painter: consume the rectangle's bytes and append to {@code out} what
     * {@link #paintAhead} needs, its zlib data inflated (the streams are the reading thread's).
     */
    default void readAhead(RectHeader rect, RfbInput in, DecodeContext ctx, ByteArray out) throws IOException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not read ahead");
    }

    /** Phase two on the painter: paint what {@link #readAhead} wrote; uses no zlib stream. */
    default void paintAhead(RectHeader rect, RfbInput prepared, DecodeContext ctx, Framebuffer fb) throws IOException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not paint ahead");
    }

    /** Whether rectangles of this encoding must be decoded one after another in wire order. */
    default boolean ordered() {
        return false;
    }
}
