package io.vncstream.rfb.handshake;

import io.vncstream.rfb.Limits;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.pixel.PixelFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** ServerInit: framebuffer size, the server's natural pixel format and the desktop name. */
public record ServerInit(int width, int height, PixelFormat format, String name) {
    public static ServerInit read(RfbInput in) throws IOException {
        int width = in.readU16();
        int height = in.readU16();
        checkSize("ServerInit", width, height);
        PixelFormat format = PixelFormat.read(in);
        int nameLength = in.readLength("ServerInit: desktop name length", Limits.MAX_DESKTOP_NAME);
        String name = new String(in.readBytes(nameLength), StandardCharsets.UTF_8);
        return new ServerInit(width, height, format, name);
    }

    public void write(ByteArray out) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        out.u16(width).u16(height);
        format.write(out);
        out.u32(n.length).bytes(n);
    }

    /** Framebuffer sizes from the wire must be within {@link Limits#MAX_FRAMEBUFFER_SIDE} and {@link Limits#MAX_FRAMEBUFFER_PIXELS}. */
    public static void checkSize(String where, int width, int height) throws RfbProtocolException {
        if (width > Limits.MAX_FRAMEBUFFER_SIDE || height > Limits.MAX_FRAMEBUFFER_SIDE) {
            throw new RfbProtocolException(where + ": framebuffer " + width + "x" + height + " exceeds limit "
                    + Limits.MAX_FRAMEBUFFER_SIDE + " per side");
        }
        long pixels = (long) width * height;
        if (pixels > Limits.MAX_FRAMEBUFFER_PIXELS) {
            throw new RfbProtocolException(where + ": framebuffer " + width + "x" + height + " (" + pixels
                    + " pixels) exceeds limit " + Limits.MAX_FRAMEBUFFER_PIXELS + " pixels (8K UHD)");
        }
    }
}
