package io.vncstream.rfb.stream;

import io.vncstream.rfb.io.ByteArray;

/** Client to server: open a capture of the named device. */
public record StartCapture(String name) implements StreamMessage {
    @Override
    public void write(ByteArray out) {
        StreamMessage.header(out, START_CAPTURE);
        StreamNames.write(out, name);
    }
}
