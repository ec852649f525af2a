package io.vncstream.rfb.server;

import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.testing.OneByteAtATimeInputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Message bodies larger than the input's buffer, read as their bytes arrive, and the deadline hooks around them. */
class ClientMessageBodyTest {
    /** ClientCutText: type 6, three bytes of padding, u32 length, then the text. */
    private static byte[] cutText(int length, int bodyBytes) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[]{6, 0, 0, 0, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
        for (int i = 0; i < bodyBytes; i++) {
            b.write('a' + i % 26);
        }
        return b.toByteArray();
    }

    @Test
    void aCutTextLargerThanTheBufferArrivesWholeOneByteAtATime() throws IOException {
        int length = 5 * RfbInput.GROW_FROM + 123;
        byte[] wire = cutText(length, length);
        List<String> events = new ArrayList<>();
        RfbServerHandler handler = new RfbServerHandler() {
            @Override
            public void clientCutText(String text) {
                events.add("cut " + text.length());
                String expected = new String(wire, 8, wire.length - 8, java.nio.charset.StandardCharsets.ISO_8859_1);
                // Not assertThat(text).isEqualTo: a failure would print a third of a megabyte.
                events.add(text.equals(expected) ? "text exact" : "text differs");
            }
        };
        ClientMessageReader reader = new ClientMessageReader(RfbInput.of(new OneByteAtATimeInputStream(wire)), handler)
                .deadline(new ClientMessageReader.MessageDeadline() {
                    @Override
                    public void started() {
                        events.add("started");
                    }

                    @Override
                    public void ended() {
                        events.add("ended");
                    }
                });
        assertThat(reader.readMessage()).isEqualTo(6);
        assertThat(events).containsExactly("started", "cut " + length, "text exact", "ended");
        assertThat(Arrays.equals(reader.lastMessageBytes(), wire)).isTrue();
    }

    @Test
    void aBodyThatStopsIsAnEndOfStreamNotAnAllocationOfTheDeclaredLength() {
        byte[] wire = cutText(16 * 1024 * 1024, 70_000);
        ClientMessageReader reader = new ClientMessageReader(RfbInput.of(new OneByteAtATimeInputStream(wire)), new RfbServerHandler() { });
        assertThatThrownBy(reader::readMessage).isInstanceOf(EOFException.class)
                .hasMessageContaining("connection closed by peer at byte " + wire.length);
    }

    @Test
    void bytesReadWholeAreExactEvenAcrossGrowthSteps() throws IOException {
        byte[] data = new byte[3 * RfbInput.GROW_FROM + 1];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        RfbInput in = RfbInput.of(new OneByteAtATimeInputStream(data));
        assertThat(Arrays.equals(in.readBytes(data.length), data)).isTrue();
    }
}
