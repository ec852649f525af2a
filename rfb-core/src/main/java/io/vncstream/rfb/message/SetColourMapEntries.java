package io.vncstream.rfb.message;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.pixel.ColourMap;

import java.io.IOException;

/** SetColourMapEntries (1): 16-bit RGB values for a run of colour map entries. */
public record SetColourMapEntries(int firstColour, int[] rgb16) {
    public int count() {
        return rgb16.length / 3;
    }

    public void write(ByteArray out) {
        out.u8(ServerMessage.SET_COLOUR_MAP_ENTRIES).padding(1).u16(firstColour).u16(count());
        for (int v : rgb16) {
            out.u16(v);
        }
    }

    public void applyTo(ColourMap map) {
        for (int i = 0; i < count(); i++) {
            map.set(firstColour + i, rgb16[i * 3], rgb16[i * 3 + 1], rgb16[i * 3 + 2]);
        }
    }

    public static SetColourMapEntries read(RfbInput in) throws IOException {
        in.skip(1);
        int first = in.readU16();
        int count = in.readU16();
        if (first + count > ColourMap.SIZE) {
            throw new RfbProtocolException("SetColourMapEntries: entries " + first + ".." + (first + count - 1)
                    + " lie beyond the " + ColourMap.SIZE + "-entry colour map");
        }
        int[] rgb = new int[count * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = in.readU16();
        }
        return new SetColourMapEntries(first, rgb);
    }
}
