package io.vncstream.viewer.screen;

import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.framebuffer.FramebufferListener;
import io.vncstream.rfb.pseudo.RemoteCursor;
import io.vncstream.viewer.keys.KeyTranslator;

import javax.swing.JComponent;
import javax.swing.JViewport;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.event.FocusEvent;
import java.awt.event.FocusListener;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The remote desktop as a Swing component. The picture is the framebuffer's own pixel array
 * (see {@link FramebufferImage}); damage reported on the connection's reader thread is
 * accumulated and repainted once per turn of the event dispatch thread. Mouse, wheel and keys
 * go to a {@link RemoteInput} unless the screen is view-only (keys through {@link ScreenKeys},
 * the pointer through {@link ScreenMouse}); the server's cursor shape is the local cursor.
 * {@link PicturePainter} draws the picture, {@link ScreenSnapshot} copies and saves it.
 */
public final class RemoteScreen extends JComponent implements Scrollable, FramebufferListener {
    // Event dispatch thread state
    private volatile Framebuffer framebuffer;
    private BufferedImage image;
    private Scaling scaling = Scaling.NATIVE;
    private boolean viewOnly;
    private RemoteInput input = RemoteInput.NONE;
    private final KeyTranslator keys;
    private final ClipboardBridge clipboard;
    private final PointerGrab grab = new PointerGrab(this, s -> this.status.accept(s));
    private final ScreenMouse mouse = new ScreenMouse(this, grab);
    private RemoteCursor remoteCursor;
    private String placeholder = "Not connected";
    private final java.util.List<Runnable> paintListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Consumer<String> status = s -> { };

    private final DamageCoalescer damage = new DamageCoalescer(this::flushDamage);

    public RemoteScreen() {
        this(systemClipboard());
    }

    /** @param clipboard the clipboard to bridge, or null for none */
    public RemoteScreen(java.awt.datatransfer.Clipboard clipboard) {
        setOpaque(true);
        setFocusable(true);
        setFocusTraversalKeysEnabled(false); // Tab belongs to the remote desktop
        setName("remoteScreen");
        keys = new KeyTranslator((down, keysym, scancode) -> input.sendKey(down, keysym, scancode));
        this.clipboard = new ClipboardBridge(clipboard, text -> input.sendCutText(text), s -> status.accept(s),
                text -> input.cutTextProblem(text));
        addMouseListener(mouse);
        addMouseMotionListener(mouse);
        addMouseWheelListener(mouse);
        addKeyListener(new java.awt.event.KeyAdapter() {
            @Override
            public void keyPressed(java.awt.event.KeyEvent e) {
                grab.key(e);
            }

            @Override
            public void keyReleased(java.awt.event.KeyEvent e) {
                grab.key(e);
            }
        });
        addKeyListener(new ScreenKeys(keys, this::inputBlocked));
        addFocusListener(new FocusListener() {
            @Override
            public void focusGained(FocusEvent e) {
                if (!viewOnly && framebuffer != null) {
                    RemoteScreen.this.clipboard.checkLocal();
                }
            }

            @Override
            public void focusLost(FocusEvent e) {
                keys.releaseAll();
                releasePointer("Pointer released: the remote screen lost the keyboard focus");
            }
        });
    }

    private static java.awt.datatransfer.Clipboard systemClipboard() {
        try {
            return Toolkit.getDefaultToolkit().getSystemClipboard();
        } catch (java.awt.HeadlessException | SecurityException e) {
            return null;
        }
    }

    // ---- connection ----

    /** Shows this framebuffer and sends input to {@code input} (event dispatch thread). */
    public void attach(Framebuffer fb, RemoteInput input) {
        detach();
        this.framebuffer = fb;
        this.input = input;
        fb.addListener(this);
        int w = fb.width();
        int h = fb.height();
        int[] px = fb.pixels();
        if (px.length == w * h && w > 0 && h > 0) {
            setImage(FramebufferImage.wrap(px, w, h));
        }
        clipboard.setEnabled(!viewOnly);
        clipboard.install();
        repaint();
    }

    /** Stops sending input and following the framebuffer; the last picture stays. */
    public void detach() {
        keys.releaseAll();
        grab.release(null);
        grab.setRelative(false);
        if (framebuffer != null) {
            framebuffer.removeListener(this);
            framebuffer = null;
        }
        input = RemoteInput.NONE;
        mouse.forgetButtons();
        clipboard.uninstall();
    }

    public boolean isAttached() {
        return framebuffer != null;
    }

    /** Told after each paint of (part of) the picture, on the event thread: for startup measurements. */
    public void addPaintListener(Runnable l) {
        paintListeners.add(l);
    }

    public void removePaintListener(Runnable l) {
        paintListeners.remove(l);
    }

    /** Text shown when there is no picture yet. */
    public void setPlaceholder(String text) {
        placeholder = text;
        repaint();
    }

    public void setStatusListener(Consumer<String> status) {
        this.status = status == null ? s -> { } : status;
    }

    public ClipboardBridge clipboard() {
        return clipboard;
    }

    /** The server's clipboard (any thread). */
    public void serverCutText(String text) {
        clipboard.serverText(text);
    }

    /** The server's cursor shape (any thread). */
    public void setRemoteCursor(RemoteCursor cursor) {
        if (!SwingUtilities.isEventDispatchThread()) {
            SwingUtilities.invokeLater(() -> setRemoteCursor(cursor));
            return;
        }
        remoteCursor = cursor;
        updateCursor();
    }

    // ---- QEMU's relative pointer ----

    /**
     * The server's pointer motion change (QEMU's -257): relative means a VM without a tablet,
     * whose pointer moves by grabbed motion ({@link PointerGrab}); absolute as usual (event
     * dispatch thread).
     */
    public void setRelativePointer(boolean relative) {
        if (!relative) {
            mouse.releaseButtons();
        }
        grab.setRelative(relative);
    }

    public boolean isRelativePointer() {
        return grab.relative();
    }

    /** Whether the local pointer is grabbed (relative mode, after a click on the screen). */
    public boolean isPointerGrabbed() {
        return grab.grabbed();
    }

    /** Ends a grab, buttons released at the server first; {@code why} goes to the status bar. */
    public void releasePointer(String why) {
        if (grab.grabbed()) {
            mouse.releaseButtons();
            grab.release(why);
        }
    }

    /** Called by the grab when it starts or ends: the cursor hides or comes back. */
    void pointerGrabChanged() {
        updateCursor();
        firePropertyChange("pointerGrabbed", !grab.grabbed(), grab.grabbed());
    }

    private void updateCursor() {
        if (grab.grabbed()) {
            setCursor(grab.blankCursor());
            return;
        }
        if (remoteCursor == null) {
            setCursor(Cursor.getDefaultCursor());
            return;
        }
        double deviceScale = deviceScale();
        double s = mapping(deviceScale).scale() * deviceScale;
        try {
            setCursor(CursorFactory.create(remoteCursor, Math.abs(s - 1.0) < 0.01 ? 1.0 : s));
        } catch (RuntimeException e) {
            setCursor(Cursor.getDefaultCursor());
        }
    }

    // ---- damage from the reader thread ----

    @Override
    public void damaged(int x, int y, int w, int h) {
        damage.damaged(x, y, w, h);
    }

    @Override
    public void resized(int width, int height) {
        Framebuffer fb = framebuffer;
        // Called on the thread that resized, right after: size and array agree here.
        int[] px = fb == null ? null : fb.pixels();
        damage.resized(fb != null && px.length == width * height ? new DamageCoalescer.Frame(fb, px, width, height) : null);
    }

    private void flushDamage() {
        DamageCoalescer.Pending p = damage.take();
        DamageCoalescer.Frame frame = p.frame();
        if (frame != null && frame.fb() == framebuffer && frame.width() > 0 && frame.height() > 0) {
            setImage(FramebufferImage.wrap(frame.pixels(), frame.width(), frame.height()));
            return;
        }
        Rectangle d = p.damage();
        if (d != null && image != null) {
            repaint(mapping().toComponent(d.x, d.y, d.width, d.height));
        }
    }

    private void setImage(BufferedImage img) {
        boolean sizeChanged = image == null || image.getWidth() != img.getWidth() || image.getHeight() != img.getHeight();
        image = img;
        if (sizeChanged) {
            revalidate();
            updateCursor();
        }
        repaint();
    }

    /** The picture being shown (it shares the framebuffer's pixels), or null. */
    public BufferedImage image() {
        return image;
    }

    // ---- painting ----

    public Scaling scaling() {
        return scaling;
    }

    public void setScaling(Scaling scaling) {
        this.scaling = scaling;
        revalidate();
        repaint();
        updateCursor();
    }

    public boolean isViewOnly() {
        return viewOnly;
    }

    /** In view-only mode no key, pointer or clipboard event goes to the server. */
    public void setViewOnly(boolean viewOnly) {
        if (viewOnly && !this.viewOnly) {
            keys.releaseAll();
            mouse.releaseButtons();
            grab.release(null);
        }
        this.viewOnly = viewOnly;
        clipboard.setEnabled(!viewOnly);
        firePropertyChange("viewOnly", !viewOnly, viewOnly);
    }

    double deviceScale() {
        GraphicsConfiguration gc = getGraphicsConfiguration();
        return gc == null ? 1.0 : gc.getDefaultTransform().getScaleX();
    }

    /** Where the picture is in this component now. */
    public ScreenMapping mapping() {
        return mapping(deviceScale());
    }

    private ScreenMapping mapping(double deviceScale) {
        int w = image == null ? 0 : image.getWidth();
        int h = image == null ? 0 : image.getHeight();
        return ScreenMapping.of(scaling, w, h, deviceScale, getWidth(), getHeight());
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            Rectangle clip = g2.getClipBounds();
            if (clip == null) {
                clip = new Rectangle(0, 0, getWidth(), getHeight());
            }
            BufferedImage img = image;
            double deviceScale = deviceScale(); // from the graphics configuration: once per paint
            if (img == null) {
                PicturePainter.paintPlaceholder(g2, clip, placeholder, getFont(), getWidth(), getHeight());
            } else if (PicturePainter.paint(g2, clip, img, mapping(deviceScale), scaling, deviceScale)) {
                for (Runnable l : paintListeners) {
                    l.run();
                }
            }
        } finally {
            g2.dispose();
        }
    }

    /** A copy of the framebuffer as it is now. */
    public BufferedImage snapshot() {
        return ScreenSnapshot.take(framebuffer, image);
    }

    /** Writes {@link #snapshot()} as a PNG. */
    public void writePng(Path file) throws IOException {
        ScreenSnapshot.writePng(snapshot(), file);
    }

    // ---- sizing ----

    @Override
    public Dimension getPreferredSize() {
        if (isPreferredSizeSet()) {
            return super.getPreferredSize();
        }
        if (image == null) {
            return new Dimension(800, 600);
        }
        return ScreenMapping.preferredSize(scaling, image.getWidth(), image.getHeight(), deviceScale());
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visibleRect, int orientation, int direction) {
        return 32;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visibleRect, int orientation, int direction) {
        return orientation == SwingConstants.HORIZONTAL ? visibleRect.width - 32 : visibleRect.height - 32;
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return scaling == Scaling.FIT
                || (getParent() instanceof JViewport vp && vp.getWidth() >= getPreferredSize().width);
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return scaling == Scaling.FIT
                || (getParent() instanceof JViewport vp && vp.getHeight() >= getPreferredSize().height);
    }

    // ---- input ----

    /** Where keys and pointer events go now (nowhere when detached). */
    RemoteInput input() {
        return input;
    }

    boolean inputBlocked() {
        return viewOnly || framebuffer == null || image == null;
    }
}
