package io.vncstream.libvirt.console;

import io.vncstream.libvirt.LibvirtException;
import io.vncstream.libvirt.Virsh;
import io.vncstream.libvirt.host.RunningCommand;
import io.vncstream.rfb.devices.OutputListener;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Timer;
import java.util.TimerTask;

/**
 * A pty device through libvirt's console stream: {@code virsh console DOMAIN ALIAS} under a
 * pseudo-terminal (virsh needs one). virsh first prints its own lines, ending with
 * "Escape character is ^]"; an error it meets (console busy, not a pty) follows them and it
 * exits, so the console counts as open only once virsh is still there a moment later. Without
 * {@code force}, a console another client holds is reported busy, never taken from it.
 *
 * <p>virsh ends the console when it reads its escape byte (0x1d, Ctrl-]) at the start of its
 * input, as it does on a terminal; closing sends exactly that.
 */
public final class PtyConsole extends StreamingCapture {
    /** The end of virsh's own lines before the console's bytes. */
    static final String READY = "Escape character is ^]";
    static final int ESCAPE = 0x1d;
    static final int MAX_PREAMBLE = 64 * 1024;
    static final long PREAMBLE_MILLIS = 20_000;
    /** How long virsh has to report an error after its "Escape character" line. */
    static final long SETTLE_MILLIS = 500;

    private final RunningCommand process;

    private PtyConsole(String device, RunningCommand process, OutputListener listener) {
        super(device, listener);
        this.process = process;
    }

    public static PtyConsole open(Virsh virsh, String domain, String alias, boolean force, OutputListener listener)
            throws IOException, InterruptedException {
        RunningCommand p = force ? virsh.start(true, "console", "--force", domain, alias)
                : virsh.start(true, "console", domain, alias);
        Timer watchdog = new Timer("console watchdog " + alias, true);
        watchdog.schedule(new TimerTask() {
            @Override
            public void run() {
                p.close();
            }
        }, PREAMBLE_MILLIS);
        try {
            InputStream out = p.output();
            ByteArrayOutputStream preamble = new ByteArrayOutputStream();
            int end;
            while ((end = readyEnd(preamble)) < 0) {
                int b = out.read();
                if (b < 0 || preamble.size() >= MAX_PREAMBLE) {
                    p.close();
                    throw failure(virsh, domain, alias, preamble.toString(StandardCharsets.UTF_8), force);
                }
                preamble.write(b);
            }
            byte[] all = preamble.toByteArray();
            ByteArrayOutputStream early = new ByteArrayOutputStream();
            early.write(all, end, all.length - end);
            long settle = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
            while (System.nanoTime() < settle && p.isAlive()) {
                drain(out, early);
                Thread.sleep(20);
            }
            drain(out, early);
            if (!p.isAlive()) {
                early.write(out.readAllBytes());
                throw failure(virsh, domain, alias, early.toString(StandardCharsets.UTF_8), force);
            }
            watchdog.cancel();
            PtyConsole c = new PtyConsole(alias, p, listener);
            c.startReader(out, early.toByteArray());
            return c;
        } catch (IOException | InterruptedException | RuntimeException e) {
            p.close();
            throw e;
        } finally {
            watchdog.cancel();
        }
    }

    /** Where the console's own bytes start (after the line with {@link #READY}), or -1. */
    static int readyEnd(ByteArrayOutputStream preamble) {
        String s = preamble.toString(StandardCharsets.ISO_8859_1);
        int at = s.indexOf(READY);
        if (at < 0) {
            return -1;
        }
        int nl = s.indexOf('\n', at);
        return nl < 0 ? -1 : nl + 1;
    }

    private static void drain(InputStream in, ByteArrayOutputStream to) throws IOException {
        int n;
        while ((n = in.available()) > 0) {
            byte[] b = new byte[Math.min(n, 8192)];
            int r = in.read(b);
            if (r < 0) {
                return;
            }
            to.write(b, 0, r);
        }
    }

    static LibvirtException failure(Virsh virsh, String domain, String alias, String printed, boolean force) {
        String said = errorLines(printed);
        if (said.contains("Active console session exists") || said.contains("console is already in use")) {
            return new ConsoleBusyException(alias + " is busy: another console (virsh console, virt-manager) has it open"
                    + (force ? "" : "; close that one, or take it over with vncstream console --force"));
        }
        if (said.contains("not using a PTY")) {
            return new LibvirtException(alias + " is not a pty device, which is all libvirt's console stream carries");
        }
        if (said.contains("cannot find character device")) {
            return new LibvirtException("domain has no character device '" + alias + "'");
        }
        if (said.isEmpty()) {
            said = "virsh console ended before the console opened";
        }
        return new LibvirtException("cannot open " + alias + " on " + virsh.uri() + ": " + said);
    }

    /** virsh's "error: ..." lines, joined and made printable. */
    static String errorLines(String printed) {
        StringBuilder b = new StringBuilder();
        for (String line : printed.split("\\R")) {
            String l = line.strip();
            if (l.startsWith("error: ")) {
                if (b.length() > 0) {
                    b.append(": ");
                }
                b.append(l.substring(7).replaceAll("\\p{Cntrl}", "?"));
            }
        }
        return b.toString();
    }

    @Override
    OutputStream input() {
        return process.input();
    }

    @Override
    void stop() {
        if (process.isAlive()) {
            OutputStream in = process.input();
            synchronized (in) {
                try {
                    in.write(ESCAPE);
                    in.flush();
                } catch (IOException e) {
                    // virsh is going anyway
                }
            }
            new Thread(() -> {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                process.close();
            }, "console stop").start();
        }
    }

    @Override
    String endedBy() {
        return "virsh console ended (the domain stopped?)";
    }
}
