package io.vncstream.rfb.message;

import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;

/** PointerEvent (5): button mask (bit 0 = button 1 ... bit 7 = button 8) and position. */
public record PointerEvent(int buttonMask, int x, int y) implements ClientMessage {
    @Override
    public void write(ByteArray out) {
        out.u8(POINTER_EVENT).u8(buttonMask).u16(x).u16(y);
    }

    public static PointerEvent read(RfbInput in) throws IOException {
        return new PointerEvent(in.readU8(), in.readU16(), in.readU16());
    }
}
