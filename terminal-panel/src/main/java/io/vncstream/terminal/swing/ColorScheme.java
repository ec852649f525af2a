package io.vncstream.terminal.swing;

import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.core.emulator.ColorPalette;
import com.techsenger.jeditermfx.core.emulator.ColorPaletteImpl;

import java.awt.Color;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps the core's colours and attributes to AWT colours: the 16 ANSI colours through the xterm
 * palette, 256-colour and true-colour values as given; inverse swaps, dim blends toward the
 * background, hidden paints text in the background colour. Event thread only.
 */
final class ColorScheme {
    static final Color SELECTION = new Color(0x3d5a80);
    static final Color FIND_MATCH = new Color(0x806000);
    static final Color FIND_CURRENT = new Color(0xff9900);

    private final ColorPalette palette = ColorPaletteImpl.XTERM_PALETTE;
    private final Color defaultForeground;
    private final Color defaultBackground;
    /** AWT colours by RGB, so painting a screen does not allocate one per cell. */
    private final Map<Integer, Color> cache = new HashMap<>();

    ColorScheme(Color defaultForeground, Color defaultBackground) {
        this.defaultForeground = defaultForeground;
        this.defaultBackground = defaultBackground;
    }

    Color defaultBackground() {
        return defaultBackground;
    }

    Color defaultForeground() {
        return defaultForeground;
    }

    /** The text colour of a cell in {@code style}. */
    Color foreground(TextStyle style) {
        boolean inverse = style.hasOption(TextStyle.Option.INVERSE);
        Color fg = inverse ? background(style.getBackground(), defaultBackground)
                : foreground(style.getForeground(), defaultForeground);
        if (style.hasOption(TextStyle.Option.HIDDEN)) {
            return backgroundOf(style);
        }
        if (style.hasOption(TextStyle.Option.DIM)) {
            return blend(fg, backgroundOf(style));
        }
        return fg;
    }

    /** The background colour of a cell in {@code style}. */
    Color backgroundOf(TextStyle style) {
        if (style.hasOption(TextStyle.Option.INVERSE)) {
            return foreground(style.getForeground(), defaultForeground);
        }
        return background(style.getBackground(), defaultBackground);
    }

    private Color foreground(TerminalColor color, Color fallback) {
        if (color == null) {
            return fallback;
        }
        return awt(color.isIndexed() && color.getColorIndex() < 16
                ? palette.getForeground(color) : color.toColor());
    }

    private Color background(TerminalColor color, Color fallback) {
        if (color == null) {
            return fallback;
        }
        return awt(color.isIndexed() && color.getColorIndex() < 16
                ? palette.getBackground(color) : color.toColor());
    }

    private Color awt(com.techsenger.jeditermfx.core.Color color) {
        int rgb = color.getRGB() & 0xffffff;
        return cache.computeIfAbsent(rgb, Color::new);
    }

    private Color blend(Color fg, Color bg) {
        int rgb = ((fg.getRed() + bg.getRed()) / 2 << 16)
                | ((fg.getGreen() + bg.getGreen()) / 2 << 8)
                | (fg.getBlue() + bg.getBlue()) / 2;
        return cache.computeIfAbsent(rgb, Color::new);
    }
}
