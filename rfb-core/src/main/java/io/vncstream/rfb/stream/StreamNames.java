package io.vncstream.rfb.stream;

import io.vncstream.rfb.Limits;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Device names on the wire: a u32 length (at most 255) and valid UTF-8 bytes. */
final class StreamNames {
    private StreamNames() {
    }

    /**
     * Reads a name; {@code what} says where, e.g. "stream start capture". Bytes that are not
     * UTF-8 are a protocol error rather than replacement characters: the gateway repeats a
     * requested name in its answer, and a replaced name is not the one asked for (nor, at three
     * bytes per bad byte, always within the 255-byte limit).
     */
    static String read(RfbInput in, String what) throws IOException {
        int length = in.readLength(what + ": name length", Limits.MAX_STREAM_NAME);
        byte[] bytes = in.readBytes(length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RfbProtocolException(what + ": name of " + length + " bytes is not valid UTF-8");
        }
    }

    static void write(ByteArray out, String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        out.u32(b.length).bytes(b);
    }
}
