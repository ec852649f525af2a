package io.vncstream.viewer.keys;

import java.awt.event.InputEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers which keys the server believes are down, so that each release carries the keysym
 * its press had (Shift may be let go first: the release of "A" must still say "A"), and so that
 * nothing sticks: on focus loss, when the window goes away, or when an event shows that a
 * modifier was released while we were not looking, the server is told that the key is up.
 * Not thread-safe: use on the event dispatch thread.
 */
public final class ModifierTracker {
    /** A key the server has seen go down. */
    public record Pressed(int keysym, int scancode) {
    }

    private final Map<Integer, Pressed> down = new LinkedHashMap<>();
    private final KeySink sink;

    public ModifierTracker(KeySink sink) {
        this.sink = sink;
    }

    /** Sends a press and remembers it under {@code keyId} (the key code and location). */
    public void press(int keyId, int keysym, int scancode) {
        down.put(keyId, new Pressed(keysym, scancode));
        sink.key(true, keysym, scancode);
    }

    /** Sends the release of what {@code keyId} pressed; false when it pressed nothing. */
    public boolean release(int keyId) {
        Pressed p = down.remove(keyId);
        if (p == null) {
            return false;
        }
        sink.key(false, p.keysym(), p.scancode());
        return true;
    }

    /** The keys down, oldest first. */
    public List<Pressed> pressed() {
        return new ArrayList<>(down.values());
    }

    /** Releases every key still down, newest first (on focus loss, disconnect, view-only). */
    public void releaseAll() {
        List<Map.Entry<Integer, Pressed>> entries = new ArrayList<>(down.entrySet());
        down.clear();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Pressed p = entries.get(i).getValue();
            sink.key(false, p.keysym(), p.scancode());
        }
    }

    /**
     * Releases Shift, Control and Alt keys that an event's modifier mask says are up (their
     * release went to another window). AltGr and Super are left alone: toolkits do not report
     * them reliably in the mask.
     */
    public void reconcile(int modifiersEx) {
        Iterator<Map.Entry<Integer, Pressed>> it = down.entrySet().iterator();
        List<Pressed> released = new ArrayList<>();
        while (it.hasNext()) {
            Pressed p = it.next().getValue();
            int mask = maskOf(p.keysym());
            if (mask != 0 && (modifiersEx & mask) == 0) {
                it.remove();
                released.add(p);
            }
        }
        for (Pressed p : released) {
            sink.key(false, p.keysym(), p.scancode());
        }
    }

    private static int maskOf(int keysym) {
        switch (keysym) {
            case KeySyms.SHIFT_L:
            case KeySyms.SHIFT_R: return InputEvent.SHIFT_DOWN_MASK;
            case KeySyms.CONTROL_L:
            case KeySyms.CONTROL_R: return InputEvent.CTRL_DOWN_MASK;
            case KeySyms.ALT_L: return InputEvent.ALT_DOWN_MASK;
            default: return 0;
        }
    }
}
