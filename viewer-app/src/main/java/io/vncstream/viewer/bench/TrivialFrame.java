package io.vncstream.viewer.bench;

import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import java.awt.Graphics;

/**
 * The reference for the startup measurement: a plain Swing frame with one label, which prints
 * the wall-clock time of its first paint and exits. What the viewer takes beyond this is its own.
 * {@code java -cp vncstream.jar io.vncstream.viewer.bench.TrivialFrame}
 */
public final class TrivialFrame {
    private TrivialFrame() {
    }

    public static void main(String[] args) {
        SwingUtilities.invokeLater(() -> {
            JFrame f = new JFrame("reference");
            f.setContentPane(new JLabel("a trivial Swing frame") {
                private boolean reported;

                @Override
                protected void paintComponent(Graphics g) {
                    super.paintComponent(g);
                    if (!reported) {
                        reported = true;
                        StartupReport.firstPaint("trivial Swing frame");
                        SwingUtilities.invokeLater(() -> System.exit(0));
                    }
                }
            });
            f.setSize(400, 200);
            f.setVisible(true);
        });
    }
}
