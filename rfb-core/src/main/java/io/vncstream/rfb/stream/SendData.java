package io.vncstream.rfb.stream;

import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;
import java.util.Arrays;

/** Either direction: bytes for (client) or from (server) a capture's device; at most 1 MiB. */
public record SendData(int captureId, byte[] data) implements StreamMessage {
    @Override
    public void write(ByteArray out) {
        StreamMessage.header(out, SEND_DATA);
        out.s32(captureId).u32(data.length).bytes(data);
    }

    static SendData readBody(RfbInput in) throws IOException {
        int id = in.readS32();
        int length = StreamMessage.checkDataLength(in.readU32());
        return new SendData(id, in.readBytes(length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SendData s && s.captureId == captureId && Arrays.equals(s.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * captureId + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "SendData[captureId=" + Integer.toUnsignedString(captureId) + ", " + data.length + " bytes]";
    }
}
