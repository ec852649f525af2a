package io.vncstream.rfb.message;

import io.vncstream.rfb.io.ByteArray;

/** A client-to-server message: it writes its complete wire form, type byte included. */
public interface ClientMessage {
    int SET_PIXEL_FORMAT = 0;
    int SET_ENCODINGS = 2;
    int FRAMEBUFFER_UPDATE_REQUEST = 3;
    int KEY_EVENT = 4;
    int POINTER_EVENT = 5;
    int CLIENT_CUT_TEXT = 6;
    /** TigerVNC's EnableContinuousUpdates. */
    int ENABLE_CONTINUOUS_UPDATES = 150;
    /** Fence (rfbproto 7.5.6), the same message number in both directions. */
    int FENCE = 248;
    /** XVP power control (rfbproto 7.5.7). */
    int XVP = 250;
    /** SetDesktopSize (rfbproto 7.5.5): remote resize. */
    int SET_DESKTOP_SIZE = 251;
    /** QEMU's message type; sub-type 0 is the extended key event, 2 the stream extension. */
    int QEMU = 255;

    void write(ByteArray out);

    default byte[] toBytes() {
        ByteArray out = new ByteArray(32);
        write(out);
        return out.toByteArray();
    }
}
