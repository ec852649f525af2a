package io.vncstream.rfb.stream;

import io.vncstream.rfb.Limits;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Device names on the wire: a u32 length (at most 255) and UTF-8 bytes. */
final class StreamNames {
    private StreamNames() {
    }

    static String read(RfbInput in, String what) throws IOException {
        int length = in.readLength(what, Limits.MAX_STREAM_NAME);
        return new String(in.readBytes(length), StandardCharsets.UTF_8);
    }

    static void write(ByteArray out, String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        out.u32(b.length).bytes(b);
    }
}
