package io.vncstream.rfb.message;

import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.pseudo.ScreenLayout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * SetDesktopSize (251, rfbproto 7.5.5): the client asks the server to resize its desktop to
 * width x height laid out as these screens. The server answers with an ExtendedDesktopSize
 * rectangle whose status says whether it did. Unlike that rectangle's payload, the screen
 * count here is followed by one byte of padding, not three.
 */
public record SetDesktopSize(int width, int height, List<ScreenLayout.Screen> screens) implements ClientMessage {
    public SetDesktopSize {
        screens = List.copyOf(screens);
        if (screens.size() > 255) {
            throw new IllegalArgumentException(screens.size() + " screens: SetDesktopSize carries at most 255");
        }
    }

    /** A single screen covering the whole desktop, keeping the id and flags of the server's first screen. */
    public static SetDesktopSize singleScreen(int width, int height, long screenId, long flags) {
        return new SetDesktopSize(width, height, List.of(new ScreenLayout.Screen(screenId, 0, 0, width, height, flags)));
    }

    @Override
    public void write(ByteArray out) {
        out.u8(SET_DESKTOP_SIZE).padding(1).u16(width).u16(height).u8(screens.size()).padding(1);
        for (ScreenLayout.Screen s : screens) {
            out.u32(s.id()).u16(s.x()).u16(s.y()).u16(s.width()).u16(s.height()).u32(s.flags());
        }
    }

    /**
     * Reads the body that follows the type byte. The u8 count bounds the screens; whether the
     * layout makes sense is the server's to answer (with an ExtendedDesktopSize status), not a
     * reason to drop the client.
     */
    public static SetDesktopSize read(RfbInput in) throws IOException {
        in.skip(1);
        int width = in.readU16();
        int height = in.readU16();
        int count = in.readU8();
        in.skip(1);
        List<ScreenLayout.Screen> screens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            screens.add(new ScreenLayout.Screen(in.readU32(), in.readU16(), in.readU16(), in.readU16(), in.readU16(),
                    in.readU32()));
        }
        return new SetDesktopSize(width, height, screens);
    }
}
