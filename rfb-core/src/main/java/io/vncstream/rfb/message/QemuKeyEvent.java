package io.vncstream.rfb.message;

import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;

/**
 * QEMU Extended Key Event (255, sub-type 0): a keysym together with the key's XT scancode,
 * so that a VM sees the physical key whatever the client's and the guest's layouts.
 */
public record QemuKeyEvent(boolean down, int keysym, int scancode) implements ClientMessage {
    public static final int SUBTYPE = 0;

    @Override
    public void write(ByteArray out) {
        out.u8(QEMU).u8(SUBTYPE).u16(down ? 1 : 0).s32(keysym).s32(scancode);
    }

    /** Reads what follows the type and sub-type bytes. */
    public static QemuKeyEvent read(RfbInput in) throws IOException {
        boolean down = in.readU16() != 0;
        return new QemuKeyEvent(down, in.readS32(), in.readS32());
    }
}
