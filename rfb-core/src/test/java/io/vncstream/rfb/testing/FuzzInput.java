package io.vncstream.rfb.testing;

import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.pixel.PixelFormat;

import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * A fuzzer's bytes as a connection: the first byte chooses the setting (pixel format, a
 * password or not) and how the bytes arrive (in one piece or one per read, which exercises
 * the buffer refills); the rest is what the peer sends. The stream is finite, so its end is
 * the peer closing the connection.
 */
public record FuzzInput(int selector, RfbInput in) {
    /** The formats a server may send in: true colour of every width and byte order, and a colour map. */
    public static final List<PixelFormat> FORMATS = List.of(
            PixelFormat.TRUE_COLOUR_32,
            new PixelFormat(32, 24, true, true, 255, 255, 255, 16, 8, 0),
            new PixelFormat(32, 24, false, true, 255, 255, 255, 24, 16, 8),
            new PixelFormat(16, 16, false, true, 31, 63, 31, 11, 5, 0),
            new PixelFormat(16, 15, true, true, 31, 31, 31, 10, 5, 0),
            new PixelFormat(8, 8, false, true, 7, 7, 3, 0, 3, 6),
            new PixelFormat(8, 8, false, false, 0, 0, 0, 0, 0, 0),
            new PixelFormat(32, 24, true, true, 255, 255, 255, 0, 8, 16));

    public static FuzzInput of(byte[] data) {
        int selector = data.length == 0 ? 0 : data[0] & 0xFF;
        int offset = Math.min(1, data.length);
        byte[] wire = java.util.Arrays.copyOfRange(data, offset, data.length);
        boolean oneByteAtATime = (selector & 0x80) != 0;
        RfbInput in = RfbInput.of(oneByteAtATime ? new OneByteAtATimeInputStream(wire) : new ByteArrayInputStream(wire));
        return new FuzzInput(selector, in);
    }

    public PixelFormat format() {
        return FORMATS.get(selector & 7);
    }

    /** For handshakes: whether the user has a password to give / the server asks for one. */
    public boolean withPassword() {
        return (selector & 1) != 0;
    }
}
