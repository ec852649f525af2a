package io.vncstream.rfb.decode;

import io.vncstream.rfb.Encodings;

import java.util.HashMap;
import java.util.Map;

/** One connection's decoders, by encoding number; created per connection (zlib state is per connection). */
public final class Decoders {
    private final Map<Integer, Decoder> byEncoding = new HashMap<>();

    public Decoders() {
        byEncoding.put(Encodings.RAW, new RawDecoder());
        byEncoding.put(Encodings.COPY_RECT, new CopyRectDecoder());
        byEncoding.put(Encodings.RRE, new RreDecoder());
        byEncoding.put(Encodings.HEXTILE, new HextileDecoder());
        byEncoding.put(Encodings.ZLIB, new ZlibDecoder());
        byEncoding.put(Encodings.TIGHT, new TightDecoder());
        byEncoding.put(Encodings.ZRLE, new ZrleDecoder());
    }

    /** The decoder for an encoding, or null when it is not one we decode. */
    public Decoder get(int encoding) {
        return byEncoding.get(encoding);
    }

    public static boolean isSupported(int encoding) {
        return switch (encoding) {
            case Encodings.RAW, Encodings.COPY_RECT, Encodings.RRE, Encodings.HEXTILE,
                    Encodings.ZLIB, Encodings.TIGHT, Encodings.ZRLE -> true;
            default -> false;
        };
    }
}
