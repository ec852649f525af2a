package io.vncstream.rfb.stream;

import io.vncstream.rfb.io.ByteArray;

/** Server to client: the answer to a start capture; ID 0 means refused. */
public record CaptureStarted(int captureId, String name) implements StreamMessage {
    public static final int REFUSED = 0;

    public boolean refused() {
        return captureId == REFUSED;
    }

    @Override
    public void write(ByteArray out) {
        StreamMessage.header(out, START_CAPTURE);
        out.s32(captureId);
        StreamNames.write(out, name);
    }
}
