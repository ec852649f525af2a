package io.vncstream.viewer.screen;

import javax.swing.SwingUtilities;
import java.awt.AWTException;
import java.awt.Cursor;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;

/**
 * QEMU's relative pointer mode (pointer motion change -257 saying relative: a VM with a PS/2
 * mouse and no tablet). QEMU then reads a pointer event's x and y as motion offset by 0x7FFF
 * (ui/vnc.c: x - 0x7FFF), so the viewer grabs the local pointer as virt-viewer does: a click
 * on the screen grabs it (that click is not sent), the cursor is hidden and put back in the
 * middle of the visible screen after every move with {@link Robot}, each move's distance goes
 * to the server, and Ctrl+Alt (pressed together, then released with no other key) or losing
 * the focus releases it. Event dispatch thread.
 */
final class PointerGrab {
    /** QEMU's zero motion: a relative event's x and y are this plus the motion. */
    static final int CENTRE = 0x7FFF;
    /** A larger jump in one event is a warp gone wrong (the window moved), not the user's hand. */
    private static final int MAX_STEP = 1000;

    static final String GRABBED = "Pointer grabbed by the remote machine (relative mouse): press Ctrl+Alt to release it";
    static final String RELEASED = "Pointer released: click the remote screen to grab it again";
    static final String WANTED = "The remote machine has no tablet and wants relative mouse motion: "
            + "click the remote screen to grab the pointer, Ctrl+Alt releases it";

    private final RemoteScreen screen;
    private final Consumer<String> status;
    private Robot robot;
    private boolean relative;
    private boolean grabbed;
    private Point centre;
    /** Ctrl and Alt are both down and no other key came since: releasing either releases the grab. */
    private boolean comboArmed;
    private Cursor blank;

    PointerGrab(RemoteScreen screen, Consumer<String> status) {
        this.screen = screen;
        this.status = status;
    }

    boolean relative() {
        return relative;
    }

    boolean grabbed() {
        return grabbed;
    }

    /** The server said which motion it wants; absolute ends a grab. */
    void setRelative(boolean on) {
        if (on == relative) {
            return;
        }
        relative = on;
        if (on) {
            status.accept(WANTED);
        } else {
            release(null);
        }
    }

    /** Grabs the pointer (a click on the screen in relative mode); false when it cannot be warped here. */
    boolean grab() {
        if (grabbed) {
            return true;
        }
        if (robot == null) {
            try {
                robot = screen.getGraphicsConfiguration() == null ? new Robot()
                        : new Robot(screen.getGraphicsConfiguration().getDevice());
            } catch (AWTException | SecurityException e) {
                status.accept("Cannot grab the pointer here (" + e.getMessage() + "): relative mouse motion is not sent");
                return false;
            }
        }
        grabbed = true;
        comboArmed = false;
        screen.pointerGrabChanged();
        warp();
        status.accept(GRABBED);
        return true;
    }

    /** Gives the pointer back; {@code why} (null: the plain message) goes to the status bar. */
    void release(String why) {
        if (!grabbed) {
            return;
        }
        grabbed = false;
        comboArmed = false;
        screen.pointerGrabChanged();
        status.accept(why == null ? RELEASED : why);
    }

    /** A transparent cursor while grabbed: the remote machine draws its own pointer. */
    Cursor blankCursor() {
        if (blank == null) {
            try {
                blank = Toolkit.getDefaultToolkit().createCustomCursor(
                        new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB), new Point(0, 0), "vncstream grabbed pointer");
            } catch (RuntimeException e) {
                blank = Cursor.getDefaultCursor();
            }
        }
        return blank;
    }

    /** A move while grabbed: its distance from the centre, then back to the centre. Returns the motion or null. */
    Point motion(MouseEvent e) {
        if (!grabbed || centre == null) {
            return null;
        }
        int dx = e.getXOnScreen() - centre.x;
        int dy = e.getYOnScreen() - centre.y;
        if (dx == 0 && dy == 0) {
            return null; // the warp's own event
        }
        warp();
        if (Math.abs(dx) > MAX_STEP || Math.abs(dy) > MAX_STEP) {
            return null;
        }
        return new Point(dx, dy);
    }

    /** Ctrl+Alt: both pressed, then one released with no other key between, releases the grab. */
    void key(KeyEvent e) {
        if (!grabbed) {
            return;
        }
        int code = e.getKeyCode();
        boolean ctrlOrAlt = code == KeyEvent.VK_CONTROL || code == KeyEvent.VK_ALT;
        if (e.getID() == KeyEvent.KEY_PRESSED) {
            comboArmed = ctrlOrAlt && e.isControlDown() && e.isAltDown();
        } else if (e.getID() == KeyEvent.KEY_RELEASED && ctrlOrAlt && comboArmed) {
            release(null);
        }
    }

    private void warp() {
        Rectangle v = screen.getVisibleRect();
        if (v.isEmpty() || !screen.isShowing()) {
            return;
        }
        Point p = new Point(v.x + v.width / 2, v.y + v.height / 2);
        SwingUtilities.convertPointToScreen(p, screen);
        centre = p;
        robot.mouseMove(p.x, p.y);
    }
}
