package io.vncstream.rfb.client;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.pixel.PixelFormat;
import io.vncstream.rfb.testing.Processes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile servers against a client whose JVM has a 64 MiB heap (issue 11, defect 9): each must
 * end the connection at once with one line naming what was wrong, never an OutOfMemoryError's
 * stack trace and never a reader thread that dies while the command waits out its timeout.
 * The client runs in a JVM of its own ({@link LowMemoryClient}); the server here writes real
 * RFB 3.8 over loopback and streams its large payloads, so this JVM holds none of them.
 */
class LowMemoryTest {
    private static final int WAIT_SECONDS = 60;

    /** The server's part after the handshake: the updates it sends. */
    interface Updates {
        void write(OutputStream out) throws IOException;
    }

    @Test
    void aLegal8kServerInitSaysItDoesNotFit() throws Exception {
        String line = runAgainst(7680, 4320, out -> { });
        assertThat(line).startsWith("FAILED: ServerInit: a 7680x4320 framebuffer needs 127 MiB, more memory than is left"
                + " (Java heap limited to ");
    }

    @Test
    void aResizeTo8kOnTheReaderThreadEndsTheConnectionAtOnce() throws Exception {
        String line = runAgainst(1024, 768, out -> out.write(update(rect(0, 0, 7680, 4320, Encodings.DESKTOP_SIZE))));
        assertThat(line).startsWith("FAILED: DesktopSize: a 7680x4320 framebuffer needs 127 MiB");
    }

    @Test
    void aZrleZlibBombOnA4kScreenIsCutOffWhereItsTilesEnd() throws Exception {
        // 2176 solid black tiles (4 bytes each) cover 4096x2160; then 72 MB of zeros, about 70 KB of zlib.
        int tiles = 64 * 34;
        ByteArray solid = new ByteArray();
        for (int i = 0; i < tiles; i++) {
            solid.u8(1).u8(0).u8(0).u8(0);
        }
        byte[] zlib = deflateWithZeros(solid.toByteArray(), 72_000_000);
        String line = runAgainst(4096, 2160, out -> {
            out.write(update(rect(0, 0, 4096, 2160, Encodings.ZRLE)));
            out.write(new ByteArray().u32(zlib.length).toByteArray());
            out.write(zlib);
        });
        assertThat(line).startsWith("FAILED: ZRLE rectangle 4096x2160 at (0,0): zlib data inflates to more than "
                + tiles * 4 + " bytes");
    }

    @Test
    void aSixtyMebibyteZrleRectangleOnASmallScreenIsRefusedByItsLength() throws Exception {
        int length = 60 << 20;
        String line = runAgainst(1024, 768, out -> {
            out.write(update(rect(0, 0, 1024, 768, Encodings.ZRLE)));
            out.write(new ByteArray().u32(length).toByteArray());
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 60; i++) {
                out.write(zeros);
            }
        });
        assertThat(line).startsWith("FAILED: ZRLE rectangle 1024x768 at (0,0): compressed length 62914560 exceeds limit ");
    }

    /** Serves one client, runs it under -Xmx64m, returns its one line of output (checked to be one line, quick). */
    private static String runAgainst(int width, int height, Updates updates) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread serving = new Thread(() -> serve(server, width, height, updates), "hostile-server");
            serving.setDaemon(true);
            serving.start();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Processes.Result r = Processes.run(Duration.ofSeconds(WAIT_SECONDS / 2), Map.of(), null, List.of(java,
                    "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    LowMemoryClient.class.getName(), String.valueOf(server.getLocalPort()), String.valueOf(WAIT_SECONDS)));
            String out = r.output().strip();
            assertThat(out).as("the client's whole output").doesNotContain("OutOfMemoryError", "\tat ", "Exception in");
            assertThat(out.lines()).as("the client's whole output").hasSize(1);
            assertThat(r.exitCode()).isZero();
            long ms = Long.parseLong(out.substring(out.lastIndexOf("| ") + 2, out.length() - 3));
            assertThat(ms).as("milliseconds to the failure (the client waits up to %d s)", WAIT_SECONDS).isLessThan(10_000);
            return out;
        }
    }

    private static void serve(ServerSocket server, int width, int height, Updates updates) {
        try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[]{1, 1});
            in.readNBytes(12 + 1);
            out.write(new byte[4]);
            in.readNBytes(1);
            ByteArray init = new ByteArray();
            new ServerInit(width, height, PixelFormat.TRUE_COLOUR_32, "hostile").write(init);
            out.write(init.toByteArray());
            Thread drain = new Thread(() -> {
                try {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException ignored) {
                    // the client closed: the test reads its verdict from its output
                }
            }, "hostile-server-drain");
            drain.setDaemon(true);
            drain.start();
            updates.write(out);
            out.flush();
            drain.join(WAIT_SECONDS * 1000L);
        } catch (IOException | InterruptedException ignored) {
            // the client closed the connection, which is what these servers want to see
        }
    }

    private static byte[] update(byte[] rect) {
        return new ByteArray().u8(0).u8(0).u16(1).bytes(rect).toByteArray();
    }

    private static byte[] rect(int x, int y, int w, int h, int encoding) {
        return new ByteArray().u16(x).u16(y).u16(w).u16(h).s32(encoding).toByteArray();
    }

    /** {@code data}, then {@code zeros} zero bytes, through zlib with a sync flush, as a server sends it. */
    private static byte[] deflateWithZeros(byte[] data, int zeros) {
        Deflater d = new Deflater(9);
        ByteArray out = new ByteArray();
        byte[] buf = new byte[64 * 1024];
        byte[] block = new byte[1 << 20];
        d.setInput(data);
        for (int left = zeros; ; left -= block.length) {
            while (!d.needsInput()) {
                out.append(buf, 0, d.deflate(buf, 0, buf.length, Deflater.NO_FLUSH));
            }
            if (left <= 0) {
                break;
            }
            d.setInput(block, 0, Math.min(left, block.length));
        }
        int n;
        do {
            n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
            out.append(buf, 0, n);
        } while (n == buf.length);
        d.end();
        return out.toByteArray();
    }
}
