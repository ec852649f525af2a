package io.vncstream.rfb.message;

import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;

/** ClientCutText (6): the client's clipboard, in Latin-1. */
public record ClientCutText(String text) implements ClientMessage {
    @Override
    public void write(ByteArray out) {
        CutText.write(out, CLIENT_CUT_TEXT, text);
    }

    public static ClientCutText read(RfbInput in) throws IOException {
        return new ClientCutText(CutText.read(in, "ClientCutText"));
    }
}
