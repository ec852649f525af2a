package io.vncstream.rfb.message;

import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.pixel.PixelFormat;

import java.io.IOException;

/** SetPixelFormat (0): the format the client wants pixels in from now on. */
public record SetPixelFormat(PixelFormat format) implements ClientMessage {
    @Override
    public void write(ByteArray out) {
        out.u8(SET_PIXEL_FORMAT).padding(3);
        format.write(out);
    }

    /** Reads the body that follows the type byte. */
    public static SetPixelFormat read(RfbInput in) throws IOException {
        in.skip(3);
        return new SetPixelFormat(PixelFormat.read(in));
    }
}
