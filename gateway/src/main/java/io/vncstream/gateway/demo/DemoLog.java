package io.vncstream.gateway.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** {@code log0}: a line of log every second, like a service writing to a serial console. Input is ignored. */
final class DemoLog implements DemoProgram {
    private static final String[] MESSAGES = {
        "systemd[1]: Started Daily apt download activities.",
        "kernel: eth0: link up, 1000 Mbps, full duplex",
        "sshd[812]: Accepted publickey for admin from 10.0.2.2",
        "CRON[1045]: (root) CMD (run-parts /etc/cron.hourly)",
        "kernel: usb 1-1: new high-speed USB device number 2",
        "dhclient[640]: bound to 10.0.2.15 -- renewal in 43200 seconds.",
    };
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String name;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-log");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> task;
    private long count;

    DemoLog(String name) {
        this.name = name;
    }

    @Override
    public synchronized void start(Consumer<byte[]> output) {
        if (task != null) {
            task.cancel(false);
        }
        task = timer.scheduleAtFixedRate(() -> {
            String line = LocalDateTime.now().format(TIME) + " " + name + " "
                    + MESSAGES[(int) (count % MESSAGES.length)] + " [" + (++count) + "]\r\n";
            output.accept(line.getBytes(StandardCharsets.UTF_8));
        }, 0, 1, TimeUnit.SECONDS);
    }

    @Override
    public void input(byte[] data) {
        // a log does not read
    }

    @Override
    public synchronized void stop() {
        if (task != null) {
            task.cancel(false);
        }
        timer.shutdownNow();
    }
}
