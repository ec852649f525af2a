package io.vncstream.rfb.handshake;

import io.vncstream.rfb.Limits;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A failure reason string: u32 length and text, as in refusals and SecurityResult (3.8). */
public final class Reason {
    private Reason() {
    }

    public static String read(RfbInput in) throws IOException {
        int length = in.readLength("reason length", Limits.MAX_REASON);
        return new String(in.readBytes(length), StandardCharsets.UTF_8);
    }

    public static void write(ByteArray out, String reason) {
        byte[] b = reason.getBytes(StandardCharsets.UTF_8);
        out.u32(b.length).bytes(b);
    }
}
