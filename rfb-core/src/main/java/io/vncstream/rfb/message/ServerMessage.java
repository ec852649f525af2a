package io.vncstream.rfb.message;

/** Server-to-client message types (RFC 6143 7.6). */
public final class ServerMessage {
    private ServerMessage() {
    }

    public static final int FRAMEBUFFER_UPDATE = 0;
    public static final int SET_COLOUR_MAP_ENTRIES = 1;
    public static final int BELL = 2;
    public static final int SERVER_CUT_TEXT = 3;
    /** TigerVNC's EndOfContinuousUpdates: no body; also how a server says it supports them. */
    public static final int END_OF_CONTINUOUS_UPDATES = 150;
    /** Fence (rfbproto 7.7.4), the same number as the client's. */
    public static final int FENCE = 248;
    /** XVP (rfbproto 7.7.5): the server's answer to XVP messages. */
    public static final int XVP = 250;
    /** QEMU's message type; sub-type 2 carries the stream extension. */
    public static final int QEMU = 255;

    /** The message's name as the protocol documents call it, for errors. */
    public static String name(int type) {
        return switch (type) {
            case FRAMEBUFFER_UPDATE -> "FramebufferUpdate";
            case SET_COLOUR_MAP_ENTRIES -> "SetColourMapEntries";
            case BELL -> "Bell";
            case SERVER_CUT_TEXT -> "ServerCutText";
            case END_OF_CONTINUOUS_UPDATES -> "EndOfContinuousUpdates";
            case FENCE -> "Fence";
            case XVP -> "XVP";
            case QEMU -> "QEMU";
            default -> "type " + type;
        };
    }
}
