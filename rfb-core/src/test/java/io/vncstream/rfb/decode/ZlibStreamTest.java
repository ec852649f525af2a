package io.vncstream.rfb.decode;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import static io.vncstream.rfb.testing.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ZlibStream reads the zlib header itself and inflates raw deflate data (no Adler-32 kept): it
 * must make exactly what a zlib inflater makes from the same bytes, however a server cuts its
 * stream into rectangles, and refuse the headers zlib refuses, in zlib's words.
 */
class ZlibStreamTest {
    private static final RectHeader RECT = new RectHeader(0, 0, 8, 8, Encodings.ZLIB);

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 1000})
    void cutAnywhereItInflatesWhatZlibInflates(int seed) throws Exception {
        Random random = new Random(seed);
        // A server's stream: sync-flushed messages, some compressible, some noise, one stream.
        Deflater deflater = new Deflater(random.nextInt(10));
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int i = 0; i < 20; i++) {
            byte[] message = new byte[random.nextInt(40_000)];
            if (random.nextBoolean()) {
                random.nextBytes(message);
            } else {
                for (int k = 0; k < message.length; k++) {
                    message[k] = (byte) ("the quick brown fox ".charAt(k % 20) + (k / 997) % 3);
                }
            }
            plain.write(message);
            wire.write(io.vncstream.rfb.testing.Wire.syncFlush(deflater, message));
        }
        byte[] compressed = wire.toByteArray();
        byte[] expected = zlibInflate(compressed);
        assertThat(expected).isEqualTo(plain.toByteArray());

        // Cut at random points, the first cuts inside the header too (1 byte, then 0, then more).
        ZlibStream stream = new ZlibStream();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        int at = 0;
        int[] firstCuts = {1, 0, 1};
        for (int piece = 0; at < compressed.length; piece++) {
            int n = piece < firstCuts.length ? firstCuts[piece]
                    : Math.min(compressed.length - at, 1 + random.nextInt(9000));
            RfbInput data = stream.open(compressed, at, n, RECT);
            byte[] buf = new byte[4096];
            int k;
            while ((k = Math.min(buf.length, data.request(buf.length))) > 0) {
                data.readFully(buf, 0, k);
                got.write(buf, 0, k);
            }
            at += n;
        }
        assertThat(got.toByteArray()).isEqualTo(expected);
    }

    @Test
    void inflatingWholeRectanglesMakesTheSameBytes() throws Exception {
        byte[] message = "a rectangle's pixels, a rectangle's pixels, a rectangle's pixels".repeat(500).getBytes();
        Deflater deflater = new Deflater();
        byte[] first = io.vncstream.rfb.testing.Wire.syncFlush(deflater, message);
        byte[] second = io.vncstream.rfb.testing.Wire.syncFlush(deflater, message);
        ZlibStream stream = new ZlibStream();
        for (byte[] piece : new byte[][]{first, second}) {
            ByteArray out = new ByteArray(16);
            long made = stream.inflateAll(RfbInput.of(piece), piece.length, RECT, out, message.length);
            assertThat(made).isEqualTo(message.length);
            assertThat(java.util.Arrays.copyOf(out.array(), out.size())).isEqualTo(message);
        }
    }

    @Test
    void aResetStreamBeginsWithAHeaderAgain() throws Exception {
        byte[] message = "after the reset".getBytes();
        ZlibStream stream = new ZlibStream();
        byte[] one = io.vncstream.rfb.testing.Wire.syncFlush(new Deflater(), message);
        assertThat(inflate(stream, one)).isEqualTo(message);
        stream.reset();
        byte[] two = io.vncstream.rfb.testing.Wire.syncFlush(new Deflater(), message);
        assertThat(inflate(stream, two)).isEqualTo(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"78 00", "79 18", "88 1c"})
    void aHeaderZlibRefusesIsRefusedInZlibsWords(String bytes) {
        byte[] header = hex(bytes);
        String zlibSays = zlibRefusal(header);
        assertThatThrownBy(() -> new ZlibStream().open(header, 0, header.length, RECT))
                .isInstanceOf(RfbProtocolException.class)
                .hasMessage("Zlib rectangle 8x8 at (0,0): corrupt zlib data (" + zlibSays + ")");
    }

    @Test
    void aPresetDictionaryIsRefused() {
        byte[] header = hex("78 bb 00 00 00 01");
        assertThat(((0x78 << 8) | 0xbb) % 31).isZero();
        assertThatThrownBy(() -> new ZlibStream().open(header, 0, header.length, RECT))
                .isInstanceOf(RfbProtocolException.class)
                .hasMessage("Zlib rectangle 8x8 at (0,0): zlib stream asks for a preset dictionary");
    }

    @Test
    void aHeaderSplitOverTwoRectanglesIsCheckedWhenWhole() throws Exception {
        ZlibStream stream = new ZlibStream();
        assertThat(inflate(stream, hex("78"))).isEmpty();
        assertThatThrownBy(() -> stream.open(hex("00"), 0, 1, RECT))
                .isInstanceOf(RfbProtocolException.class)
                .hasMessageEndingWith("(incorrect header check)");
    }

    private static byte[] inflate(ZlibStream stream, byte[] piece) throws IOException {
        RfbInput data = stream.open(piece, 0, piece.length, RECT);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        int k;
        byte[] buf = new byte[4096];
        while ((k = Math.min(buf.length, data.request(buf.length))) > 0) {
            data.readFully(buf, 0, k);
            got.write(buf, 0, k);
        }
        return got.toByteArray();
    }

    private static byte[] zlibInflate(byte[] compressed) throws DataFormatException {
        Inflater inflater = new Inflater();
        inflater.setInput(compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        int n;
        while ((n = inflater.inflate(buf)) > 0) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** What the JDK's zlib inflater says of these bytes (it must refuse them). */
    private static String zlibRefusal(byte[] bytes) {
        Inflater inflater = new Inflater();
        inflater.setInput(bytes);
        try {
            inflater.inflate(new byte[64]);
        } catch (DataFormatException e) {
            return e.getMessage();
        }
        throw new AssertionError("zlib accepts " + java.util.HexFormat.of().formatHex(bytes));
    }
}
