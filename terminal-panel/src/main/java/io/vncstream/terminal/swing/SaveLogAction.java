package io.vncstream.terminal.swing;

import io.vncstream.terminal.TerminalSession;
import io.vncstream.terminal.log.LogExport;
import io.vncstream.terminal.log.LogNames;

import javax.swing.JCheckBox;
import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.ProgressMonitor;
import javax.swing.SwingWorker;
import java.awt.Component;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

/**
 * "Save log...": asks where, then writes the whole log as plain text (escape sequences stripped,
 * optionally a timestamp at each line start) on a background thread, with a progress bar when
 * the log is large enough for that to take a moment.
 */
public final class SaveLogAction {
    /** Logs smaller than this save too fast for a progress bar to be worth showing. */
    static final long PROGRESS_THRESHOLD_BYTES = 1024 * 1024;

    private SaveLogAction() {
    }

    /** Asks for a file (and whether to add timestamps), then saves. Event thread. */
    public static void run(Component parent, TerminalSession session) {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle("Save log of " + session.deviceName());
        chooser.setSelectedFile(new File(LogNames.fileName(session.deviceName(), LocalDateTime.now())));
        JCheckBox timestamps = new JCheckBox("Timestamp at each line");
        timestamps.setName("timestamps");
        chooser.setAccessory(timestamps);
        if (chooser.showSaveDialog(parent) == JFileChooser.APPROVE_OPTION) {
            save(parent, session, chooser.getSelectedFile().toPath(), timestamps.isSelected());
        }
    }

    /**
     * Saves the plain text log to {@code target} in the background; errors are shown in a dialog.
     * @return the running worker (its {@code get()} gives the log bytes read)
     */
    public static SwingWorker<Long, Void> save(Component parent, TerminalSession session, Path target,
                                               boolean timestamps) {
        long total = Math.max(1, session.sessionLog().length());
        ProgressMonitor monitor = total >= PROGRESS_THRESHOLD_BYTES
                ? new ProgressMonitor(parent, "Saving log of " + session.deviceName(), target.toString(), 0, 100)
                : null;
        SwingWorker<Long, Void> worker = new SwingWorker<>() {
            @Override
            protected Long doInBackground() throws Exception {
                return LogExport.writeFile(session.sessionLog(), target, timestamps,
                        bytes -> setProgress((int) Math.min(100, bytes * 100 / total)));
            }

            @Override
            protected void done() {
                if (monitor != null) {
                    monitor.close();
                }
                try {
                    get();
                } catch (CancellationException e) {
                    // The person cancelled: nothing to say.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    JOptionPane.showMessageDialog(parent, "Could not save the log to " + target + ":\n"
                            + e.getCause().getMessage(), "Save log", JOptionPane.ERROR_MESSAGE);
                }
            }
        };
        if (monitor != null) {
            monitor.setMillisToDecideToPopup(200);
            worker.addPropertyChangeListener(event -> {
                if ("progress".equals(event.getPropertyName())) {
                    monitor.setProgress((Integer) event.getNewValue());
                    if (monitor.isCanceled()) {
                        worker.cancel(true);
                    }
                }
            });
        }
        worker.execute();
        return worker;
    }
}
