package io.vncstream.rfb.testing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * Delivers its bytes one per read call, as noVNC's test socket does, so that no parser may
 * assume that a message arrives whole.
 */
public final class OneByteAtATimeInputStream extends InputStream {
    private final ByteArrayInputStream data;

    public OneByteAtATimeInputStream(byte[] bytes) {
        this.data = new ByteArrayInputStream(bytes);
    }

    @Override
    public int read() {
        return data.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        return data.read(b, off, 1);
    }

    @Override
    public int available() {
        return Math.min(1, data.available());
    }
}
