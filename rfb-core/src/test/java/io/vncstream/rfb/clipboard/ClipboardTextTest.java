package io.vncstream.rfb.clipboard;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.message.ExtendedClipboard;
import io.vncstream.rfb.testing.Wire;
import org.junit.jupiter.api.Test;

import java.util.zip.Inflater;

import static io.vncstream.rfb.testing.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;

/** The provide payload: UTF-8, CRLF, NUL-terminated, in a zlib stream (TigerVNC's sync-flushed, QEMU's finished). */
class ClipboardTextTest {
    private static final long TEXT_PROVIDE = ExtendedClipboard.PROVIDE | ExtendedClipboard.TEXT;

    @Test
    void aSyncFlushedStreamAsTigerVncSendsIt() throws Exception {
        // zlib.compressobj(): compress(u32 10 + "hé\r\nx✓\0") + flush(Z_SYNC_FLUSH)
        ExtendedClipboard m = new ExtendedClipboard(TEXT_PROVIDE, hex("789c626060e0ca38bc9297abe2d19cc90c00000000ffff"));
        assertThat(ClipboardText.textOf(m, 100)).isEqualTo("h\u00e9\nx\u2713");
    }

    @Test
    void aFinishedStreamAsQemuSendsIt() throws Exception {
        // zlib.compress(u32 10 + "hé\r\nx✓\0"): ends the stream with Z_FINISH and its checksum
        ExtendedClipboard m = new ExtendedClipboard(TEXT_PROVIDE, hex("789c636060e0ca38bc9297abe2d19cc90c001a20047f"));
        assertThat(ClipboardText.textOf(m, 100)).isEqualTo("h\u00e9\nx\u2713");
    }

    @Test
    void whatWeSendIsSyncFlushedAndReadsBack() throws Exception {
        String text = "Gr\u00fc\u00dfe, \u4e16\u754c \u2713\nline two";
        ExtendedClipboard m = ClipboardText.provide(text);
        assertThat(m.flags()).isEqualTo(TEXT_PROVIDE);
        byte[] z = m.payload();
        // a sync flush ends in an empty stored block: 00 00 ff ff
        assertThat(java.util.Arrays.copyOfRange(z, z.length - 4, z.length)).isEqualTo(hex("0000ffff"));
        Inflater inflater = new Inflater();
        inflater.setInput(z);
        byte[] plain = new byte[1024];
        int n = inflater.inflate(plain);
        byte[] wire = ClipboardText.wireText(text);
        assertThat(java.util.Arrays.copyOf(plain, n)).isEqualTo(Wire.concat(hex(String.format("%08x", wire.length)), wire));
        assertThat(new String(wire, java.nio.charset.StandardCharsets.UTF_8)).endsWith("\r\nline two\0");
        assertThat(ClipboardText.textOf(m, 1000)).isEqualTo(text);
    }

    @Test
    void aMebibyteOfTextReadsBack() throws Exception {
        String text = "0123456789abcdef\n".repeat(64 * 1024);
        assertThat(ClipboardText.textOf(ClipboardText.provide(text), ClipboardSync.OUR_TEXT_LIMIT)).isEqualTo(text);
    }

    @Test
    void aTextLengthBeyondTheLimitIsRefusedBeforeInflatingIt() {
        ExtendedClipboard m = ClipboardText.provide("x".repeat(200));
        assertThat(Wire.thrown(() -> ClipboardText.textOf(m, 100))).isInstanceOf(RfbProtocolException.class)
                .hasMessage("extended clipboard text length 201 exceeds limit 100 bytes");
    }

    @Test
    void aStreamThatEndsEarlyIsNamed() {
        ExtendedClipboard m = new ExtendedClipboard(TEXT_PROVIDE, hex("789c626060e0ca38bc92"));
        assertThat(Wire.thrown(() -> ClipboardText.textOf(m, 100))).isInstanceOf(RfbProtocolException.class)
                .hasMessageStartingWith("extended clipboard provide: the zlib data ends after ");
    }

    @Test
    void garbageIsNamed() {
        ExtendedClipboard m = new ExtendedClipboard(TEXT_PROVIDE, hex("ffffffffffff"));
        assertThat(Wire.thrown(() -> ClipboardText.textOf(m, 100))).isInstanceOf(RfbProtocolException.class)
                .hasMessageStartingWith("extended clipboard provide: bad zlib data");
    }

    @Test
    void aProvideOfHtmlOnlyHasNoText() throws Exception {
        assertThat(ClipboardText.textOf(new ExtendedClipboard(ExtendedClipboard.PROVIDE | ExtendedClipboard.HTML,
                hex("789c")), 100)).isNull();
    }
}
