package io.vncstream.rfb.message;

import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;

/**
 * EnableContinuousUpdates (150, rfbproto 7.5.8): the server sends updates of this area as they
 * happen, without a FramebufferUpdateRequest each; disabling is answered by
 * EndOfContinuousUpdates.
 */
public record EnableContinuousUpdates(boolean enable, int x, int y, int width, int height) implements ClientMessage {
    @Override
    public void write(ByteArray out) {
        out.u8(ENABLE_CONTINUOUS_UPDATES).u8(enable ? 1 : 0).u16(x).u16(y).u16(width).u16(height);
    }

    /** Reads the body that follows the type byte. */
    public static EnableContinuousUpdates read(RfbInput in) throws IOException {
        boolean enable = in.readU8() != 0;
        return new EnableContinuousUpdates(enable, in.readU16(), in.readU16(), in.readU16(), in.readU16());
    }
}
