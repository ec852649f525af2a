package io.vncstream.rfb.message;

import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;

/** KeyEvent (4): an X keysym pressed or released. */
public record KeyEvent(boolean down, int keysym) implements ClientMessage {
    @Override
    public void write(ByteArray out) {
        out.u8(KEY_EVENT).u8(down ? 1 : 0).padding(2).s32(keysym);
    }

    public static KeyEvent read(RfbInput in) throws IOException {
        boolean down = in.readU8() != 0;
        in.skip(2);
        return new KeyEvent(down, in.readS32());
    }
}
