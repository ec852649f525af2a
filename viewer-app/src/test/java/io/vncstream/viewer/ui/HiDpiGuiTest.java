package io.vncstream.viewer.ui;

import io.vncstream.gateway.demo.DemoScene;
import io.vncstream.gateway.demo.EmbeddedDemo;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.TestPeers;
import io.vncstream.viewer.connect.AppConfig;
import io.vncstream.viewer.screen.Scaling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.event.InputEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static io.vncstream.viewer.ui.DemoWindowTestBase.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The viewer on a 200% screen: a separate JVM runs the app with {@code -Dsun.java2d.uiScale=2}
 * (the scale is fixed when AWT starts, so it cannot be this JVM), connected to the demo served
 * here. This JVM, at scale 1, reads the X screen in device pixels and finds the desktop on it.
 */
class HiDpiGuiTest {
    /** The demo's title card and colour squares: nothing animates there. */
    private static final Rectangle STILL = new Rectangle(0, 0, 500, 250);

    @TempDir
    Path temp;
    EmbeddedDemo demo;
    Process viewer;

    @BeforeEach
    void start() throws Exception {
        TestPeers.requireDisplay();
        assertThat(GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice()
                .getDefaultConfiguration().getDefaultTransform().getScaleX())
                .as("this JVM reads the screen at scale 1").isEqualTo(1.0);
        demo = EmbeddedDemo.start(0);
    }

    @AfterEach
    void stop() {
        if (viewer != null) {
            Processes.killTree(viewer.toHandle());
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void oneToOneShowsOneRemotePixelPerDevicePixelAndClicksLandThere() throws Exception {
        launchViewer(Scaling.NATIVE);
        Point at = awaitDesktopOnScreen(1);
        // A click on device pixel (700, 460) of the picture is remote pixel (700, 460).
        Point remote = new Point(700, 460);
        Robot robot = new Robot();
        long before = demo.scene().inputEvents();
        robot.mouseMove(at.x + remote.x, at.y + remote.y);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        try {
            await(() -> trailAt(remote), "the demo drew the click's dot at " + remote);
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(e.getMessage() + "; picture at " + at + ", input events at the server: "
                    + before + " before the click, " + demo.scene().inputEvents() + " after; trail at "
                    + trailPoints() + "\nviewer log:\n" + Processes.tail(temp.resolve("viewer.log")), e);
        }
    }

    @Test
    void theScaledModeDoublesEachRemotePixelWhenTheUserPicksIt() throws Exception {
        launchViewer(Scaling.LOGICAL);
        awaitDesktopOnScreen(2);
    }

    /** Starts the real application in its own JVM at 200%, with {@code scaling} as the saved choice. */
    private void launchViewer(Scaling scaling) throws Exception {
        AppConfig config = new AppConfig(temp.resolve("config"));
        Properties settings = new Properties();
        settings.setProperty("scaling", scaling.name());
        config.saveSettings(settings);
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        viewer = Processes.start(Map.of(), temp, temp.resolve("viewer.log"), List.of(java,
                "-Dsun.java2d.uiScale=2", "-Dvncstream.config.dir=" + temp.resolve("config"),
                "-cp", System.getProperty("java.class.path"),
                "io.vncstream.viewer.cli.VncstreamCommand", "127.0.0.1::" + demo.port()));
    }

    /**
     * Waits until the X screen shows the still part of the demo desktop, each remote pixel as a
     * {@code factor} x {@code factor} block of identical device pixels; returns where it starts.
     */
    private Point awaitDesktopOnScreen(int factor) throws Exception {
        int[] scene = stillScene();
        Robot robot = new Robot();
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        Point[] found = {null};
        long[] since = {0};
        try {
            // At the same place for a second: a decorated frame without a window manager moves
            // once its insets are known, and the device list appears beside the screen with the
            // server's first device; a click must not miss for either.
            await(() -> {
                BufferedImage shot = robot.createScreenCapture(screen);
                Point now = find(shot, scene, factor);
                if (now == null || !now.equals(found[0])) {
                    since[0] = System.nanoTime();
                }
                found[0] = now;
                return now != null && System.nanoTime() - since[0] >= 1_000_000_000L;
            }, "the demo desktop appears (and stays) on the screen at " + factor + " device pixel(s) per remote pixel");
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\nviewer log:\n" + Processes.tail(temp.resolve("viewer.log")), e);
        }
        return found[0];
    }

    private int[] stillScene() {
        int[] px = new int[STILL.width * STILL.height];
        synchronized (demo.scene().lock()) {
            int[] all = demo.scene().pixels();
            for (int y = 0; y < STILL.height; y++) {
                for (int x = 0; x < STILL.width; x++) {
                    px[y * STILL.width + x] = all[(STILL.y + y) * DemoScene.WIDTH + STILL.x + x] & 0xFFFFFF;
                }
            }
        }
        return px;
    }

    /** The top-left of an exact copy of {@code scene} scaled by {@code factor} in {@code shot}, or null. */
    private static Point find(BufferedImage shot, int[] scene, int factor) {
        int w = shot.getWidth();
        int h = shot.getHeight();
        int[] px = shot.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            px[i] &= 0xFFFFFF;
        }
        int sw = STILL.width * factor;
        int sh = STILL.height * factor;
        int[][] probes = {{0, 0}, {STILL.width - 1, STILL.height - 1}, {470, 60}, {60, 170}, {300, 200}, {250, 30}};
        for (int oy = 0; oy + sh <= h; oy++) {
            for (int ox = 0; ox + sw <= w; ox++) {
                boolean maybe = true;
                for (int[] p : probes) {
                    if (px[(oy + p[1] * factor) * w + ox + p[0] * factor] != scene[p[1] * STILL.width + p[0]]) {
                        maybe = false;
                        break;
                    }
                }
                if (maybe && matches(px, w, ox, oy, scene, factor)) {
                    return new Point(ox, oy);
                }
            }
        }
        return null;
    }

    private static boolean matches(int[] px, int w, int ox, int oy, int[] scene, int factor) {
        for (int y = 0; y < STILL.height * factor; y++) {
            for (int x = 0; x < STILL.width * factor; x++) {
                if (px[(oy + y) * w + ox + x] != scene[(y / factor) * STILL.width + x / factor]) {
                    return false;
                }
            }
        }
        return true;
    }

    private List<Point> trailPoints() {
        List<Point> found = new java.util.ArrayList<>();
        synchronized (demo.scene().lock()) {
            int[] px = demo.scene().pixels();
            for (int i = 0; i < px.length && found.size() < 5; i++) {
                if ((px[i] & 0xFFFFFF) == 0xffd166) {
                    found.add(new Point(i % DemoScene.WIDTH, i / DemoScene.WIDTH));
                }
            }
        }
        return found;
    }

    private boolean trailAt(Point p) {
        synchronized (demo.scene().lock()) {
            return (demo.scene().pixels()[p.y * DemoScene.WIDTH + p.x] & 0xFFFFFF) == 0xffd166;
        }
    }
}
