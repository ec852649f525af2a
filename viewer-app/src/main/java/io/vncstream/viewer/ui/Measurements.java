package io.vncstream.viewer.ui;

import io.vncstream.rfb.client.RfbClient;
import io.vncstream.viewer.bench.StartupReport;

import javax.swing.SwingUtilities;
import javax.swing.Timer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The hidden options behind the closing note's numbers: {@code --measure-startup} reports when
 * the first frame from the server has been painted, {@code --measure-memory N} opens N consoles,
 * lets things settle and reports the memory in use. Both print one line and exit.
 */
public final class Measurements {
    /** How long the consoles run before the report; {@code -Dvncstream.measureSettleMillis} for a flood. */
    static final int SETTLE_MILLIS = Integer.getInteger("vncstream.measureSettleMillis", 3000);

    private Measurements() {
    }

    /** For {@link ViewerApp#launch}: what to do with each connected window. */
    public static Consumer<ViewerWindow> startup() {
        return Measurements::watchStartup;
    }

    public static Consumer<ViewerWindow> memory(int consoles) {
        return w -> watchMemory(w, consoles);
    }

    private static void watchStartup(ViewerWindow w) {
        Runnable[] listener = new Runnable[1];
        boolean[] painted = {false};
        listener[0] = () -> {
            RfbClient c = w.client();
            if (c != null && c.updatesReceived() > 0) {
                w.screen().removePaintListener(listener[0]);
                StartupReport.firstPaint("vncstream first frame " + c.framebuffer().width() + "x" + c.framebuffer().height());
                painted[0] = true;
                if (w.domain() == null) {
                    SwingUtilities.invokeLater(() -> System.exit(0));
                }
            }
        };
        w.screen().addPaintListener(listener[0]);
        if (w.domain() != null) {
            // A libvirt window: also when its device list first shows a device; exit once both are known.
            boolean[] listed = {false};
            Timer poll = new Timer(10, null);
            poll.addActionListener(e -> {
                if (!listed[0] && !w.devicePanel().devices().isEmpty()) {
                    listed[0] = true;
                    StartupReport.devicesListed(w.devicePanel().devices().size());
                }
                if (listed[0] && painted[0]) {
                    poll.stop();
                    System.exit(0);
                }
            });
            poll.start();
        }
    }

    private static void watchMemory(ViewerWindow w, int consoles) {
        long[] settledSince = {0};
        boolean[] opened = {false};
        Timer poll = new Timer(200, null);
        poll.addActionListener(e -> {
            List<String> devices = w.devicePanel().devices();
            if (!opened[0] && devices.size() >= consoles) {
                opened[0] = true;
                devices.stream().limit(consoles).forEach(w::openConsole);
            }
            RfbClient c = w.client();
            boolean ready = opened[0] && c != null && c.updatesReceived() > 0
                    && devices.stream().limit(consoles).allMatch(d -> w.consoles().get(d) != null
                    && w.consoles().get(d).capture() != null);
            if (!ready) {
                return;
            }
            if (settledSince[0] == 0) {
                settledSince[0] = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - settledSince[0] >= SETTLE_MILLIS) {
                poll.stop();
                report(c, consoles);
                System.exit(0);
            }
        });
        poll.start();
    }

    private static void report(RfbClient c, int consoles) {
        // At rest, as the user's machine sees it: before the full GCs below, which no one runs otherwise.
        String restingRss = procStatusMib("VmRSS:");
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        System.out.println("desktop=" + c.framebuffer().width() + "x" + c.framebuffer().height()
                + " consoles=" + consoles
                + " heap-used-after-gc-mib=" + mib(heap.getUsed())
                + " heap-committed-mib=" + mib(heap.getCommitted())
                + " non-heap-used-mib=" + mib(nonHeap.getUsed())
                + " rss-mib=" + procStatusMib("VmRSS:")
                + " rss-before-gc-mib=" + restingRss
                + " heap-peak-mib=" + mib(peak)
                + " rss-peak-mib=" + procStatusMib("VmHWM:"));
        System.out.flush();
    }

    private static String mib(long bytes) {
        return String.format("%.1f", bytes / 1048576.0);
    }

    /** A size from /proc/self/status (Linux: VmRSS, VmHWM the peak), or "?" elsewhere. */
    private static String procStatusMib(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format("%.1f", kb / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return "?";
    }
}
