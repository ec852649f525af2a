package io.vncstream.rfb.decode;

import io.vncstream.rfb.pixel.ColourMap;
import io.vncstream.rfb.pixel.PixelConverter;
import io.vncstream.rfb.pixel.PixelFormat;

/**
 * What decoders need to know of the connection: the pixel format the server is sending in
 * (which changes when the client's SetPixelFormat takes effect) and the colour map.
 */
public final class DecodeContext {
    private final ColourMap colourMap;
    private volatile PixelConverter converter;

    public DecodeContext(PixelFormat format, ColourMap colourMap) {
        this.colourMap = colourMap;
        this.converter = new PixelConverter(format, colourMap);
    }

    public DecodeContext(PixelFormat format) {
        this(format, new ColourMap());
    }

    public PixelFormat format() {
        return converter.format();
    }

    public void setFormat(PixelFormat format) {
        converter = new PixelConverter(format, colourMap);
    }

    public PixelConverter converter() {
        return converter;
    }

    public ColourMap colourMap() {
        return colourMap;
    }
}
