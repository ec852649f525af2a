package io.vncstream.rfb.clipboard;

import io.vncstream.rfb.message.ExtendedClipboard;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static io.vncstream.rfb.testing.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;

/** The clipboard conversation, as a server plays it: what we answer, byte for byte where it matters. */
class ClipboardSyncTest {
    private final List<String> sent = new ArrayList<>();
    private final List<String> remote = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final ClipboardSync sync = new ClipboardSync(new ClipboardSync.Peer() {
        @Override
        public void send(ExtendedClipboard message) {
            sent.add(HexFormat.of().formatHex(message.toBytes(6)));
        }

        @Override
        public void sendLegacy(String latin1) {
            sent.add("legacy " + latin1);
        }
    }, remote::add, problems::add);

    /** Xvnc 1.12's caps: text, RTF, HTML; every action; 256 KiB of text, 0 of the others. */
    private static final ExtendedClipboard XVNC_CAPS = new ExtendedClipboard(0x1f000007L, hex("00040000 00000000 00000000"));

    @Nested
    class WithoutCaps {
        @Test
        void textGoesAsLatin1() {
            assertThat(sync.localChanged("caf\u00e9")).isTrue();
            assertThat(sent).containsExactly("legacy caf\u00e9");
        }

        @Test
        void textOutsideLatin1IsNotSentAndSaysWhy() {
            assertThat(sync.localChanged("\u4e16")).isFalse();
            assertThat(sent).isEmpty();
            assertThat(sync.problem("\u4e16")).contains("outside Latin-1");
        }

        @Test
        void legacyServerTextArrivesWithLfLineEnds() {
            sync.legacyReceived("a\r\nb");
            assertThat(remote).containsExactly("a\nb");
        }
    }

    @Nested
    class WithCaps {
        @Test
        void theServersCapsAreAnsweredWithOurs() {
            sync.received(XVNC_CAPS);
            // caps | request | peek | notify | provide | text, and 16 MiB of text
            assertThat(sent).containsExactly("06000000fffffff81f00000101000000");
            assertThat(sync.extended()).isTrue();
        }

        @Test
        void localTextIsAnnouncedThenProvidedWhenAskedFor() throws Exception {
            sync.received(XVNC_CAPS);
            sent.clear();
            assertThat(sync.localChanged("\u4e16\u754c")).isTrue();
            assertThat(sent).containsExactly("06000000fffffffc08000001");
            sent.clear();
            sync.received(new ExtendedClipboard(ExtendedClipboard.REQUEST | ExtendedClipboard.TEXT, new byte[0]));
            assertThat(sent).hasSize(1);
            byte[] provide = HexFormat.of().parseHex(sent.get(0));
            ExtendedClipboard m = new ExtendedClipboard(ExtendedClipboard.PROVIDE | ExtendedClipboard.TEXT,
                    java.util.Arrays.copyOfRange(provide, 12, provide.length));
            assertThat(HexFormat.of().formatHex(provide, 8, 12)).isEqualTo("10000001");
            assertThat(ClipboardText.textOf(m, 100)).isEqualTo("\u4e16\u754c");
        }

        @Test
        void textLargerThanTheServerTakesIsNotSent() {
            sync.received(XVNC_CAPS);
            String big = "x".repeat(256 * 1024);
            assertThat(sync.localChanged(big)).isFalse();
            assertThat(sync.problem(big)).isEqualTo("Clipboard not sent to the server: 262145 bytes of text, and it takes at most 262144");
        }

        @Test
        void theServersNotifyIsAnsweredWithARequestAndItsProvideArrives() {
            sync.received(XVNC_CAPS);
            sent.clear();
            sync.received(new ExtendedClipboard(ExtendedClipboard.NOTIFY | ExtendedClipboard.TEXT | ExtendedClipboard.HTML, new byte[0]));
            assertThat(sent).containsExactly("06000000fffffffc02000001");
            sync.received(ClipboardText.provide("Gr\u00fc\u00dfe"));
            assertThat(remote).containsExactly("Gr\u00fc\u00dfe");
        }

        @Test
        void aNotifyOfHtmlOnlyIsNotAskedFor() {
            sync.received(XVNC_CAPS);
            sent.clear();
            sync.received(new ExtendedClipboard(ExtendedClipboard.NOTIFY | ExtendedClipboard.HTML, new byte[0]));
            assertThat(sent).isEmpty();
        }

        @Test
        void aPeekIsAnsweredWithWhatWeHave() {
            sync.received(XVNC_CAPS);
            sent.clear();
            sync.received(new ExtendedClipboard(ExtendedClipboard.PEEK, new byte[0]));
            sync.localChanged("x");
            sync.received(new ExtendedClipboard(ExtendedClipboard.PEEK, new byte[0]));
            assertThat(sent).containsExactly("06000000fffffffc08000000", "06000000fffffffc08000001", "06000000fffffffc08000001");
        }

        @Test
        void aRequestWhenWeHaveNothingGetsAnEmptyProvide() {
            sync.received(XVNC_CAPS);
            sent.clear();
            sync.received(new ExtendedClipboard(ExtendedClipboard.REQUEST | ExtendedClipboard.TEXT, new byte[0]));
            assertThat(sent).hasSize(1);
            assertThat(sent.get(0)).startsWith("06000000").contains("10000000");
        }

        @Test
        void aBadProvideIsReportedAndTheSessionGoesOn() {
            sync.received(XVNC_CAPS);
            sync.received(new ExtendedClipboard(ExtendedClipboard.PROVIDE | ExtendedClipboard.TEXT, hex("0102")));
            assertThat(problems).singleElement().asString().startsWith("Clipboard from the server ignored: extended clipboard provide");
            assertThat(remote).isEmpty();
        }

        @Test
        void localTextFromBeforeTheCapsIsAnnouncedWhenTheyCome() {
            sync.localChanged("early");
            sent.clear();
            sync.received(XVNC_CAPS);
            assertThat(sent).containsExactly("06000000fffffff81f00000101000000", "06000000fffffffc08000001");
        }
    }
}
