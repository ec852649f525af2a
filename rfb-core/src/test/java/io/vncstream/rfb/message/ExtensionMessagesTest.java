package io.vncstream.rfb.message;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.pseudo.ScreenLayout;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.vncstream.rfb.testing.Wire.hex;
import io.vncstream.rfb.testing.Wire;
import static io.vncstream.rfb.testing.Wire.readBothWays;
import static io.vncstream.rfb.testing.Wire.rejectedBothWays;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The messages of the RFB extensions beyond RFC 6143 (rfbproto's community registry), written
 * to their exact bytes and read back from them, whole and one byte at a time. Read methods
 * take what follows the type byte (and the sub-type, for QEMU's messages).
 */
class ExtensionMessagesTest {
    private static byte[] after(int n, byte[] bytes) {
        return java.util.Arrays.copyOfRange(bytes, n, bytes.length);
    }

    @Nested
    class SetDesktopSizeMessage {
        @Test
        void oneScreen() {
            byte[] wire = hex("fb | 00 | 05 00 | 03 20 | 01 | 00 | 00 00 00 2a  00 00 00 00  05 00 03 20  00 00 00 00");
            SetDesktopSize msg = SetDesktopSize.singleScreen(1280, 800, 42, 0);
            assertThat(msg.toBytes()).isEqualTo(wire);
            assertThat(readBothWays(after(1, wire), SetDesktopSize::read)).isEqualTo(msg);
        }

        @Test
        void twoScreensSideBySide() {
            byte[] wire = hex("fb 00 | 0a 00 | 03 00 | 02 00"
                    + "| 00 00 00 01  00 00 00 00  05 00 03 00  00 00 00 00"
                    + "| 00 00 00 02  05 00 00 00  05 00 03 00  00 00 00 07");
            SetDesktopSize msg = new SetDesktopSize(2560, 768, List.of(
                    new ScreenLayout.Screen(1, 0, 0, 1280, 768, 0),
                    new ScreenLayout.Screen(2, 1280, 0, 1280, 768, 7)));
            assertThat(msg.toBytes()).isEqualTo(wire);
            assertThat(readBothWays(after(1, wire), SetDesktopSize::read)).isEqualTo(msg);
        }

        @Test
        void noScreensIsReadForTheServerToRefuse() {
            byte[] wire = hex("fb 00 | 00 00 | 00 00 | 00 00");
            assertThat(readBothWays(after(1, wire), SetDesktopSize::read)).isEqualTo(new SetDesktopSize(0, 0, List.of()));
        }
    }

    @Nested
    class FenceMessage {
        @Test
        void requestWithData() {
            byte[] wire = hex("f8 | 00 00 00 | 80 00 00 04 | 03 | 01 02 03");
            Fence msg = new Fence(Fence.REQUEST | Fence.SYNC_NEXT, new byte[]{1, 2, 3});
            assertThat(msg.toBytes()).isEqualTo(wire);
            assertThat(readBothWays(after(1, wire), Fence::read)).isEqualTo(msg);
            assertThat(msg.isRequest()).isTrue();
        }

        @Test
        void theClientsResponseKeepsTheBlockFlagsAndTheData() {
            Fence request = new Fence(Fence.REQUEST | Fence.BLOCK_BEFORE | Fence.BLOCK_AFTER | Fence.SYNC_NEXT, new byte[]{9});
            assertThat(request.response().toBytes()).isEqualTo(hex("f8 000000 00000003 01 09"));
        }

        @Test
        void sixtyFourBytesOfDataAtMost() {
            byte[] wire = hex("00 00 00 | 80 00 00 00 | 41");
            assertThat(rejectedBothWays(wire, Fence::read))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("Fence: data length 65 exceeds limit 64 bytes");
        }
    }

    @Nested
    class ContinuousUpdates {
        @Test
        void enable() {
            byte[] wire = hex("96 | 01 | 00 00 | 00 00 | 04 00 | 03 00");
            EnableContinuousUpdates msg = new EnableContinuousUpdates(true, 0, 0, 1024, 768);
            assertThat(msg.toBytes()).isEqualTo(wire);
            assertThat(readBothWays(after(1, wire), EnableContinuousUpdates::read)).isEqualTo(msg);
        }

        @Test
        void disable() {
            byte[] wire = hex("96 | 00 | 00 10 | 00 20 | 00 30 | 00 40");
            EnableContinuousUpdates msg = new EnableContinuousUpdates(false, 16, 32, 48, 64);
            assertThat(msg.toBytes()).isEqualTo(wire);
            assertThat(readBothWays(after(1, wire), EnableContinuousUpdates::read)).isEqualTo(msg);
        }
    }

    @Nested
    class Xvp {
        @Test
        void reset() {
            byte[] wire = hex("fa | 00 | 01 | 04");
            XvpMessage msg = new XvpMessage(1, XvpMessage.RESET);
            assertThat(msg.toBytes()).isEqualTo(wire);
            assertThat(readBothWays(after(1, wire), XvpMessage::read)).isEqualTo(msg);
        }
    }

    @Nested
    class QemuAudio {
        @Test
        void clientEnableDisableAndFormat() {
            byte[] enable = hex("ff 01 | 00 00");
            byte[] disable = hex("ff 01 | 00 01");
            byte[] format = hex("ff 01 | 00 02 | 03 | 02 | 00 00 ac 44");
            assertThat(QemuAudioRequest.enable().toBytes()).isEqualTo(enable);
            assertThat(QemuAudioRequest.disable().toBytes()).isEqualTo(disable);
            assertThat(QemuAudioRequest.setFormat(3, 2, 44100).toBytes()).isEqualTo(format);
            assertThat(readBothWays(after(2, enable), QemuAudioRequest::read)).isEqualTo(QemuAudioRequest.enable());
            assertThat(readBothWays(after(2, disable), QemuAudioRequest::read)).isEqualTo(QemuAudioRequest.disable());
            assertThat(readBothWays(after(2, format), QemuAudioRequest::read)).isEqualTo(QemuAudioRequest.setFormat(3, 2, 44100));
        }

        @Test
        void anUnknownClientOperationIsRejected() {
            assertThat(rejectedBothWays(hex("00 07"), QemuAudioRequest::read))
                    .hasMessage("QEMU audio message with unknown operation 7");
        }

        @Test
        void serverSamples() {
            byte[] wire = hex("ff 01 | 00 02 | 00 00 00 04 | 10 20 30 40");
            QemuAudioData read = readBothWays(after(2, wire), QemuAudioData::read);
            assertThat(read.operation()).isEqualTo(QemuAudioData.DATA);
            assertThat(read.samples()).containsExactly(0x10, 0x20, 0x30, 0x40);
            assertThat(Wire.build(read::write)).isEqualTo(wire);
        }

        @Test
        void serverSamplesBeyondTheLimitAreRejectedBeforeAllocating() {
            assertThat(rejectedBothWays(hex("00 02 | 7f ff ff ff"), QemuAudioData::read))
                    .hasMessage("QEMU audio data length 2147483647 exceeds limit 1 MiB");
        }
    }

    @Nested
    class ExtendedClipboardMessage {
        @Test
        void clientNotifyOfText() {
            byte[] wire = hex("06 | 00 00 00 | ff ff ff fc | 08 00 00 01");
            ExtendedClipboard msg = new ExtendedClipboard(ExtendedClipboard.NOTIFY | ExtendedClipboard.TEXT, new byte[0]);
            assertThat(msg.toBytes(ClientMessage.CLIENT_CUT_TEXT)).isEqualTo(wire);
            ExtendedClipboard read = readBothWays(after(8, wire), in -> ExtendedClipboard.readBody(in, -4, "ClientCutText"));
            assertThat(read).isEqualTo(msg);
        }

        @Test
        void serverCapsWithSizes() {
            byte[] wire = hex("03 | 00 00 00 | ff ff ff f4 | 1f 00 00 05 | 00 a0 00 00 | 00 a0 00 00");
            ExtendedClipboard msg = new ExtendedClipboard(0x1f000005L, hex("00 a0 00 00 00 a0 00 00"));
            assertThat(msg.toBytes(ServerMessage.SERVER_CUT_TEXT)).isEqualTo(wire);
            ExtendedClipboard read = readBothWays(after(8, wire), in -> ExtendedClipboard.readBody(in, -12, "ServerCutText"));
            assertThat(read).isEqualTo(msg);
        }

        @Test
        void aLengthWithoutRoomForFlagsIsRejected() {
            assertThat(rejectedBothWays(hex("00 00"), in -> ExtendedClipboard.readBody(in, -2, "ServerCutText")))
                    .hasMessage("ServerCutText extended clipboard length 2 leaves no room for its flags");
        }

        @Test
        void theMostNegativeLengthIsRejectedBeforeAllocating() {
            assertThat(rejectedBothWays(new byte[0], in -> ExtendedClipboard.readBody(in, Integer.MIN_VALUE, "ClientCutText")))
                    .hasMessage("ClientCutText extended clipboard length 2147483648 exceeds limit 16 MiB");
        }
    }
}
