package io.vncstream.viewer.ui;

import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.message.XvpMessage;

import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import java.awt.event.ActionEvent;

/**
 * The Power menu (XVP, as QEMU offers it with {@code power-control=on}): reboot, reset and shut
 * down the remote machine, each after a confirmation naming what will happen. Enabled only while
 * the server offers power control and input is allowed.
 */
final class PowerActions {
    private final ViewerWindow w;
    final Action reboot;
    final Action reset;
    final Action shutdown;

    PowerActions(ViewerWindow w) {
        this.w = w;
        reboot = action("Reboot", "reboot", XvpMessage.REBOOT, "ask the remote machine's system to reboot");
        reset = action("Reset", "reset", XvpMessage.RESET,
                "reset the remote machine at once, as its reset button would (unsaved work is lost)");
        shutdown = action("Shut down", "shutdown", XvpMessage.SHUTDOWN, "ask the remote machine's system to shut down");
    }

    private Action action(String name, String command, int code, String what) {
        AbstractAction a = new AbstractAction(name + "...") {
            @Override
            public void actionPerformed(ActionEvent e) {
                confirmAndSend(name, code, what);
            }
        };
        a.putValue(Action.ACTION_COMMAND_KEY, command);
        return a;
    }

    private void confirmAndSend(String name, int code, String what) {
        RfbClient c = w.client();
        if (c == null || !c.supportsPowerControl() || w.screen().isViewOnly()) {
            return;
        }
        int answer = JOptionPane.showConfirmDialog(w, "This will " + what + ".", name + " the remote machine?",
                JOptionPane.OK_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE);
        if (answer == JOptionPane.OK_OPTION && c.sendPowerAction(code)) {
            w.showStatus(name + " sent to the remote machine");
        }
    }

    void update() {
        RfbClient c = w.client();
        boolean on = c != null && !c.isClosed() && c.supportsPowerControl() && !w.screen().isViewOnly();
        reboot.setEnabled(on);
        reset.setEnabled(on);
        shutdown.setEnabled(on);
    }

    JMenu menu() {
        JMenu m = new JMenu("Power");
        m.setName("menu.power");
        for (Action a : new Action[]{reboot, reset, shutdown}) {
            JMenuItem it = new JMenuItem(a);
            it.setName("menu." + a.getValue(Action.ACTION_COMMAND_KEY));
            m.add(it);
        }
        return m;
    }
}
