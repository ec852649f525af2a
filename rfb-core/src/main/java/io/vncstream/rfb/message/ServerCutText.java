package io.vncstream.rfb.message;

import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;

/** ServerCutText (3): the server's clipboard, in Latin-1. */
public record ServerCutText(String text) {
    public void write(ByteArray out) {
        CutText.write(out, ServerMessage.SERVER_CUT_TEXT, text);
    }

    public static ServerCutText read(RfbInput in) throws IOException {
        return new ServerCutText(CutText.read(in, "ServerCutText"));
    }
}
