package io.vncstream.rfb.client;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.pixel.PixelFormat;
import io.vncstream.rfb.stream.CaptureStarted;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.zip.Deflater;

import static io.vncstream.rfb.client.RecordingHandler.readBothWays;
import static io.vncstream.rfb.client.RecordingHandler.rejectedBothWays;
import static io.vncstream.rfb.testing.Wire.concat;
import static io.vncstream.rfb.testing.Wire.hex;
import static io.vncstream.rfb.testing.Wire.syncFlush;
import static org.assertj.core.api.Assertions.assertThat;

/** Whole server messages through ServerMessageReader, as the client's reader thread sees them. */
class ServerMessageReaderTest {
    static final PixelFormat TC32 = PixelFormat.TRUE_COLOUR_32;
    static final int RED = 0xFFFF0000;
    static final int GREEN = 0xFF00FF00;
    static final int BLUE = 0xFF0000FF;
    static final int WHITE = 0xFFFFFFFF;
    static final int BLACK = 0xFF000000;

    /** A rectangle header: x, y, width, height (u16) and encoding (s32). */
    static byte[] rect(int x, int y, int w, int h, int encoding) {
        return new ByteArray().u16(x).u16(y).u16(w).u16(h).s32(encoding).toByteArray();
    }

    /** FramebufferUpdate: type 0, padding, u16 count, then the rectangles. */
    static byte[] update(int count, byte[]... rects) {
        return concat(new ByteArray().u8(0).u8(0).u16(count).toByteArray(), concat(rects));
    }

    /** Zlib and ZRLE data: a u32 length and the bytes compressed through the stream {@code d}. */
    static byte[] deflate(Deflater d, byte[] data) {
        byte[] z = syncFlush(d, data);
        return new ByteArray().u32(z.length).bytes(z).toByteArray();
    }

    /**
     * One whole message on a 4x2 true-colour framebuffer is a protocol error, the same read from
     * an array and one byte at a time; the caller checks the error's message.
     */
    static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(byte[] message) {
        return assertThat(rejectedBothWays(message, 1, 4, 2, TC32)).isInstanceOf(RfbProtocolException.class);
    }

    @Nested
    class FramebufferUpdates {
        @Test
        void rawThenCopyRect() {
            byte[] msg = update(2,
                    rect(0, 0, 2, 1, Encodings.RAW), hex("00 00 ff 00 | 00 ff 00 00"),
                    rect(2, 1, 2, 1, Encodings.COPY_RECT), hex("00 00 | 00 00"));
            var out = readBothWays(msg, 1, 4, 2, TC32);
            assertThat(out.framebuffer().pixels()).containsExactly(RED, GREEN, BLACK, BLACK, BLACK, BLACK, RED, GREEN);
            assertThat(out.events()).containsExactly("update");
            assertThat(out.types()).containsExactly(0);
            assertThat(out.lastUpdateAnswered()).isTrue();
        }

        @Test
        void everyDecoderInOneUpdate() {
            byte[] msg = update(7,
                    rect(0, 0, 1, 1, Encodings.RAW), hex("00 00 ff 00"),
                    rect(1, 0, 1, 1, Encodings.RRE), hex("00 00 00 00 | 00 ff 00 00"),
                    rect(2, 0, 1, 1, Encodings.HEXTILE), hex("02 | ff 00 00 00"),
                    rect(3, 0, 1, 1, Encodings.ZLIB), deflate(new Deflater(), hex("ff ff ff 00")),
                    rect(4, 0, 1, 1, Encodings.ZRLE), deflate(new Deflater(), hex("01 | 00 00 ff")),
                    rect(5, 0, 1, 1, Encodings.TIGHT), hex("80 | 00 ff 00"),
                    rect(0, 1, 6, 1, Encodings.COPY_RECT), hex("00 00 00 00"));
            var out = readBothWays(msg, 1, 8, 2, TC32);
            assertThat(out.framebuffer().pixels()).containsExactly(
                    RED, GREEN, BLUE, WHITE, RED, GREEN, BLACK, BLACK,
                    RED, GREEN, BLUE, WHITE, RED, GREEN, BLACK, BLACK);
            assertThat(out.handler().events).containsExactly("update");
        }

        @Test
        void zlibStreamsLastAcrossUpdates() {
            Deflater z = new Deflater();
            byte[] msgs = concat(
                    update(1, rect(0, 0, 4, 1, Encodings.ZRLE), deflate(z, hex("01 | 00 00 ff"))),
                    update(1, rect(0, 1, 4, 1, Encodings.ZRLE), deflate(z, hex("01 | ff 00 00"))));
            var out = readBothWays(msgs, 2, 4, 2, TC32);
            assertThat(out.framebuffer().pixels()).containsExactly(RED, RED, RED, RED, BLUE, BLUE, BLUE, BLUE);
            assertThat(out.events()).containsExactly("update", "update");
        }

        @Test
        void lastRectEndsAnUpdateWithAnOpenCount() {
            byte[] msgs = concat(
                    update(0xffff,
                            rect(0, 0, 1, 1, Encodings.RAW), hex("ff ff ff 00"),
                            rect(0, 0, 0, 0, Encodings.LAST_RECT)),
                    hex("02"));
            var out = readBothWays(msgs, 2, 4, 2, TC32);
            assertThat(out.events()).containsExactly("update", "bell");
            assertThat(out.types()).containsExactly(0, 2);
            assertThat(out.framebuffer().pixel(0, 0)).isEqualTo(WHITE);
        }

        @Test
        void pseudoEncodings() {
            byte[] msg = update(5,
                    rect(0, 0, 8, 4, Encodings.DESKTOP_SIZE),
                    rect(0, 0, 0, 0, Encodings.DESKTOP_NAME), hex("00 00 00 02 | 68 69"),
                    rect(1, 0, 2, 1, Encodings.CURSOR), hex("00 00 ff 00 | 00 ff 00 00 | 80"),
                    rect(0, 0, 0, 0, Encodings.EXTENDED_KEY_EVENT),
                    rect(0, 0, 6, 3, Encodings.EXTENDED_DESKTOP_SIZE),
                    hex("01 000000 | 00000001 0000 0000 0006 0003 00000000"));
            var out = readBothWays(msg, 1, 4, 2, TC32);
            assertThat(out.events()).containsExactly(
                    "resized 8x4",
                    "name hi",
                    "cursor 2x1 hotspot 1,0 [ffff0000, 0]",
                    "extended keys",
                    "resized 6x3",
                    "update");
            assertThat(out.framebuffer().width()).isEqualTo(6);
            assertThat(out.framebuffer().height()).isEqualTo(3);
        }

        @Test
        void aFailedResizeRequestChangesNothing() {
            byte[] msg = update(1, rect(1, 3, 6, 3, Encodings.EXTENDED_DESKTOP_SIZE),
                    hex("01 000000 | 00000001 0000 0000 0006 0003 00000000"));
            var out = readBothWays(msg, 1, 4, 2, TC32);
            assertThat(out.events()).containsExactly("update");
            assertThat(out.framebuffer().width()).isEqualTo(4);
        }

        @Test
        void anUpdateOfOnlyDeviceNoticesAnswersNoRequest() {
            byte[] msg = update(2,
                    rect(0, 0, 0, 0, Encodings.STREAMS), hex("00 00 00 07 | 73 65 72 69 61 6c 30"),
                    rect(1, 0, 0, 0, Encodings.STREAMS), hex("00 00 00 08 | 63 6f 6e 73 6f 6c 65 31"));
            var out = readBothWays(msg, 1, 4, 2, TC32);
            assertThat(out.events()).containsExactly("device added serial0", "device removed console1", "update");
            assertThat(out.lastUpdateAnswered()).isFalse();
        }

        @Test
        void anUpdateWithPixelsAndANoticeAnswersARequest() {
            byte[] msg = update(2,
                    rect(0, 0, 0, 0, Encodings.STREAMS), hex("00 00 00 07 | 73 65 72 69 61 6c 30"),
                    rect(0, 0, 1, 1, Encodings.RAW), hex("00 00 ff 00"));
            assertThat(readBothWays(msg, 1, 4, 2, TC32).lastUpdateAnswered()).isTrue();
        }

        @Test
        void anEmptyUpdateAnswersARequest() {
            assertThat(readBothWays(update(0), 1, 4, 2, TC32).lastUpdateAnswered()).isTrue();
        }

        @Test
        void anUpdateOfOnlyLastRectAnswersARequest() {
            // An empty update in the LastRect style: it holds no notice, so it answers the pending request
            // (otherwise the client would wait for an update it never asks for again).
            assertThat(readBothWays(update(0xffff, rect(0, 0, 0, 0, Encodings.LAST_RECT)), 1, 4, 2, TC32).lastUpdateAnswered())
                    .isTrue();
        }

        @Test
        void noticesEndedByLastRectAnswerNoRequest() {
            byte[] msg = update(0xffff,
                    rect(0, 0, 0, 0, Encodings.STREAMS), hex("00 00 00 07 | 73 65 72 69 61 6c 30"),
                    rect(0, 0, 0, 0, Encodings.LAST_RECT));
            assertThat(readBothWays(msg, 1, 4, 2, TC32).lastUpdateAnswered()).isFalse();
        }

        @Test
        void countsRectanglesByEncoding() throws Exception {
            byte[] msg = update(3,
                    rect(0, 0, 1, 1, Encodings.RAW), hex("00 00 ff 00"),
                    rect(1, 0, 1, 1, Encodings.RAW), hex("00 00 ff 00"),
                    rect(0, 0, 1, 1, Encodings.TIGHT), hex("80 00 00 00"));
            var reader = new ServerMessageReader(io.vncstream.rfb.io.RfbInput.of(msg),
                    new io.vncstream.rfb.decode.DecodeContext(TC32), new io.vncstream.rfb.framebuffer.Framebuffer(4, 2),
                    new RecordingHandler());
            reader.readMessage();
            assertThat(reader.rectsByEncoding().get(Encodings.RAW).sum()).isEqualTo(2);
            assertThat(reader.rectsByEncoding().get(Encodings.TIGHT).sum()).isEqualTo(1);
        }
    }

    @Nested
    class OtherMessages {
        @Test
        void bell() {
            assertThat(readBothWays(hex("02 02"), 2, 4, 2, TC32).events()).containsExactly("bell", "bell");
        }

        @Test
        void serverCutText() {
            assertThat(readBothWays(hex("03 000000 00000003 61 e9 62"), 1, 4, 2, TC32).events())
                    .containsExactly("cut text a\u00e9b");
        }

        @Test
        void setColourMapEntriesFeedsTheDecoders() {
            PixelFormat map8 = new PixelFormat(8, 8, false, false, 0, 0, 0, 0, 0, 0);
            byte[] msgs = concat(
                    hex("01 | 00 | 00 07 | 00 02 | ffff 0000 0000 | 0000 0000 ffff"),
                    update(1, rect(0, 0, 4, 1, Encodings.RAW), hex("07 08 00 07")));
            var out = readBothWays(msgs, 2, 4, 1, map8);
            assertThat(out.types()).containsExactly(1, 0);
            assertThat(out.framebuffer().pixels()).containsExactly(RED, BLUE, BLACK, RED);
        }

        @Test
        void streamMessage() {
            var out = readBothWays(hex("ff 02 00 | 00 00 00 01 | 00 00 00 07 | 73 65 72 69 61 6c 30"), 1, 4, 2, TC32);
            assertThat(out.handler().objects).containsExactly(new CaptureStarted(1, "serial0"));
            assertThat(out.types()).containsExactly(255);
        }
    }

    /** Every limit: the exception type and a message that names what was wrong. */
    @Nested
    class Limits {
        @Test
        void rectangleOutsideTheFramebuffer() {
            assertRejected(update(1, rect(3, 1, 2, 2, Encodings.RAW)))
                    .hasMessage("Raw rectangle 2x2 at (3,1) lies outside the 4x2 framebuffer");
        }

        @Test
        void rectangleAtTheFarEndOfU16() {
            assertRejected(update(1, rect(65535, 65535, 65535, 65535, Encodings.HEXTILE)))
                    .hasMessage("Hextile rectangle 65535x65535 at (65535,65535) lies outside the 4x2 framebuffer");
        }

        @Test
        void unknownEncoding() {
            assertRejected(update(1, rect(0, 0, 1, 1, 3)))
                    .hasMessage("FramebufferUpdate: rectangle 1x1 at (0,0) has unknown encoding 3");
        }

        @Test
        void unknownNegativeEncoding() {
            assertRejected(update(1, rect(0, 0, 0, 0, -1000)))
                    .hasMessage("FramebufferUpdate: rectangle 0x0 at (0,0) has unknown encoding -1000");
        }

        @Test
        void cursorWiderThan256() {
            assertRejected(update(1, rect(0, 0, 257, 1, Encodings.CURSOR)))
                    .hasMessage("Cursor 257x1 exceeds limit 256 per side");
        }

        @Test
        void cursorTallerThan256() {
            assertRejected(update(1, rect(0, 0, 1, 65535, Encodings.CURSOR)))
                    .hasMessage("Cursor 1x65535 exceeds limit 256 per side");
        }

        @Test
        void cursorHotspotOutsideTheCursor() {
            assertRejected(update(1, rect(2, 0, 2, 1, Encodings.CURSOR), hex("00000000 00000000 c0")))
                    .hasMessage("Cursor 2x1: hotspot (2,0) lies outside it");
        }

        @Test
        void tightPngRectangle() {
            assertRejected(update(1, rect(0, 0, 4, 2, Encodings.STREAMS), hex("a0")))
                    .hasMessage("Streams/TightPNG rectangle 4x2 at (0,0): a TightPNG rectangle (encoding -260 with an area),"
                            + " which this client never asks for");
        }

        @Test
        void minus260WithOnlyAHeightIsNotANotice() {
            assertRejected(update(1, rect(0, 0, 0, 1, Encodings.STREAMS)))
                    .hasMessageContaining("a TightPNG rectangle (encoding -260 with an area)");
        }

        @Test
        void qemuMessageWithAnotherSubtype() {
            assertRejected(hex("ff 00 00 01"))
                    .hasMessage("server message 255 (QEMU) with sub-type 0, which this client never asked for");
        }

        @Test
        void qemuAudioSubtype() {
            assertRejected(hex("ff 03"))
                    .hasMessage("server message 255 (QEMU) with sub-type 3, which this client never asked for");
        }

        @Test
        void unknownStreamOperation() {
            assertRejected(hex("ff 02 03"))
                    .hasMessage("stream message: unknown operation 3 from server");
        }

        @Test
        void unknownServerMessageType() {
            assertRejected(hex("07"))
                    .hasMessage("unknown server message type 7 at byte 0");
        }

        @Test
        void unknownServerMessageTypeSaysWhereItWas() {
            assertThat(rejectedBothWays(hex("02 02 97"), 3, 4, 2, TC32))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("unknown server message type 151 at byte 2");
        }

        @Test
        void desktopSizeBeyond16384() {
            assertRejected(update(1, rect(0, 0, 16385, 16, Encodings.DESKTOP_SIZE)))
                    .hasMessage("DesktopSize: framebuffer 16385x16 exceeds limit 16384 per side");
        }

        /** Found by ServerMessagesFuzzTest: 12368x16128 passed the side limit and ran out of a 512 MiB heap. */
        @Test
        void desktopSizeBeyondThePixelLimit() {
            assertRejected(update(1, rect(0, 0, 16384, 16384, Encodings.DESKTOP_SIZE)))
                    .hasMessage("DesktopSize: framebuffer 16384x16384 (268435456 pixels) exceeds limit 33177600 pixels (8K UHD)");
        }

        @Test
        void extendedDesktopSizeBeyond16384() {
            assertRejected(update(1, rect(0, 0, 16, 65535, Encodings.EXTENDED_DESKTOP_SIZE), hex("00 000000")))
                    .hasMessage("ExtendedDesktopSize: framebuffer 16x65535 exceeds limit 16384 per side");
        }

        @Test
        void desktopNameTooLong() {
            assertRejected(update(1, rect(0, 0, 0, 0, Encodings.DESKTOP_NAME), hex("00 00 10 01")))
                    .hasMessage("DesktopName length 4097 exceeds limit 4 KiB");
        }

        @Test
        void deviceNameLongerThan255() {
            assertRejected(update(1, rect(0, 0, 0, 0, Encodings.STREAMS), hex("00 00 01 00")))
                    .hasMessage("stream device notice: name length 256 exceeds limit 255 bytes");
        }

        @Test
        void deviceNoticeWithAnUnknownKind() {
            assertRejected(update(1, rect(2, 0, 0, 0, Encodings.STREAMS), hex("00 00 00 01 41")))
                    .hasMessage("stream device notice: x-position 2 is neither 0 (added) nor 1 (removed)");
        }

        @Test
        void deviceNoticeWithAYPosition() {
            assertRejected(update(1, rect(0, 1, 0, 0, Encodings.STREAMS), hex("00 00 00 01 41")))
                    .hasMessage("stream device notice: y-position 1 is not 0");
        }

        @Test
        void captureNameLongerThan255() {
            assertRejected(hex("ff 02 00 | 00 00 00 01 | ff ff ff ff"))
                    .hasMessage("stream start capture: name length 4294967295 exceeds limit 255 bytes");
        }

        @Test
        void sendDataOver1MiB() {
            assertRejected(hex("ff 02 02 | 00 00 00 01 | 00 10 00 01"))
                    .hasMessage("stream send data: length 1048577 exceeds limit 1 MiB");
        }

        @Test
        void sendDataOfExactly1MiBIsAccepted() {
            byte[] msg = concat(hex("ff 02 02 | 00 00 00 01 | 00 10 00 00"), new byte[1024 * 1024]);
            assertThat(readBothWays(msg, 1, 4, 2, TC32).events()).containsExactly("stream SendData[captureId=1, 1048576 bytes]");
        }

        @Test
        void oversizedServerCutText() {
            assertRejected(hex("03 000000 7f ff ff ff"))
                    .hasMessage("ServerCutText length 2147483647 exceeds limit 16 MiB");
        }

        @Test
        void colourMapEntriesBeyond65536() {
            assertRejected(hex("01 00 | ff 00 | 01 01"))
                    .hasMessage("SetColourMapEntries: entries 65280..65536 lie beyond the 65536-entry colour map");
        }

        @Test
        void oversizedCompressedLength() {
            assertRejected(update(1, rect(0, 0, 4, 2, Encodings.ZRLE), hex("7f ff ff ff")))
                    .hasMessage("ZRLE rectangle 4x2 at (0,0): compressed length 2147483647 exceeds limit 4561 bytes");
        }

        @Test
        void oversizedZlibLength() {
            assertRejected(update(1, rect(0, 0, 4, 2, Encodings.ZLIB), hex("04 00 00 01")))
                    .hasMessage("Zlib rectangle 4x2 at (0,0): compressed length 67108865 exceeds limit 4132 bytes");
        }

        @Test
        void hugeRreCountWithoutDataEndsAtTheEndOfTheStream() {
            assertThat(rejectedBothWays(update(1, rect(0, 0, 4, 2, Encodings.RRE), hex("00 ff ff ff | 00 00 00 00")), 1, 4, 2, TC32))
                    .isInstanceOf(java.io.EOFException.class);
        }

        @Test
        void aStreamThatEndsMidUpdateIsAnEofThatSaysWhereInTheUpdate() {
            assertThat(rejectedBothWays(update(2, rect(0, 0, 1, 1, Encodings.RAW), hex("00 00 ff 00")), 1, 4, 2, TC32))
                    .isInstanceOf(java.io.EOFException.class)
                    .hasMessageEndingWith(", in the middle of the header of rectangle 2 of 2 of a FramebufferUpdate");
            assertThat(rejectedBothWays(update(3, rect(0, 0, 1, 1, Encodings.RAW), hex("00 00 ff 00"),
                    rect(1, 0, 2, 1, Encodings.RAW), hex("00 00 ff 00")), 1, 4, 2, TC32))
                    .isInstanceOf(java.io.EOFException.class)
                    .hasMessageEndingWith(", in the middle of rectangle 2 of 3 of a FramebufferUpdate (Raw rectangle 2x1 at (1,0))");
            assertThat(rejectedBothWays(hex("00 00 00"), 1, 4, 2, TC32))
                    .isInstanceOf(java.io.EOFException.class)
                    .hasMessageEndingWith(", in the middle of a FramebufferUpdate's header");
        }

        @Test
        void aStreamThatEndsInsideAnotherMessageNamesIt() {
            assertThat(rejectedBothWays(hex("03 00 00 00 | 00 00 00 05 | 68 65"), 1, 4, 2, TC32))
                    .isInstanceOf(java.io.EOFException.class)
                    .hasMessageEndingWith(", in the middle of a ServerCutText message");
        }
    }
}
