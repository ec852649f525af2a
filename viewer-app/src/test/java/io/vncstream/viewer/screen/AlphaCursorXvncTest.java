package io.vncstream.viewer.screen;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.pseudo.RemoteCursor;
import io.vncstream.rfb.testing.Eventually;
import io.vncstream.rfb.testing.XvncServer;
import io.vncstream.viewer.connect.ConnectionSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.swing.SwingUtilities;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cursor with alpha (-314) from Xvnc: the viewer's configuration asks for it, Xvnc sends the
 * root window's cursor and, with the pointer over an xterm, xterm's text cursor that way (both
 * core cursors here: alpha 0 or 255 only, xterm finds no Xcursor theme), and
 * each is what a second client asking only for the plain cursor (-239) gets wherever the two
 * can agree: the same colour where the alpha cursor is opaque, transparent where it is clear
 * (the plain cursor's 1-bit mask cannot carry what lies between). The screen shows it as its
 * local cursor.
 */
class AlphaCursorXvncTest {
    @TempDir
    Path temp;

    @Test
    void xvncCursorsArriveWithAlphaAndAgreeWithThePlainCursor() throws Exception {
        ClientConfig viewerConfig = new ConnectionSettings().toClientConfig();
        assertThat(viewerConfig.encodings()).contains(Encodings.CURSOR_WITH_ALPHA, Encodings.CURSOR);
        try (XvncServer xvnc = XvncServer.builder().geometry(640, 480).start()) {
            xvnc.xterm(200, 150, 40, 10, temp, "exec sleep 100000");
            AtomicReference<RemoteCursor> alpha = new AtomicReference<>();
            AtomicReference<RemoteCursor> plain = new AtomicReference<>();
            try (RfbClient withAlpha = RfbClient.connect(ServerAddress.parse(xvnc.address()), viewerConfig, recorder(alpha));
                 RfbClient without = RfbClient.connect(ServerAddress.parse(xvnc.address()), new ClientConfig(), recorder(plain))) {
                withAlpha.start();
                without.start();
                RemoteCursor root = awaitShape(withAlpha, alpha, 20, 20, null, "the root window's cursor with alpha");
                RemoteCursor rootPlain = awaitShape(without, plain, 20, 20, null, "the root window's plain cursor");
                assertPlausible(root, "root window cursor");
                assertThat(agree(root, rootPlain)).as("the root window's cursor with alpha against the plain one").isNull();

                RemoteCursor text = awaitShape(withAlpha, alpha, 300, 200, root, "xterm's cursor with alpha");
                RemoteCursor textPlain = awaitShape(without, plain, 300, 200, rootPlain, "xterm's plain cursor");
                assertPlausible(text, "xterm's cursor");
                assertThat(agree(text, textPlain)).as("xterm's cursor with alpha against the plain one").isNull();

                assertThat(withAlpha.rectsByEncoding()).as("rectangles the viewer's configuration got").containsKey(Encodings.CURSOR_WITH_ALPHA);
                assertThat(withAlpha.rectsByEncoding()).doesNotContainKey(Encodings.CURSOR);
                assertThat(without.rectsByEncoding()).containsKey(Encodings.CURSOR).doesNotContainKey(Encodings.CURSOR_WITH_ALPHA);

                if (!GraphicsEnvironment.isHeadless()) {
                    RemoteScreen screen = new RemoteScreen(null);
                    screen.setRemoteCursor(text);
                    AtomicReference<String> name = new AtomicReference<>();
                    SwingUtilities.invokeAndWait(() -> name.set(screen.getCursor().getName()));
                    assertThat(name.get()).as("the screen's local cursor").isEqualTo("vncstream remote cursor");
                }
            }
        }
    }

    private static RfbClientHandler recorder(AtomicReference<RemoteCursor> into) {
        return new RfbClientHandler() {
            @Override
            public void cursorChanged(RemoteCursor cursor) {
                into.set(cursor);
            }
        };
    }

    /**
     * The client moves the pointer about (x, y) until it has a non-empty shape other than
     * {@code not}: Xvnc sends the shape while the pointer is where this client's own last
     * pointer event put it, else an empty one (and draws the pointer into the picture).
     */
    private static RemoteCursor awaitShape(RfbClient client, AtomicReference<RemoteCursor> shape, int x, int y,
                                           RemoteCursor not, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        for (int i = 0; ; i++) {
            client.sendPointer(0, x + i % 2, y);
            Thread.sleep(200);
            RemoteCursor c = shape.get();
            if (c != null && !c.isEmpty() && (not == null || !sameShape(c, not))) {
                return c;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": " + (c == null ? "none" : describe(c)));
            }
        }
    }

    private static boolean sameShape(RemoteCursor a, RemoteCursor b) {
        return a.width() == b.width() && a.height() == b.height() && a.hotX() == b.hotX() && a.hotY() == b.hotY()
                && java.util.Arrays.equals(a.argb(), b.argb());
    }

    /** Null when the two agree wherever a 1-bit mask can; else where they differ first. */
    static String agree(RemoteCursor alpha, RemoteCursor plain) {
        if (alpha.width() != plain.width() || alpha.height() != plain.height()
                || alpha.hotX() != plain.hotX() || alpha.hotY() != plain.hotY()) {
            return "sizes or hotspots differ: " + describe(alpha) + " vs " + describe(plain);
        }
        for (int i = 0; i < alpha.argb().length; i++) {
            int a = alpha.argb()[i] >>> 24;
            int p = plain.argb()[i];
            if (a == 255 && p != alpha.argb()[i]) {
                return String.format("pixel %d: alpha cursor %08x, plain %08x", i, alpha.argb()[i], p);
            }
            if (a == 0 && p != 0) {
                return String.format("pixel %d: clear in the alpha cursor, plain %08x", i, p);
            }
        }
        return null;
    }

    private static void assertPlausible(RemoteCursor c, String what) {
        assertThat(c.isEmpty()).as(what + " empty").isFalse();
        assertThat(c.width()).as(what + " width").isBetween(4, 64);
        assertThat(c.height()).as(what + " height").isBetween(4, 64);
        long opaque = java.util.Arrays.stream(c.argb()).filter(p -> p >>> 24 == 255).count();
        long clear = java.util.Arrays.stream(c.argb()).filter(p -> p >>> 24 == 0).count();
        assertThat(opaque).as(what + " opaque pixels").isGreaterThan(4);
        assertThat(clear).as(what + " clear pixels").isGreaterThan(4);
        assertThat(c.argb()[c.hotY() * c.width() + c.hotX()] >>> 24).as(what + " at its hotspot").isGreaterThan(0);
    }

    private static String describe(RemoteCursor c) {
        return c.width() + "x" + c.height() + " hotspot " + c.hotX() + "," + c.hotY();
    }
}
