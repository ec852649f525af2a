package io.vncstream.rfb.message;

import io.vncstream.rfb.pseudo.ScreenLayout;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.vncstream.rfb.testing.Wire.hex;
import static io.vncstream.rfb.testing.Wire.readBothWays;
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
}
