package io.vncstream.rfb.bench;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.decode.DecodeContext;
import io.vncstream.rfb.decode.Decoder;
import io.vncstream.rfb.decode.Decoders;
import io.vncstream.rfb.decode.RectHeader;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.message.ServerMessage;
import io.vncstream.rfb.pixel.PixelFormat;

import java.io.IOException;

/**
 * Decodes a recorded FramebufferUpdate the way the client's reader does: each rectangle's bytes
 * are consumed and recorded by phase one, then painted by phase two. Fresh decoders each time,
 * because a recording starts its zlib streams from nothing.
 */
final class UpdateReplay {
    static final DecodeContext CONTEXT = new DecodeContext(PixelFormat.TRUE_COLOUR_32);

    private final ByteArray encoded = new ByteArray(1 << 20);

    @FunctionalInterface
    interface RectVisitor {
        void visit(RectHeader rect, Decoder decoder) throws IOException;
    }

    /** Reads the update's header and each rectangle header; the visitor must consume the rectangle. */
    static int walk(RfbInput in, RectVisitor visitor) throws IOException {
        Decoders decoders = new Decoders();
        int type = in.readU8();
        if (type != ServerMessage.FRAMEBUFFER_UPDATE) {
            throw new RfbProtocolException("workload: message type " + type + " is not a FramebufferUpdate");
        }
        in.skip(1);
        int count = in.readU16();
        for (int i = 0; i < count; i++) {
            RectHeader rect = RectHeader.read(in);
            Decoder decoder = decoders.get(rect.encoding());
            if (decoder == null) {
                throw new RfbProtocolException("workload: " + rect.describe() + " is not an encoding we decode");
            }
            visitor.visit(rect, decoder);
        }
        return count;
    }

    /** Paints the whole update into {@code fb}; returns the number of rectangles. */
    int decode(byte[] update, Framebuffer fb) throws IOException {
        return decode(RfbInput.of(update), fb);
    }

    /** Paints the next update read from {@code in} (a connection, in {@link TlsBench}). */
    int decode(RfbInput in, Framebuffer fb) throws IOException {
        return walk(in, (rect, decoder) -> {
            encoded.clear();
            in.startRecording(encoded);
            try {
                decoder.readRect(rect, in, CONTEXT);
            } finally {
                in.stopRecording();
            }
            decoder.decodeRect(rect, RfbInput.wrap(encoded.array(), encoded.size()), CONTEXT, fb);
        });
    }
}
