package io.vncstream.rfb;

/**
 * Every length read from the wire is checked against one of these before anything is allocated.
 * They are generous for real use and small enough that a hostile peer cannot exhaust memory.
 */
public final class Limits {
    private Limits() {
    }

    /** Largest framebuffer side we accept: RFB sizes are u16, but 16384 is beyond any real desktop. */
    public static final int MAX_FRAMEBUFFER_SIDE = 16384;
    /**
     * Largest framebuffer area: an 8K UHD screen (7680x4320, 127 MiB as ARGB ints), or four 4K
     * screens side by side. The side limit alone would let a server make the client allocate
     * 1 GiB (16384x16384), and a resize holds the old and the new picture at once.
     */
    public static final int MAX_FRAMEBUFFER_PIXELS = 7680 * 4320;
    /** Desktop and device names. */
    public static final int MAX_DESKTOP_NAME = 4096;
    /** A server's textual reason for refusing a connection or an authentication. */
    public static final int MAX_REASON = 64 * 1024;
    /** ServerCutText / ClientCutText. */
    public static final int MAX_CUT_TEXT = 16 * 1024 * 1024;
    /** Fence payload: rfbproto caps it at 64 bytes. */
    public static final int MAX_FENCE_DATA = 64;
    /** One QEMU audio data message (QEMU sends a few KiB of samples at a time). */
    public static final int MAX_AUDIO_DATA = 1024 * 1024;
    /** Compressed payload of one Zlib, ZRLE or Tight rectangle (or Tight JPEG). */
    public static final int MAX_COMPRESSED_RECT = 64 * 1024 * 1024;
    /** Rich cursor side, as TigerVNC does. */
    public static final int MAX_CURSOR_SIDE = 256;
    /** Rectangles in one FramebufferUpdate (u16 on the wire, but LastRect allows 65535 markers). */
    public static final int MAX_RECTS_PER_UPDATE = 65535;
    /** RRE subrectangles in one rectangle. */
    public static final int MAX_RRE_SUBRECTS = 1 << 24;
    /**
     * Security types offered by a server in one list. The count is a u8, so this is a sanity
     * bound rather than a memory one: the registry assigns fewer than 64 types and real servers
     * offer a handful, so a longer list is garbage (or not an RFB server) and ends the handshake.
     */
    public static final int MAX_SECURITY_TYPES = 64;
    /**
     * VeNCrypt sub-types offered in one list (a u8 count of u32 types): the specification defines
     * nine and real servers offer at most that; a longer list is garbage and ends the handshake.
     */
    public static final int MAX_VENCRYPT_SUBTYPES = 32;
    /**
     * One TLS record as the engine buffers it: TLS allows 16 KiB of plaintext plus overhead (the
     * JDK asks for about 16.3 KiB, or 32 KiB for a peer sending oversized records); more is refused.
     */
    public static final int MAX_TLS_PACKET = 64 * 1024;
    /** Stream extension: one send-data payload. */
    public static final int MAX_STREAM_DATA = 1024 * 1024;
    /** Stream extension: one device name. */
    public static final int MAX_STREAM_NAME = 255;

    /**
     * The limit on the compressed length of a rectangle whose data can take at most
     * {@code uncompressed} bytes: zlib's worst case for data that does not compress (stored
     * blocks, an eighth more is far above it) plus room for headers and flush markers, and never
     * above {@link #MAX_COMPRESSED_RECT}. A small screen's rectangles cannot announce 60 MiB.
     */
    public static int compressedLimit(long uncompressed) {
        long bound = uncompressed + (uncompressed >> 3) + 4096;
        return (int) Math.min(MAX_COMPRESSED_RECT, bound);
    }

    /** "64 MiB", "255 bytes": how limits are named in error messages. */
    public static String describe(long limit) {
        if (limit >= 1024 * 1024 && limit % (1024 * 1024) == 0) {
            return (limit / (1024 * 1024)) + " MiB";
        }
        if (limit >= 1024 && limit % 1024 == 0) {
            return (limit / 1024) + " KiB";
        }
        return limit + " bytes";
    }
}
