package io.vncstream.rfb.pseudo;

import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * ExtendedDesktopSize (-308): the rectangle's x is the reason of the change, y its status
 * (non-zero: a client's resize request failed), its size the new framebuffer size, and the
 * payload the screens.
 */
public record ScreenLayout(List<Screen> screens) {
    public record Screen(long id, int x, int y, int width, int height, long flags) {
    }

    public static ScreenLayout read(RfbInput in) throws IOException {
        int count = in.readU8();
        in.skip(3);
        List<Screen> screens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            screens.add(new Screen(in.readU32(), in.readU16(), in.readU16(), in.readU16(), in.readU16(), in.readU32()));
        }
        return new ScreenLayout(screens);
    }

    public void write(ByteArray out) {
        out.u8(screens.size()).padding(3);
        for (Screen s : screens) {
            out.u32(s.id()).u16(s.x()).u16(s.y()).u16(s.width()).u16(s.height()).u32(s.flags());
        }
    }
}
