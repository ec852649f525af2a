package io.vncstream.rfb.message;

import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;

/** FramebufferUpdateRequest (3). */
public record FramebufferUpdateRequest(boolean incremental, int x, int y, int width, int height) implements ClientMessage {
    @Override
    public void write(ByteArray out) {
        out.u8(FRAMEBUFFER_UPDATE_REQUEST).u8(incremental ? 1 : 0).u16(x).u16(y).u16(width).u16(height);
    }

    public static FramebufferUpdateRequest read(RfbInput in) throws IOException {
        boolean incremental = in.readU8() != 0;
        return new FramebufferUpdateRequest(incremental, in.readU16(), in.readU16(), in.readU16(), in.readU16());
    }
}
