package io.vncstream.rfb.message;

/** Server-to-client message types (RFC 6143 7.6). */
public final class ServerMessage {
    private ServerMessage() {
    }

    public static final int FRAMEBUFFER_UPDATE = 0;
    public static final int SET_COLOUR_MAP_ENTRIES = 1;
    public static final int BELL = 2;
    public static final int SERVER_CUT_TEXT = 3;
    /** QEMU's message type; sub-type 2 carries the stream extension. */
    public static final int QEMU = 255;
}
