package io.vncstream.rfb.message;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.pixel.ColourMap;
import io.vncstream.rfb.pixel.PixelFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.vncstream.rfb.testing.Wire.build;
import static io.vncstream.rfb.testing.Wire.hex;
import static io.vncstream.rfb.testing.Wire.readBothWays;
import static io.vncstream.rfb.testing.Wire.rejectedBothWays;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message record written to its exact wire bytes and read back from them. The read
 * methods take what follows the type byte (and sub-type, for QEMU messages), as the readers
 * that dispatch on the type call them.
 */
class MessagesTest {

    /** The bytes after the first {@code n}: what a read method sees once the dispatcher has taken the type. */
    private static byte[] after(int n, byte[] bytes) {
        return java.util.Arrays.copyOfRange(bytes, n, bytes.length);
    }

    @Nested
    class ClientToServer {
        @Test
        void setPixelFormat() {
            byte[] wire = hex("00 | 00 00 00 | 20 18 00 01 | 00 ff 00 ff 00 ff | 10 08 00 | 00 00 00");
            SetPixelFormat msg = new SetPixelFormat(PixelFormat.TRUE_COLOUR_32);
            assertThat(msg.toBytes()).isEqualTo(wire);
            assertThat(readBothWays(after(1, wire), SetPixelFormat::read)).isEqualTo(msg);
        }

        @Test
        void setPixelFormatRgb565BigEndian() {
            byte[] wire = hex("00 | 00 00 00 | 10 10 01 01 | 00 1f 00 3f 00 1f | 0b 05 00 | 00 00 00");
            SetPixelFormat msg = new SetPixelFormat(new PixelFormat(16, 16, true, true, 31, 63, 31, 11, 5, 0));
            assertThat(msg.toBytes()).isEqualTo(wire);
            assertThat(readBothWays(after(1, wire), SetPixelFormat::read)).isEqualTo(msg);
        }

        @Test
        void setEncodingsKeepsOrderAndSignedNumbers() {
            byte[] wire = hex("02 | 00 | 00 03 | 00 00 00 10 | 00 00 00 00 | ff ff fe fc");
            SetEncodings msg = new SetEncodings(List.of(16, 0, -260));
            assertThat(msg.toBytes()).isEqualTo(wire);
            assertThat(readBothWays(after(1, wire), SetEncodings::read)).isEqualTo(msg);
        }

        @Test
        void setEncodingsWithoutStreamsIsWhatAGatewayForwards() {
            assertThat(new SetEncodings(List.of(16, -260, 0)).without(-260).toBytes())
                    .isEqualTo(hex("02 00 00 02 | 00 00 00 10 | 00 00 00 00"));
        }

        @Test
        void framebufferUpdateRequest() {
            byte[] wire = hex("03 | 01 | 00 01 | 00 02 | 07 80 | 04 38");
            FramebufferUpdateRequest msg = new FramebufferUpdateRequest(true, 1, 2, 1920, 1080);
            assertThat(msg.toBytes()).isEqualTo(wire);
            assertThat(readBothWays(after(1, wire), FramebufferUpdateRequest::read)).isEqualTo(msg);
        }

        @Test
        void nonIncrementalFramebufferUpdateRequest() {
            byte[] wire = hex("03 | 00 | 00 00 | 00 00 | ff ff | ff ff");
            FramebufferUpdateRequest msg = new FramebufferUpdateRequest(false, 0, 0, 65535, 65535);
            assertThat(msg.toBytes()).isEqualTo(wire);
            assertThat(readBothWays(after(1, wire), FramebufferUpdateRequest::read)).isEqualTo(msg);
        }

        @Test
        void keyEventPressAndRelease() {
            byte[] down = hex("04 | 01 | 00 00 | 00 00 ff 0d");
            byte[] up = hex("04 | 00 | 00 00 | 00 00 00 61");
            assertThat(new KeyEvent(true, 0xff0d).toBytes()).isEqualTo(down);
            assertThat(new KeyEvent(false, 'a').toBytes()).isEqualTo(up);
            assertThat(readBothWays(after(1, down), KeyEvent::read)).isEqualTo(new KeyEvent(true, 0xff0d));
            assertThat(readBothWays(after(1, up), KeyEvent::read)).isEqualTo(new KeyEvent(false, 'a'));
        }

        @Test
        void pointerEvent() {
            byte[] wire = hex("05 | 05 | 00 64 | 00 c8");
            PointerEvent msg = new PointerEvent(5, 100, 200);
            assertThat(msg.toBytes()).isEqualTo(wire);
            assertThat(readBothWays(after(1, wire), PointerEvent::read)).isEqualTo(msg);
        }

        @Test
        void clientCutTextIsLatin1() {
            byte[] wire = hex("06 | 00 00 00 | 00 00 00 05 | 68 e9 6c 6c 6f");
            ClientCutText msg = new ClientCutText("h\u00e9llo");
            assertThat(msg.toBytes()).isEqualTo(wire);
            assertThat(readBothWays(after(1, wire), ClientCutText::read)).isEqualTo(msg);
        }

        @Test
        void clientCutTextLeavesOutWhatLatin1CannotCarry() {
            assertThat(new ClientCutText("a\u20acb").toBytes()).isEqualTo(hex("06 000000 00000002 61 62"));
            assertThat(CutText.isLatin1("a\u20acb")).isFalse();
            assertThat(CutText.isLatin1("h\u00e9llo")).isTrue();
        }

        @Test
        void emptyClientCutText() {
            byte[] wire = hex("06 | 00 00 00 | 00 00 00 00");
            assertThat(new ClientCutText("").toBytes()).isEqualTo(wire);
            assertThat(readBothWays(after(1, wire), ClientCutText::read)).isEqualTo(new ClientCutText(""));
        }

        @Test
        void qemuExtendedKeyEvent() {
            byte[] wire = hex("ff | 00 | 00 01 | 00 00 00 61 | 00 00 00 1e");
            QemuKeyEvent msg = new QemuKeyEvent(true, 'a', 0x1e);
            assertThat(msg.toBytes()).isEqualTo(wire);
            assertThat(readBothWays(after(2, wire), QemuKeyEvent::read)).isEqualTo(msg);
        }

        @Test
        void qemuExtendedKeyRelease() {
            byte[] wire = hex("ff | 00 | 00 00 | 00 00 ff e1 | 00 00 00 2a");
            QemuKeyEvent msg = new QemuKeyEvent(false, 0xffe1, 0x2a);
            assertThat(msg.toBytes()).isEqualTo(wire);
            assertThat(readBothWays(after(2, wire), QemuKeyEvent::read)).isEqualTo(msg);
        }
    }

    @Nested
    class ServerToClient {
        @Test
        void serverCutText() {
            byte[] wire = hex("03 | 00 00 00 | 00 00 00 04 | 63 61 66 e9");
            ServerCutText msg = new ServerCutText("caf\u00e9");
            assertThat(build(msg::write)).isEqualTo(wire);
            assertThat(readBothWays(after(1, wire), ServerCutText::read)).isEqualTo(msg);
        }

        @Test
        void oversizedServerCutTextIsRejectedBeforeAllocating() {
            byte[] wire = hex("00 00 00 | ff ff ff f0");
            assertThat(rejectedBothWays(wire, ServerCutText::read))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("ServerCutText length 4294967280 exceeds limit 16 MiB");
        }

        @Test
        void cutTextJustOverTheLimit() {
            byte[] wire = hex("00 00 00 | 01 00 00 01");
            assertThat(rejectedBothWays(wire, ClientCutText::read))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("ClientCutText length 16777217 exceeds limit 16 MiB");
        }

        @Test
        void setColourMapEntries() {
            byte[] wire = hex("01 | 00 | 00 01 | 00 02 | ff ff 00 00 00 00 | 00 00 80 00 12 34");
            SetColourMapEntries msg = new SetColourMapEntries(1, new int[]{0xffff, 0, 0, 0, 0x8000, 0x1234});
            assertThat(build(msg::write)).isEqualTo(wire);
            SetColourMapEntries read = readBothWays(after(1, wire), SetColourMapEntries::read);
            assertThat(read.firstColour()).isEqualTo(1);
            assertThat(read.rgb16()).containsExactly(0xffff, 0, 0, 0, 0x8000, 0x1234);
            assertThat(read.count()).isEqualTo(2);
        }

        @Test
        void setColourMapEntriesTakeTheHighByteOfEachComponent() {
            ColourMap map = new ColourMap();
            new SetColourMapEntries(1, new int[]{0xffff, 0, 0, 0, 0x8000, 0x1234}).applyTo(map);
            assertThat(map.argb(0)).isEqualTo(0xFF000000);
            assertThat(map.argb(1)).isEqualTo(0xFFFF0000);
            assertThat(map.argb(2)).isEqualTo(0xFF008012);
        }

        @Test
        void setColourMapEntriesUpToTheLastEntry() {
            byte[] wire = hex("00 | ff ff | 00 01 | 00 00 ff ff 00 00");
            SetColourMapEntries read = readBothWays(wire, SetColourMapEntries::read);
            assertThat(read.firstColour()).isEqualTo(65535);
            assertThat(read.count()).isEqualTo(1);
        }

        @Test
        void setColourMapEntriesBeyondTheMapAreRejected() {
            byte[] wire = hex("00 | ff ff | 00 02");
            assertThat(rejectedBothWays(wire, SetColourMapEntries::read))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("SetColourMapEntries: entries 65535..65536 lie beyond the 65536-entry colour map");
        }

        @Test
        void setColourMapEntriesFarBeyondTheMapAreRejectedBeforeReadingColours() {
            byte[] wire = hex("00 | 80 00 | ff ff");
            assertThat(rejectedBothWays(wire, SetColourMapEntries::read))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessageContaining("32768..98302")
                    .hasMessageContaining("beyond the 65536-entry colour map");
        }
    }

    @Test
    void aReaderNeverReadsPastItsMessage() throws Exception {
        byte[] wire = hex("05 01 00 0a 00 14 | 04");
        RfbInput in = RfbInput.of(wire);
        in.readU8();
        assertThat(PointerEvent.read(in)).isEqualTo(new PointerEvent(1, 10, 20));
        assertThat(in.readU8()).isEqualTo(4);
    }
}
