package io.vncstream.viewer.ui;

import io.vncstream.rfb.devices.DeviceInfo;

import javax.swing.JOptionPane;
import java.awt.Component;

/**
 * Asks before a device another program owns is opened: the guest agent's channel, over which
 * libvirt talks to qemu-guest-agent in the VM (virt-manager never offers it as a console).
 * Cancel is the default. Event dispatch thread.
 */
final class OwnedDeviceDialog {
    static final String OPEN = "Open anyway";
    static final String CANCEL = "Cancel";

    private OwnedDeviceDialog() {
    }

    /** Whether the user wants {@code d} opened all the same. */
    static boolean confirm(Component parent, DeviceInfo d) {
        Object[] options = {OPEN, CANCEL};
        int answer = JOptionPane.showOptionDialog(parent, message(d), "Open the guest agent's channel?",
                JOptionPane.DEFAULT_OPTION, JOptionPane.WARNING_MESSAGE, null, options, CANCEL);
        return answer == 0;
    }

    static String message(DeviceInfo d) {
        String what = d.detail().isEmpty() ? d.name() : d.name() + " (" + d.detail() + ")";
        return what + " is the QEMU guest agent's channel.\n"
                + "libvirt talks to qemu-guest-agent in the VM over it (virsh shutdown --mode=agent,\n"
                + "domfsfreeze, set-user-password, virt-manager's guest details).\n"
                + "Opening it here may disturb them: their agent commands may fail or hang while it is open,\n"
                + "and what you type goes to the agent.";
    }
}
