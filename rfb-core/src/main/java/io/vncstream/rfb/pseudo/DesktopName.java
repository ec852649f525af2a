package io.vncstream.rfb.pseudo;

import io.vncstream.rfb.Limits;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** DesktopName (-307): a u32 length and the new name in UTF-8. */
public final class DesktopName {
    private DesktopName() {
    }

    public static String read(RfbInput in) throws IOException {
        int length = in.readLength("DesktopName length", Limits.MAX_DESKTOP_NAME);
        return new String(in.readBytes(length), StandardCharsets.UTF_8);
    }
}
