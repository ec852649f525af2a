package io.vncstream.rfb.message;

import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;

/**
 * XVP (250, both directions; rfbproto 7.5.7 and 7.7.5): power control of the machine behind the
 * server. The client sends shutdown, reboot or reset; the server sends init (it takes them,
 * after the client's SetEncodings had -309) or fail.
 */
public record XvpMessage(int version, int code) implements ClientMessage {
    public static final int FAIL = 0;
    public static final int INIT = 1;
    public static final int SHUTDOWN = 2;
    public static final int REBOOT = 3;
    public static final int RESET = 4;

    @Override
    public void write(ByteArray out) {
        out.u8(XVP).padding(1).u8(version).u8(code);
    }

    /** Reads the body that follows the type byte (the same in both directions). */
    public static XvpMessage read(RfbInput in) throws IOException {
        in.skip(1);
        return new XvpMessage(in.readU8(), in.readU8());
    }
}
