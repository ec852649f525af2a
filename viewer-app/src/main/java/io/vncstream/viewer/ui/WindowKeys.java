package io.vncstream.viewer.ui;

import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.JComponent;
import javax.swing.JRootPane;
import javax.swing.KeyStroke;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;

/**
 * The viewer's own keys as window-wide bindings: F8 for the menu (as in TigerVNC) and F11 for
 * full screen. The remote screen leaves these keys unconsumed so that they arrive here.
 */
final class WindowKeys {
    private WindowKeys() {
    }

    static void install(JRootPane root, Runnable menu, Action fullScreen) {
        bind(root, KeyEvent.VK_F8, "menu", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                menu.run();
            }
        });
        bind(root, KeyEvent.VK_F11, "fullScreen", fullScreen);
    }

    private static void bind(JRootPane root, int key, String name, Action action) {
        root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(key, 0), name);
        root.getActionMap().put(name, action);
    }
}
