package io.vncstream.gateway.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The demo's desktop: a picture drawn with Java2D into an int[] ARGB buffer, with a clock and
 * a bouncing box that move (so updates keep flowing), and a trail where the viewer's pointer
 * went. Readers take {@link #lock()} while they encode.
 */
public final class DemoScene implements AutoCloseable {
    public static final int WIDTH = 1024;
    public static final int HEIGHT = 768;
    private static final Rectangle CLOCK = new Rectangle(40, 680, 360, 48);
    private static final int BOX = 60;
    /** The desktop's gradient: drawn once, then again wherever the box has just been. */
    private static final GradientPaint BACKGROUND =
            new GradientPaint(0, 0, new Color(0x1e3a5f), WIDTH, HEIGHT, new Color(0x3f7cac));
    private static final DateTimeFormatter CLOCK_FORMAT = DateTimeFormatter.ofPattern("HH:mm:ss.S");

    private final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    private final int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    private final Object lock = new Object();
    private final List<Consumer<Rectangle>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-scene");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong inputEvents = new AtomicLong();
    private int boxX = 700;
    private int boxY = 300;
    private int dx = 7;
    private int dy = 5;
    private String typed = "";

    public DemoScene() {
        synchronized (lock) {
            Graphics2D g = graphics();
            g.setPaint(BACKGROUND);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(new Color(0xf5f5f5));
            g.fillRoundRect(40, 40, 600, 120, 24, 24);
            g.setColor(new Color(0x1e3a5f));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
            g.drawString("vncstream demo", 70, 100);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
            g.drawString("Open serial0 or log0 from the device list", 70, 140);
            for (int i = 0; i < 8; i++) {
                g.setColor(Color.getHSBColor(i / 8f, 0.6f, 0.9f));
                g.fillRect(40 + i * 70, 200, 60, 60);
            }
            g.dispose();
        }
        ticker.scheduleAtFixedRate(this::tick, 100, 100, TimeUnit.MILLISECONDS);
    }

    public Object lock() {
        return lock;
    }

    /** The live pixels (0xFFRRGGBB after masking; TYPE_INT_RGB leaves the top byte 0). Read under {@link #lock()}. */
    public int[] pixels() {
        return pixels;
    }

    /** Told of each changed rectangle, on the scene's thread or an input thread. */
    public void addListener(Consumer<Rectangle> l) {
        listeners.add(l);
    }

    public void removeListener(Consumer<Rectangle> l) {
        listeners.remove(l);
    }

    /** Key and pointer events received from viewers (tests check that view-only sends none). */
    public long inputEvents() {
        return inputEvents.get();
    }

    void pointer(int x, int y, int buttons) {
        inputEvents.incrementAndGet();
        if (buttons == 0 || x >= WIDTH || y >= HEIGHT) {
            return;
        }
        Rectangle r = new Rectangle(x - 3, y - 3, 7, 7).intersection(new Rectangle(0, 0, WIDTH, HEIGHT));
        synchronized (lock) {
            Graphics2D g = graphics();
            g.setColor(new Color(0xffd166));
            g.fillOval(r.x, r.y, r.width, r.height);
            g.dispose();
        }
        fire(r);
    }

    void key(int keysym, boolean down) {
        inputEvents.incrementAndGet();
        if (!down || keysym < 0x20 || keysym > 0x7e) {
            return;
        }
        Rectangle r = new Rectangle(40, 600, 700, 40);
        synchronized (lock) {
            typed = (typed + (char) keysym);
            if (typed.length() > 50) {
                typed = typed.substring(typed.length() - 50);
            }
            Graphics2D g = graphics();
            g.setColor(new Color(0x10243a));
            g.fillRect(r.x, r.y, r.width, r.height);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 22));
            g.drawString("typed: " + typed, r.x + 10, r.y + 28);
            g.dispose();
        }
        fire(r);
    }

    private void tick() {
        Rectangle old = new Rectangle(boxX, boxY, BOX, BOX);
        Rectangle moved;
        synchronized (lock) {
            Graphics2D g = graphics();
            g.setPaint(BACKGROUND);
            g.fill(old);
            boxX += dx;
            boxY += dy;
            if (boxX < 660 || boxX + BOX > WIDTH - 20) {
                dx = -dx;
                boxX += 2 * dx;
            }
            if (boxY < 300 || boxY + BOX > 580) {
                dy = -dy;
                boxY += 2 * dy;
            }
            moved = new Rectangle(boxX, boxY, BOX, BOX);
            g.setColor(new Color(0xef476f));
            g.fillRoundRect(boxX, boxY, BOX, BOX, 14, 14);
            g.setColor(new Color(0x10243a));
            g.fill(CLOCK);
            g.setColor(new Color(0x06d6a0));
            g.setStroke(new BasicStroke(2));
            g.drawRect(CLOCK.x, CLOCK.y, CLOCK.width - 1, CLOCK.height - 1);
            g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 28));
            g.drawString(LocalTime.now().format(CLOCK_FORMAT), CLOCK.x + 16, CLOCK.y + 34);
            g.dispose();
        }
        fire(old.union(moved));
        fire(CLOCK);
    }

    private Graphics2D graphics() {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }

    private void fire(Rectangle r) {
        for (Consumer<Rectangle> l : listeners) {
            l.accept(r);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
