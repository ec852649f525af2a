package io.vncstream.rfb.stream;

import io.vncstream.rfb.Limits;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;

/**
 * A capture message: type 255, sub-type 2, a u8 operation, then its fields. The operations
 * are the same in both directions; only start capture differs (a server's carries the ID).
 */
public sealed interface StreamMessage permits StartCapture, CaptureStarted, EndCapture, SendData {
    int TYPE = 255;
    int SUBTYPE = 2;
    int START_CAPTURE = 0;
    int END_CAPTURE = 1;
    int SEND_DATA = 2;

    /** The whole message, header included. */
    void write(ByteArray out);

    default byte[] toBytes() {
        ByteArray out = new ByteArray(16);
        write(out);
        return out.toByteArray();
    }

    /** Reads a client's message after its 255 and 2 bytes. */
    static StreamMessage readFromClient(RfbInput in) throws IOException {
        int op = in.readU8();
        return switch (op) {
            case START_CAPTURE -> new StartCapture(StreamNames.read(in, "stream start capture"));
            case END_CAPTURE -> new EndCapture(in.readS32());
            case SEND_DATA -> SendData.readBody(in);
            default -> throw new RfbProtocolException("stream message: unknown operation " + op + " from client");
        };
    }

    /** Reads a server's message after its 255 and 2 bytes. */
    static StreamMessage readFromServer(RfbInput in) throws IOException {
        int op = in.readU8();
        return switch (op) {
            case START_CAPTURE -> new CaptureStarted(in.readS32(), StreamNames.read(in, "stream start capture"));
            case END_CAPTURE -> new EndCapture(in.readS32());
            case SEND_DATA -> SendData.readBody(in);
            default -> throw new RfbProtocolException("stream message: unknown operation " + op + " from server");
        };
    }

    static void header(ByteArray out, int op) {
        out.u8(TYPE).u8(SUBTYPE).u8(op);
    }

    static int checkDataLength(long length) throws RfbProtocolException {
        return RfbProtocolException.checkLength("stream send data: length", length, Limits.MAX_STREAM_DATA);
    }
}
