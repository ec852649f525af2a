package io.vncstream.rfb.message;

import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** SetEncodings (2): the encodings the client accepts, most preferred first. */
public record SetEncodings(List<Integer> encodings) implements ClientMessage {
    public SetEncodings {
        encodings = List.copyOf(encodings);
    }

    @Override
    public void write(ByteArray out) {
        out.u8(SET_ENCODINGS).padding(1).u16(encodings.size());
        for (int e : encodings) {
            out.s32(e);
        }
    }

    public boolean contains(int encoding) {
        return encodings.contains(encoding);
    }

    /** This list without one encoding (how a gateway hides -260 from its upstream). */
    public SetEncodings without(int encoding) {
        List<Integer> rest = new ArrayList<>(encodings);
        rest.removeIf(e -> e == encoding);
        return new SetEncodings(rest);
    }

    /** Reads the body that follows the type byte; the u16 count bounds the list. */
    public static SetEncodings read(RfbInput in) throws IOException {
        in.skip(1);
        int count = in.readU16();
        List<Integer> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(in.readS32());
        }
        return new SetEncodings(list);
    }
}
