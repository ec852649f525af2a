package io.vncstream.rfb.decode;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

import java.io.IOException;

/**
 * SessionBench's JPEG floor when rfb-core decodes with libturbojpeg: TurboJPEG's own decode of
 * each JPEG to BGRX in native memory, from a native copy of the whole session made once, as a
 * C decoder such as TigerVNC's would run it. What TurboJpeg adds (a copy in, a copy out, the
 * JNA calls) is then the decoder's cost, not the floor's.
 */
public final class TurboJpegFloor implements AutoCloseable {
    private final Memory session;
    private final Pointer handle;
    private final Memory header = new Memory(16);
    private Memory output = new Memory(4096);

    public TurboJpegFloor(byte[] data) {
        session = new Memory(Math.max(1, data.length));
        session.write(0, data, 0, data.length);
        handle = TurboJpegLibrary.tjInitDecompress();
    }

    /** Whether rfb-core's decoder uses libturbojpeg in this process (the floor follows it). */
    public static boolean used() {
        return TightJpeg.turbo();
    }

    /** Decodes the JPEG at {@code off}; returns its pixel count. */
    public long decode(int off, int len) throws IOException {
        Pointer jpeg = session.share(off);
        NativeLong size = new NativeLong(len);
        if (TurboJpegLibrary.tjDecompressHeader3(handle, jpeg, size, header, header.share(4), header.share(8), header.share(12)) != 0) {
            throw new IOException("session: JPEG at byte " + off + ": " + TurboJpegLibrary.errorText(handle));
        }
        int w = header.getInt(0);
        int h = header.getInt(4);
        if (output.size() < (long) w * h * 4) {
            output = new Memory((long) w * h * 4);
        }
        if (TurboJpegLibrary.tjDecompress2(handle, jpeg, size, output, w, w * 4, h, TurboJpegLibrary.TJPF_BGRX, 0) != 0
                && TurboJpegLibrary.tjGetErrorCode(handle) != TurboJpegLibrary.TJERR_WARNING) {
            throw new IOException("session: JPEG at byte " + off + ": " + TurboJpegLibrary.errorText(handle));
        }
        return (long) w * h;
    }

    @Override
    public void close() {
        TurboJpegLibrary.tjDestroy(handle);
    }
}
