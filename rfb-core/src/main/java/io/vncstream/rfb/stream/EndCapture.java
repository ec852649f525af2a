package io.vncstream.rfb.stream;

import io.vncstream.rfb.io.ByteArray;

/** Either direction: end a capture (from the server also the acknowledgement of a client's end). */
public record EndCapture(int captureId) implements StreamMessage {
    @Override
    public void write(ByteArray out) {
        StreamMessage.header(out, END_CAPTURE);
        out.s32(captureId);
    }
}
