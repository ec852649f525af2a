package io.vncstream.viewer.screen;

import java.awt.Toolkit;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The server's LED state (Scroll, Num, Caps Lock) applied to the local keyboard where Java may
 * set lock keys (Windows, and Caps Lock on macOS); where it may not (X11), the user is told in
 * the status bar when the remote machine's locks differ from the local ones, so that a VM and
 * the desktop are never silently at odds over Caps Lock.
 */
public final class LockKeys {
    public static final int SCROLL_LOCK = 1;
    public static final int NUM_LOCK = 2;
    public static final int CAPS_LOCK = 4;

    private static final int[] BITS = {CAPS_LOCK, NUM_LOCK, SCROLL_LOCK};
    private static final int[] KEYS = {KeyEvent.VK_CAPS_LOCK, KeyEvent.VK_NUM_LOCK, KeyEvent.VK_SCROLL_LOCK};
    private static final String[] NAMES = {"Caps Lock", "Num Lock", "Scroll Lock"};

    private final Toolkit toolkit;
    private final Consumer<String> status;
    private volatile int last = -1;

    public LockKeys(Toolkit toolkit, Consumer<String> status) {
        this.toolkit = toolkit;
        this.status = status;
    }

    /** The remote machine's LED state as last reported, or -1 before any report. */
    public int remoteState() {
        return last;
    }

    /** The server reported its LED state (event dispatch thread). */
    public void serverState(int leds) {
        last = leds;
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < BITS.length; i++) {
            boolean remote = (leds & BITS[i]) != 0;
            try {
                if (toolkit.getLockingKeyState(KEYS[i]) == remote) {
                    continue;
                }
            } catch (UnsupportedOperationException unknown) {
                continue; // this platform cannot even tell: nothing to compare
            }
            try {
                toolkit.setLockingKeyState(KEYS[i], remote);
            } catch (UnsupportedOperationException notHere) {
                differ.add(NAMES[i] + " is " + (remote ? "on" : "off") + " on the remote machine and "
                        + (remote ? "off" : "on") + " here");
            }
        }
        if (!differ.isEmpty()) {
            status.accept(String.join("; ", differ));
        }
    }
}
