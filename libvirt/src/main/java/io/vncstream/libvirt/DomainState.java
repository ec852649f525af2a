package io.vncstream.libvirt;

import java.util.Locale;

/** A domain's state as virsh names it ({@code virsh domstate}, {@code virsh list}). */
public enum DomainState {
    RUNNING("running"), BLOCKED("idle"), PAUSED("paused"), SHUTTING_DOWN("in shutdown"),
    SHUT_OFF("shut off"), CRASHED("crashed"), SUSPENDED("pmsuspended"), UNKNOWN("unknown");

    private final String words;

    DomainState(String words) {
        this.words = words;
    }

    public static DomainState parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("blocked")) {
            return BLOCKED;
        }
        for (DomainState s : values()) {
            if (s.words.equals(t)) {
                return s;
            }
        }
        return UNKNOWN;
    }

    /** Whether QEMU runs, so that its screen and devices can be reached. */
    public boolean isActive() {
        return this == RUNNING || this == BLOCKED || this == PAUSED || this == SHUTTING_DOWN || this == SUSPENDED;
    }

    /** As virsh says it: "running", "shut off". */
    public String words() {
        return words;
    }
}
