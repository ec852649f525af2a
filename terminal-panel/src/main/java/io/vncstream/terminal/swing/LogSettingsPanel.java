package io.vncstream.terminal.swing;

import io.vncstream.terminal.log.LogSettings;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import java.awt.Component;
import java.awt.FlowLayout;
import java.nio.file.Path;

/**
 * The console log settings, as a host shows them in a dialog: whether typed input is stored
 * (and why it is off by default), and how long and how much of the old logs are kept.
 */
public final class LogSettingsPanel extends JPanel {
    private final JCheckBox recordInput = new JCheckBox("Store typed input in console logs");
    private final JSpinner days = new JSpinner(new SpinnerNumberModel(30, 0, 36500, 1));
    private final JSpinner mib = new JSpinner(new SpinnerNumberModel(500, 0, 1024 * 1024, 50));

    public LogSettingsPanel(LogSettings settings, Path directory) {
        setLayout(new BoxLayout(this, BoxLayout.Y_AXIS));
        setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        recordInput.setName("log.recordInput");
        days.setName("log.maxAgeDays");
        mib.setName("log.maxTotalMiB");
        add(left(new JLabel("Console logs are kept in " + directory + ", readable only by you.")));
        add(Box.createVerticalStrut(8));
        add(left(recordInput));
        JLabel why = new JLabel("<html>Off by default: what you type, a password typed at a prompt that does not show it"
                + " included, would be stored in the log file. What the device prints is always stored.</html>");
        why.setName("log.recordInputNote");
        add(left(why));
        add(Box.createVerticalStrut(8));
        add(left(row(new JLabel("Delete logs older than"), days, new JLabel("days (0: never)"))));
        add(left(row(new JLabel("Keep at most"), mib, new JLabel("MiB of logs, deleting the oldest first (0: no limit)"))));
        recordInput.setSelected(settings.recordInput());
        days.setValue(settings.maxAgeDays());
        mib.setValue((int) Math.min(Integer.MAX_VALUE, settings.maxTotalBytes() / (1024 * 1024)));
    }

    public LogSettings settings() {
        return new LogSettings(recordInput.isSelected(), ((Number) days.getValue()).intValue(),
                ((Number) mib.getValue()).longValue() * 1024 * 1024);
    }

    /** Shows the settings in a modal dialog; the new settings, or null if cancelled. Event thread. */
    public static LogSettings edit(Component parent, LogSettings settings, Path directory) {
        LogSettingsPanel panel = new LogSettingsPanel(settings, directory);
        int choice = JOptionPane.showConfirmDialog(parent, panel, "Console log settings",
                JOptionPane.OK_CANCEL_OPTION, JOptionPane.PLAIN_MESSAGE);
        return choice == JOptionPane.OK_OPTION ? panel.settings() : null;
    }

    private static JComponent row(JComponent... parts) {
        JPanel p = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
        for (JComponent c : parts) {
            p.add(c);
        }
        return p;
    }

    private static JComponent left(JComponent c) {
        c.setAlignmentX(Component.LEFT_ALIGNMENT);
        return c;
    }
}
