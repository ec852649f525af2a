package io.vncstream.rfb.decode;

import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;

/**
 * A rectangle's compressed bytes in one piece, for the decoders that decode straight off the
 * connection: in the input's own buffer when they fit (no copy), else read into a scratch
 * array. Its length was checked against the rectangle's limit before {@link #take}.
 */
final class CompressedBytes {
    /** A scratch array larger than this is dropped after its rectangle, not kept for the connection. */
    private static final int KEEP = 4 << 20;

    private byte[] scratch = new byte[0];
    private byte[] array;
    private int offset;
    private int length;
    private boolean inBuffer;

    /** Makes the next {@code length} bytes of {@code in} available from {@link #array()}. */
    void take(RfbInput in, int length) throws IOException {
        this.length = length;
        if (length <= in.capacity()) {
            in.ensure(length);
            array = in.array();
            offset = in.arrayOffset();
            inBuffer = true;
        } else {
            if (scratch.length < length) {
                scratch = new byte[length];
            }
            in.readFully(scratch, 0, length);
            array = scratch;
            offset = 0;
            inBuffer = false;
        }
    }

    byte[] array() {
        return array;
    }

    int offset() {
        return offset;
    }

    /** Consumes the bytes from the input once the decoder is done with them. */
    void release(RfbInput in) throws IOException {
        if (inBuffer) {
            in.skip(length);
        } else if (scratch.length > KEEP) {
            scratch = new byte[0];
        }
        array = null;
    }
}
