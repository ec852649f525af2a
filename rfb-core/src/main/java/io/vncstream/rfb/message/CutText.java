package io.vncstream.rfb.message;

import io.vncstream.rfb.Limits;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The body shared by ClientCutText (6) and ServerCutText (3): three bytes of padding, a u32
 * length and Latin-1 text. Characters outside Latin-1 cannot be sent and are left out (not
 * replaced by '?', which would put garbled text on the other side's clipboard).
 */
public final class CutText {
    private CutText() {
    }

    public static void write(ByteArray out, int type, String text) {
        byte[] latin1 = toLatin1(text);
        out.u8(type).padding(3).u32(latin1.length).bytes(latin1);
    }

    public static String read(RfbInput in, String what) throws IOException {
        in.skip(3);
        int length = in.readLength(what + " length", Limits.MAX_CUT_TEXT);
        return new String(in.readBytes(length), StandardCharsets.ISO_8859_1);
    }

    /** The Latin-1 text after a (non-negative) length already read. */
    public static String readText(RfbInput in, int length, String what) throws IOException {
        RfbProtocolException.checkLength(what + " length", length, Limits.MAX_CUT_TEXT);
        return new String(in.readBytes(length), StandardCharsets.ISO_8859_1);
    }

    /** Whether every character of the text can be sent. */
    public static boolean isLatin1(String text) {
        return text.chars().allMatch(c -> c < 256);
    }

    static byte[] toLatin1(String text) {
        ByteArray out = new ByteArray(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 256) {
                out.u8(c);
            }
        }
        return out.toByteArray();
    }
}
