package io.vncstream.rfb.testing;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clipboard round trip with a real Xvnc, directly or through a relay: Unicode text and a
 * mebibyte set on the server with xclip arrive in our client exactly, and our Unicode text
 * arrives in {@code xclip -o} on the server.
 */
public final class ClipboardCheck {
    public static final String UNICODE = "Gr\u00fc\u00dfe, \u4e16\u754c \u2713";

    private ClipboardCheck() {
    }

    public static void bothWays(XvncServer xvnc, ServerAddress address) throws Exception {
        LastText last = new LastText();
        ClientConfig config = new ClientConfig().extensions(List.of(Encodings.EXTENDED_CLIPBOARD));
        try (XClipboard x = new XClipboard(xvnc); RfbClient client = RfbClient.connect(address, config, last)) {
            client.start();
            Eventually.await(Duration.ofSeconds(10), "Xvnc's extended clipboard caps", client::extendedClipboard);

            x.set(UNICODE);
            Eventually.await(Duration.ofSeconds(15), "the server's Unicode text in the client", () -> UNICODE.equals(last.text));

            String mebibyte = mebibyteOfText();
            x.set(mebibyte);
            try {
                Eventually.await(Duration.ofSeconds(30), "the server's 1 MiB text in the client", () -> mebibyte.equals(last.text));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + " (last text: " + (last.text == null ? "none" : last.text.length()
                        + " chars") + ", problems: " + last.problems + ")\n" + xvnc.logTail(), e);
            }

            String fromUs = "von uns: " + UNICODE;
            assertThat(client.sendCutText(fromUs)).isTrue();
            Eventually.await(Duration.ofSeconds(15), "our text in xclip -o on the server", () -> fromUs.equals(x.get()));
            assertThat(client.isClosed()).isFalse();
        }
    }

    /**
     * Lines of ASCII, Latin-1 and CJK, a mebibyte less one byte of UTF-8: xclip hands a larger
     * selection over incrementally (INCR: above 1048575 bytes with Xvnc's maximum request size),
     * which Xvnc 1.12 does not take from X clients.
     */
    public static String mebibyteOfText() {
        StringBuilder big = new StringBuilder();
        int bytes = 0;
        for (int i = 0; ; i++) {
            String line = "line " + i + " \u00e9\u4e16 " + "x".repeat(i % 50) + "\n";
            int n = line.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > 1024 * 1024 - 1) {
                big.append("y".repeat(1024 * 1024 - 1 - bytes));
                return big.toString();
            }
            big.append(line);
            bytes += n;
        }
    }

    private static final class LastText implements RfbClientHandler {
        volatile String text;
        final List<String> problems = new CopyOnWriteArrayList<>();

        @Override
        public void serverCutText(String text) {
            this.text = text;
        }

        @Override
        public void clipboardProblem(String message) {
            problems.add(message);
        }
    }
}
