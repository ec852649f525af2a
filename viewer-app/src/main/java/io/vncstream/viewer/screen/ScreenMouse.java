package io.vncstream.viewer.screen;

import java.awt.Point;
import java.awt.event.InputEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;

/**
 * The remote screen's mouse: buttons 1-3 as a button mask, the wheel as buttons 4/5 (and 6/7
 * sideways), positions mapped to the remote desktop at every scale. Event dispatch thread.
 */
final class ScreenMouse extends MouseAdapter {
    private static final boolean X11_EXTRA_BUTTONS_ARE_HSCROLL =
            System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");

    private final RemoteScreen screen;
    private final PointerGrab grab;
    private int buttonMask;
    private int lastX;
    private int lastY;
    private double wheelRemainder;
    /** The grabbing click's release is not sent either. */
    private boolean swallowRelease;
    private static final int ANY_BUTTON = InputEvent.BUTTON1_DOWN_MASK | InputEvent.BUTTON2_DOWN_MASK
            | InputEvent.BUTTON3_DOWN_MASK;

    ScreenMouse(RemoteScreen screen, PointerGrab grab) {
        this.screen = screen;
        this.grab = grab;
    }

    /** Releases held buttons at the server (before input stops: view-only, the grab ends). */
    void releaseButtons() {
        if (buttonMask != 0) {
            boolean rel = grab.relative();
            screen.input().sendPointer(0, rel ? PointerGrab.CENTRE : lastX, rel ? PointerGrab.CENTRE : lastY);
            buttonMask = 0;
        }
    }

    /** Forgets held buttons (the connection is gone). */
    void forgetButtons() {
        buttonMask = 0;
    }

    @Override
    public void mousePressed(MouseEvent e) {
        if (!screen.hasFocus()) {
            screen.requestFocusInWindow();
        }
        // On X11, Java reports the horizontal wheel (X buttons 6 and 7) as buttons 4 and 5.
        if (X11_EXTRA_BUTTONS_ARE_HSCROLL && (e.getButton() == 4 || e.getButton() == 5)) {
            if (!screen.inputBlocked()) {
                if (!grab.relative() || grab.grabbed()) {
                    position(e);
                    click(e.getButton() == 4 ? 0x20 : 0x40, 1);
                }
            }
            return;
        }
        if (grab.relative() && !grab.grabbed()) {
            // The click that grabs is the viewer's, not the remote machine's.
            if (!screen.inputBlocked() && grab.grab()) {
                buttonMask = 0;
                swallowRelease = true;
            }
            return;
        }
        pointer(e);
    }

    @Override
    public void mouseReleased(MouseEvent e) {
        if (swallowRelease) {
            swallowRelease = (e.getModifiersEx() & ANY_BUTTON) != 0;
            return;
        }
        pointer(e);
    }

    @Override
    public void mouseMoved(MouseEvent e) {
        pointer(e);
    }

    @Override
    public void mouseDragged(MouseEvent e) {
        pointer(e);
    }

    @Override
    public void mouseWheelMoved(MouseWheelEvent e) {
        if (screen.inputBlocked() || (grab.relative() && !grab.grabbed())) {
            return;
        }
        position(e);
        wheelRemainder += e.getPreciseWheelRotation();
        int notches = (int) wheelRemainder;
        wheelRemainder -= notches;
        if (notches == 0) {
            return;
        }
        boolean horizontal = e.isShiftDown();
        int bit = horizontal ? (notches < 0 ? 0x20 : 0x40) : (notches < 0 ? 0x08 : 0x10);
        click(bit, Math.min(Math.abs(notches), 50));
    }

    private void click(int bit, int times) {
        for (int i = 0; i < times; i++) {
            screen.input().sendPointer(buttonMask | bit, lastX, lastY);
            screen.input().sendPointer(buttonMask, lastX, lastY);
        }
    }

    private void position(MouseEvent e) {
        if (grab.relative()) {
            lastX = PointerGrab.CENTRE; // no motion: buttons and wheel alone
            lastY = PointerGrab.CENTRE;
            return;
        }
        ScreenMapping m = screen.mapping();
        lastX = m.remoteX(e.getX());
        lastY = m.remoteY(e.getY());
    }

    private void pointer(MouseEvent e) {
        if (screen.inputBlocked() || (grab.relative() && !grab.grabbed())) {
            return;
        }
        position(e);
        int mods = e.getModifiersEx();
        int mask = 0;
        if ((mods & InputEvent.BUTTON1_DOWN_MASK) != 0) {
            mask |= 1;
        }
        if ((mods & InputEvent.BUTTON2_DOWN_MASK) != 0) {
            mask |= 2;
        }
        if ((mods & InputEvent.BUTTON3_DOWN_MASK) != 0) {
            mask |= 4;
        }
        if (grab.relative()) {
            Point motion = grab.motion(e);
            if (motion == null && mask == buttonMask) {
                return;
            }
            if (motion != null) {
                lastX = PointerGrab.CENTRE + motion.x;
                lastY = PointerGrab.CENTRE + motion.y;
            }
        }
        buttonMask = mask;
        screen.input().sendPointer(mask, lastX, lastY);
    }
}
