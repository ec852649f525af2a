package io.vncstream.rfb.client;

import java.io.IOException;

/**
 * Running out of heap, said in one line. Decoders work in bounded buffers, but a framebuffer
 * the server may legally ask for (8K UHD is 127 MiB) can still be more than the JVM was given;
 * then the connection ends with this reason instead of a stack trace from a dead thread.
 */
final class OutOfMemory {
    private OutOfMemory() {
    }

    /** "out of memory while decoding the server's updates (Java heap limited to 64 MiB)". */
    static IOException during(String what) {
        return new IOException("out of memory while " + what + " (" + heap() + ")");
    }

    /** The framebuffer the server asks for does not fit. */
    static IOException framebuffer(String where, int width, int height) {
        long mib = ((long) width * height * 4 + (1 << 20) - 1) >> 20;
        return new IOException(where + ": a " + width + "x" + height + " framebuffer needs " + mib
                + " MiB, more memory than is left (" + heap() + ")");
    }

    private static String heap() {
        return "Java heap limited to " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB";
    }
}
