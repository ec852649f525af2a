package io.vncstream.ssh;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A channel's output that sends what it is given at once, as a socket does: jsch's own stream
 * keeps data until flushed, and not every user of a Transport flushes.
 */
final class FlushingOutput extends OutputStream {
    private final OutputStream out;

    FlushingOutput(OutputStream out) {
        this.out = out;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        out.write(b);
        out.flush();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        out.flush();
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    /** Sends EOF: the remote side's reader sees the end of its input. */
    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
