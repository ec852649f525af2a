package io.vncstream.viewer.screen;

/** How the remote screen is drawn. */
public enum Scaling {
    /** One remote pixel per physical screen pixel, with scroll bars when it does not fit (sharp on HiDPI). */
    NATIVE("1:1 (physical pixels)"),
    /** One remote pixel per logical pixel: desktop scaling applies (2x on a 200% screen), nearest neighbour. */
    LOGICAL("1:1 (scaled with the desktop)"),
    /** The whole screen in the window, keeping its aspect ratio, smoothly interpolated. */
    FIT("Fit to window");

    private final String label;

    Scaling(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** Parses a name case-insensitively; unknown names give {@link #NATIVE}. */
    public static Scaling parse(String s) {
        if (s != null) {
            for (Scaling v : values()) {
                if (v.name().equalsIgnoreCase(s.trim())) {
                    return v;
                }
            }
        }
        return NATIVE;
    }
}
