package io.vncstream.rfb.decode;

import io.vncstream.rfb.Limits;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;

/** Zlib (6): Raw pixels through one zlib stream that lasts the whole connection. */
public final class ZlibDecoder implements Decoder {
    private final ZlibStream stream = new ZlibStream();
    private final RawDecoder raw = new RawDecoder();

    @Override
    public void readRect(RectHeader rect, RfbInput in, DecodeContext ctx) throws IOException {
        in.skip(in.readLength(rect.describe() + ": compressed length", Limits.MAX_COMPRESSED_RECT));
    }

    @Override
    public void decodeRect(RectHeader rect, RfbInput in, DecodeContext ctx, Framebuffer fb) throws IOException {
        int length = in.readLength(rect.describe() + ": compressed length", Limits.MAX_COMPRESSED_RECT);
        int expected = Math.multiplyExact(rect.width() * rect.height(), ctx.format().bytesPerPixel());
        in.ensure(length);
        int produced = stream.inflate(in.array(), in.arrayOffset(), length, expected, rect.describe());
        in.skip(length);
        if (produced != expected) {
            throw new RfbProtocolException(rect.describe() + ": zlib data holds " + produced
                    + " bytes, the rectangle needs " + expected);
        }
        raw.decodeRect(rect, RfbInput.wrap(stream.output(), produced), ctx, fb);
    }

    @Override
    public boolean ordered() {
        return true;
    }
}
