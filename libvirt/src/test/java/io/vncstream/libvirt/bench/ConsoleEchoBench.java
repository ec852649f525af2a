package io.vncstream.libvirt.bench;

import io.vncstream.libvirt.Domain;
import io.vncstream.libvirt.Libvirt;
import io.vncstream.libvirt.LibvirtUri;
import io.vncstream.libvirt.devices.LibvirtDeviceSource;
import io.vncstream.rfb.devices.DeviceCapture;
import io.vncstream.rfb.devices.OutputListener;
import io.vncstream.rfb.testing.LibvirtTestDomain;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Keystroke-to-echo latency on a libvirt pty console: one key typed into the guest's shell, the
 * time until its echo is back, through vncstream's LibvirtDeviceSource against a plain
 * {@code virsh console} under {@code script} (the reference), alternating in one run on one
 * tiny domain. Prints medians and the ratio.
 *   scripts/bench libvirt io.vncstream.libvirt.bench.ConsoleEchoBench [ROUNDS]
 */
public final class ConsoleEchoBench {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        try (LibvirtTestDomain vm = LibvirtTestDomain.boot();
             Libvirt libvirt = Libvirt.connectLocal(LibvirtUri.parse(vm.uri()))) {
            Domain d = libvirt.resolve(vm.name());
            long[] ours = new long[rounds];
            long[] ref = new long[rounds];
            for (int block = 0; block < 2; block++) {
                int half = rounds / 2;
                int from = block * half;
                measureOurs(libvirt, d, ours, from, half);
                measureVirsh(vm, ref, from, half);
            }
            long o = median(Arrays.copyOf(ours, rounds / 2 * 2));
            long r = median(Arrays.copyOf(ref, rounds / 2 * 2));
            System.out.printf("keystroke to echo, libvirt pty console, %d keys each:%n", rounds / 2 * 2);
            System.out.printf("  virsh console (reference): median %.2f ms%n", r / 1e6);
            System.out.printf("  vncstream LibvirtDeviceSource: median %.2f ms%n", o / 1e6);
            System.out.printf("  ratio vncstream/virsh: %.2f%n", (double) o / r);
        }
    }

    private static void measureOurs(Libvirt libvirt, Domain d, long[] out, int from, int n) throws Exception {
        StringBuffer seen = new StringBuffer();
        try (LibvirtDeviceSource s = LibvirtDeviceSource.open(libvirt, d, false, false)) {
            DeviceCapture c = s.capture("serial0", new OutputListener() {
                @Override
                public void output(byte[] data) {
                    seen.append(new String(data, StandardCharsets.ISO_8859_1));
                }
            }).get(30, TimeUnit.SECONDS);
            Thread.sleep(500);
            for (int i = 0; i < n; i++) {
                char k = (char) ('a' + i % 26);
                int mark = seen.length();
                long t0 = System.nanoTime();
                c.send(new byte[] {(byte) k});
                while (seen.indexOf(String.valueOf(k), mark) < 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                }
                out[from + i] = System.nanoTime() - t0;
                Thread.sleep(20);
            }
            c.send(new byte[] {0x15}); // Ctrl-U: the typed line is dropped
            Thread.sleep(200);
            c.close();
        }
        Thread.sleep(1500); // virsh console gone before the next one takes the console
    }

    private static void measureVirsh(LibvirtTestDomain vm, long[] out, int from, int n) throws Exception {
        Process p = new ProcessBuilder("script", "-qfec", "virsh -c " + vm.uri() + " console " + vm.name() + " serial0", "/dev/null")
                .redirectErrorStream(true).start();
        StringBuffer seen = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                byte[] b = new byte[4096];
                int r;
                while ((r = in.read(b)) >= 0) {
                    seen.append(new String(b, 0, r, StandardCharsets.ISO_8859_1));
                }
            } catch (java.io.IOException e) {
                // ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        while (seen.indexOf("Escape character") < 0) {
            Thread.sleep(10);
        }
        Thread.sleep(500);
        OutputStream in = p.getOutputStream();
        for (int i = 0; i < n; i++) {
            char k = (char) ('a' + i % 26);
            int mark = seen.length();
            long t0 = System.nanoTime();
            in.write(k);
            in.flush();
            while (seen.indexOf(String.valueOf(k), mark) < 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(200_000);
            }
            out[from + i] = System.nanoTime() - t0;
            Thread.sleep(20);
        }
        in.write(0x15);
        in.write(0x1d);
        in.flush();
        p.waitFor(5, TimeUnit.SECONDS);
        p.destroyForcibly();
        Thread.sleep(1500);
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
