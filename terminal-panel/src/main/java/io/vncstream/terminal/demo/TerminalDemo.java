package io.vncstream.terminal.demo;

import io.vncstream.terminal.TerminalOptions;
import io.vncstream.terminal.TerminalSession;

import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;

/**
 * Runs the terminal on a local echo device, from the reactor root:
 * {@code mvn -o -q -B -pl terminal-panel -am test -DskipTests -Pdemo}. Type {@code reconnect} in it
 * to see a broken stream and a reconnect with its gap marker.
 *
 * <p>With {@code -Dvncstream.demo.screenshot=FILE.png} it saves a picture of the window after two
 * seconds and exits, which is how the look of the panel can be checked on a headless machine
 * under Xvfb.
 */
public final class TerminalDemo {
    private TerminalDemo() {
    }

    public static void main(String[] args) {
        SwingUtilities.invokeLater(TerminalDemo::show);
    }

    private static void show() {
        TerminalSession session = new TerminalSession("demo", TerminalOptions.defaults());
        EchoDevice device = new EchoDevice(session);
        session.attach(device);
        device.start(DemoText.banner());

        JFrame frame = new JFrame("vncstream terminal demo \u2014 log: " + session.log());
        frame.setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
        frame.addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosed(java.awt.event.WindowEvent e) {
                session.close();
                System.exit(0);
            }
        });
        frame.setContentPane(session.view());
        frame.pack();
        frame.setLocationRelativeTo(null);
        frame.setVisible(true);
        session.component().requestFocusInWindow();

        String screenshot = System.getProperty("vncstream.demo.screenshot");
        if (screenshot != null) {
            Timer timer = new Timer(2000, e -> {
                BufferedImage image = new BufferedImage(frame.getContentPane().getWidth(),
                        frame.getContentPane().getHeight(), BufferedImage.TYPE_INT_RGB);
                frame.getContentPane().paint(image.getGraphics());
                try {
                    ImageIO.write(image, "png", new File(screenshot));
                } catch (IOException ex) {
                    throw new IllegalStateException(ex);
                }
                frame.dispose();
            });
            timer.setRepeats(false);
            timer.start();
        }
    }
}
