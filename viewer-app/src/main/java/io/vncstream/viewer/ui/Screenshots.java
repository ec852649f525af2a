package io.vncstream.viewer.ui;

import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.filechooser.FileNameExtensionFilter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The screenshot action: a file chooser, then the framebuffer written as a PNG. */
final class Screenshots {
    private Screenshots() {
    }

    static void choose(ViewerWindow w) {
        JFileChooser chooser = new JFileChooser();
        chooser.setName("screenshotChooser");
        chooser.setDialogTitle("Save screenshot - vncstream");
        chooser.setFileFilter(new FileNameExtensionFilter("PNG images", "png"));
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        chooser.setSelectedFile(new File("vncstream-" + stamp + ".png"));
        if (chooser.showSaveDialog(w) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        File f = chooser.getSelectedFile();
        if (!f.getName().toLowerCase(Locale.ROOT).endsWith(".png")) {
            f = new File(f.getParentFile(), f.getName() + ".png");
        }
        save(w, f.toPath());
    }

    /** Writes the framebuffer; the outcome goes to the status line (and a dialog if it failed). */
    private static void save(ViewerWindow w, Path file) {
        try {
            w.screen().writePng(file);
            w.showStatus("Screenshot saved to " + file);
        } catch (IOException | RuntimeException e) {
            w.showStatus("Screenshot not saved: " + e.getMessage());
            JOptionPane.showMessageDialog(w, "Could not save the screenshot to " + file + ":\n" + e.getMessage(),
                    "Screenshot - vncstream", JOptionPane.ERROR_MESSAGE);
        }
    }
}
