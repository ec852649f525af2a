package io.vncstream.rfb.decode;

import io.vncstream.rfb.Limits;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.io.RfbInput;

import java.io.EOFException;
import java.io.IOException;

/** Zlib (6): Raw pixels through one zlib stream that lasts the whole connection. */
public final class ZlibDecoder implements Decoder {
    private final ZlibStream stream = new ZlibStream();
    private final RawDecoder raw = new RawDecoder();

    @Override
    public void readRect(RectHeader rect, RfbInput in, DecodeContext ctx) throws IOException {
        in.skip(readLength(rect, in, ctx));
    }

    @Override
    public void decodeRect(RectHeader rect, RfbInput in, DecodeContext ctx, Framebuffer fb) throws IOException {
        int length = readLength(rect, in, ctx);
        long expected = rect.area() * ctx.format().bytesPerPixel();
        in.ensure(length);
        RfbInput data = stream.open(in.array(), in.arrayOffset(), length, rect);
        try {
            raw.decodeRect(rect, data, ctx, fb);
        } catch (EOFException e) {
            throw new RfbProtocolException(rect.describe() + ": zlib data holds " + stream.produced()
                    + " bytes, the rectangle needs " + expected);
        }
        stream.finish(data, null);
        in.skip(length);
    }

    private static int readLength(RectHeader rect, RfbInput in, DecodeContext ctx) throws IOException {
        long pixelBytes = rect.area() * ctx.format().bytesPerPixel();
        return rect.checkLength("compressed length", in.readU32(), Limits.compressedLimit(pixelBytes));
    }

    @Override
    public boolean ordered() {
        return true;
    }
}
