package io.vncstream.viewer.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;

import java.util.Locale;

/** Light or dark FlatLaf, as the settings say. */
public enum Theme {
    LIGHT, DARK;

    public static Theme parse(String s) {
        return s != null && s.trim().toLowerCase(Locale.ROOT).equals("dark") ? DARK : LIGHT;
    }

    /** Installs the look and feel and updates open windows (event dispatch thread). */
    public void apply() {
        boolean ok = this == DARK ? FlatDarkLaf.setup() : FlatLightLaf.setup();
        if (ok) {
            FlatLaf.updateUI();
        }
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
