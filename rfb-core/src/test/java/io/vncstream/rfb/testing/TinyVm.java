package io.vncstream.rfb.testing;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A tiny real virtual machine under QEMU: Debian's cloud kernel and an initramfs of static
 * busybox whose {@code /init} prints {@link #MARKER} and runs a shell on the serial port. QEMU
 * serves its screen over VNC on 127.0.0.1, its serial port on a unix socket, and QMP on another.
 *
 * <p>The kernel is fetched once with {@code apt-get download} (the meta package, then the
 * versioned package it depends on) and unpacked with {@code dpkg-deb -x}, never installed; it
 * and the initramfs are cached in {@code ~/.cache/vncstream-test/tinyvm} (or the directory in
 * the system property {@code vncstream.test.cache}). KVM is used when {@code /dev/kvm} can be
 * opened and QEMU accepts it (and the system property {@code vncstream.test.kvm} is not
 * {@code false}); otherwise QEMU emulates.
 */
public final class TinyVm implements AutoCloseable {
    /** The line {@code /init} prints on the serial console before starting the shell. */
    public static final String MARKER = "VNCSTREAM-TINYVM-READY";

    static final String INIT = String.join("\n",
            "#!/bin/busybox sh",
            "/bin/busybox --install -s /bin",
            "mkdir -p /proc /sys /dev",
            "mount -t proc proc /proc",
            "mount -t sysfs sysfs /sys",
            "mount -t devtmpfs devtmpfs /dev",
            "echo " + MARKER,
            "while true; do setsid cttyhack sh -l </dev/ttyS0 >/dev/ttyS0 2>&1; done",
            "");

    private static final Duration TOOL = Duration.ofMinutes(3);

    private final Path dir;
    private final Process qemu;
    private final Path log;
    private final int vncDisplay;
    private final boolean kvm;
    private final Path serialSocket;
    private final Path qmpSocket;
    private final long startNanos;
    private final SocketChannel serial;
    private final StringBuffer serialText = new StringBuffer();
    private final Thread serialReader;
    private QmpConnection qmp;
    private volatile long markerNanos;

    private TinyVm(Path dir, Process qemu, Path log, int vncDisplay, boolean kvm, long startNanos) throws IOException {
        this.dir = dir;
        this.qemu = qemu;
        this.log = log;
        this.vncDisplay = vncDisplay;
        this.kvm = kvm;
        this.startNanos = startNanos;
        this.serialSocket = dir.resolve("SER.sock");
        this.qmpSocket = dir.resolve("QMP.sock");
        this.serial = SocketChannel.open(StandardProtocolFamily.UNIX);
        serial.connect(UnixDomainSocketAddress.of(serialSocket));
        serialReader = new Thread(this::readSerial, "tinyvm-serial");
        serialReader.setDaemon(true);
        serialReader.start();
    }

    /** Boots a VM (building the kernel and initramfs first, once); skips, or fails in CI, without QEMU. */
    public static TinyVm boot() throws IOException, InterruptedException {
        String qemu = TestPeers.requireProgram("qemu-system-x86_64", "qemu-system-x86");
        Path kernel = kernel();
        Path initrd = initramfs();
        Path dir = Files.createTempDirectory("tinyvm");
        try {
            boolean kvm = kvmUsable();
            IOException last = null;
            for (int attempt = 0; attempt < 8; attempt++) {
                int n = 30 + ThreadLocalRandom.current().nextInt(70);
                if (!Processes.portFree(5900 + n)) {
                    continue;
                }
                try {
                    return start(qemu, kernel, initrd, dir, n, kvm);
                } catch (KvmRefused e) {
                    kvm = false;
                    last = e;
                } catch (IOException e) {
                    last = e;
                }
            }
            throw new IOException("QEMU did not start", last);
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            Processes.deleteTree(dir);
            throw e;
        }
    }

    private static final class KvmRefused extends IOException {
        KvmRefused(String message) {
            super(message);
        }
    }

    private static TinyVm start(String qemu, Path kernel, Path initrd, Path dir, int n, boolean kvm)
            throws IOException, InterruptedException {
        Path ser = dir.resolve("SER.sock");
        Path qmp = dir.resolve("QMP.sock");
        Files.deleteIfExists(ser);
        Files.deleteIfExists(qmp);
        Path log = dir.resolve("qemu-" + n + ".log");
        List<String> cmd = new ArrayList<>(List.of(qemu, "-m", "256",
                "-kernel", kernel.toString(), "-initrd", initrd.toString(),
                "-append", "console=tty0 console=ttyS0 vt.global_cursor_default=0",
                "-vnc", "127.0.0.1:" + n,
                "-chardev", "socket,id=ser0,path=" + ser + ",server=on,wait=off",
                "-serial", "chardev:ser0",
                "-qmp", "unix:" + qmp + ",server=on,wait=off",
                "-display", "none", "-no-reboot"));
        if (kvm) {
            cmd.add("-enable-kvm");
        }
        long start = System.nanoTime();
        Process p = Processes.start(Map.of(), dir, log, cmd);
        long deadline = start + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                String tail = Processes.tail(log);
                if (kvm && tail.toLowerCase(java.util.Locale.ROOT).contains("kvm")) {
                    throw new KvmRefused("QEMU refused KVM:\n" + tail);
                }
                throw new IOException("QEMU exited with status " + p.exitValue() + ":\n" + tail);
            }
            if (Files.exists(ser) && Files.exists(qmp) && Processes.accepts(5900 + n)) {
                try {
                    return new TinyVm(dir, p, log, n, kvm, start);
                } catch (IOException e) {
                    Processes.killTree(p.toHandle());
                    throw e;
                }
            }
            Thread.sleep(20);
        }
        Processes.killTree(p.toHandle());
        throw new IOException("QEMU did not open its VNC port and sockets within 20 s:\n" + Processes.tail(log));
    }

    static boolean kvmUsable() {
        if ("false".equals(System.getProperty("vncstream.test.kvm"))) {
            return false; // to measure or reproduce the emulated case
        }
        Path dev = Path.of("/dev/kvm");
        if (!Files.isReadable(dev) || !Files.isWritable(dev)) {
            return false;
        }
        try (var ch = java.nio.channels.FileChannel.open(dev, java.nio.file.StandardOpenOption.READ,
                java.nio.file.StandardOpenOption.WRITE)) {
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    public int vncPort() {
        return 5900 + vncDisplay;
    }

    /** The address in the form {@code vncstream} takes: {@code 127.0.0.1::PORT}. */
    public String vncAddress() {
        return "127.0.0.1::" + vncPort();
    }

    public Path serialSocket() {
        return serialSocket;
    }

    public Path qmpSocket() {
        return qmpSocket;
    }

    public boolean usesKvm() {
        return kvm;
    }

    /** Everything the serial console printed so far (the tests' connection has it from the start). */
    public String serialOutput() {
        return serialText.toString();
    }

    /** Time from starting QEMU to the marker on the serial console, or null before it. */
    public Duration timeToMarker() {
        long m = markerNanos;
        return m == 0 ? null : Duration.ofNanos(m - startNanos);
    }

    private void readSerial() {
        ByteBuffer buf = ByteBuffer.allocate(8192);
        try {
            while (true) {
                buf.clear();
                int n = serial.read(buf);
                if (n < 0) {
                    return;
                }
                buf.flip();
                serialText.append(StandardCharsets.ISO_8859_1.decode(buf));
                if (markerNanos == 0 && serialText.indexOf(MARKER) >= 0) {
                    markerNanos = System.nanoTime();
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** Writes text to the serial console, as if typed. */
    public void typeOnSerial(String text) throws IOException {
        ByteBuffer out = StandardCharsets.ISO_8859_1.encode(text);
        while (out.hasRemaining()) {
            serial.write(out);
        }
    }

    /**
     * Waits for the init marker, then sends {@code echo} of a shell expression until its value
     * comes back (the command's echo does not contain it): a shell runs on the serial port.
     */
    public void waitForShell(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (markerNanos == 0) {
            checkAlive();
            if (System.nanoTime() > deadline) {
                throw new IOException("no " + MARKER + " on the serial console within " + timeout.toSeconds()
                        + " s; it printed:\n" + tailOf(serialOutput()));
            }
            Thread.sleep(50);
        }
        int from = serialText.length();
        long nextProbe = 0;
        while (serialText.indexOf("tiny42vm", from) < 0) {
            checkAlive();
            if (System.nanoTime() > deadline) {
                throw new IOException("the serial shell did not answer within " + timeout.toSeconds()
                        + " s; it printed:\n" + tailOf(serialOutput()));
            }
            if (System.nanoTime() > nextProbe) {
                typeOnSerial("echo tiny$((40+2))vm\n");
                nextProbe = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            }
            Thread.sleep(50);
        }
    }

    private void checkAlive() throws IOException {
        if (!qemu.isAlive()) {
            throw new IOException("QEMU exited with status " + qemu.exitValue() + ":\n" + Processes.tail(log));
        }
    }

    private static String tailOf(String s) {
        return s.length() <= 3000 ? s : s.substring(s.length() - 3000);
    }

    /** The VM's QMP connection (opened on first use, closed with the VM). */
    public synchronized QmpConnection qmp() throws IOException {
        if (qmp == null) {
            qmp = QmpConnection.connect(qmpSocket, Duration.ofSeconds(20));
        }
        return qmp;
    }

    /** The VM's display now, as QEMU has it (QMP screendump). */
    public BufferedImage screendump() throws IOException {
        Path ppm = Files.createTempFile(dir, "screendump", ".ppm");
        try {
            qmp().screendump(ppm);
            return readPpm(ppm);
        } finally {
            Files.deleteIfExists(ppm);
        }
    }

    /** {@link #screendump()} written as PNG. */
    public Path screendump(Path png) throws IOException {
        BufferedImage image = screendump();
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(image, "png", png.toFile());
        return png;
    }

    /** Takes screendumps {@code interval} apart until two in a row are equal; returns the last. */
    public BufferedImage waitUntilScreenStable(Duration interval, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        BufferedImage previous = screendump();
        while (System.nanoTime() < deadline) {
            Thread.sleep(interval.toMillis());
            BufferedImage now = screendump();
            if (PixelDiff.describe(previous, now, PixelDiff.EXACT) == null) {
                return now;
            }
            previous = now;
        }
        throw new IOException("the VM's screen did not settle within " + timeout.toSeconds() + " s");
    }

    /** Reads a binary PPM (P6, maxval 255) such as QEMU's screendump writes. */
    static BufferedImage readPpm(Path ppm) throws IOException {
        byte[] data = Files.readAllBytes(ppm);
        int[] pos = {0};
        String magic = token(data, pos);
        if (!"P6".equals(magic)) {
            throw new IOException(ppm + ": not a binary PPM (magic " + magic + ")");
        }
        int w = Integer.parseInt(token(data, pos));
        int h = Integer.parseInt(token(data, pos));
        int max = Integer.parseInt(token(data, pos));
        if (max != 255) {
            throw new IOException(ppm + ": maxval " + max + ", expected 255");
        }
        int at = pos[0] + 1; // one whitespace byte after maxval
        if (data.length - at < (long) w * h * 3) {
            throw new IOException(ppm + ": " + (data.length - at) + " bytes of pixels, expected " + (long) w * h * 3);
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++, at += 3) {
                row[x] = (data[at] & 0xFF) << 16 | (data[at + 1] & 0xFF) << 8 | (data[at + 2] & 0xFF);
            }
            image.setRGB(0, y, w, 1, row, 0, w);
        }
        return image;
    }

    private static String token(byte[] data, int[] pos) {
        int i = pos[0];
        while (i < data.length) {
            if (data[i] == '#') {
                while (i < data.length && data[i] != '\n') {
                    i++;
                }
            } else if (Character.isWhitespace(data[i])) {
                i++;
            } else {
                break;
            }
        }
        int start = i;
        while (i < data.length && !Character.isWhitespace(data[i])) {
            i++;
        }
        pos[0] = i;
        return new String(data, start, i - start, StandardCharsets.US_ASCII);
    }

    public String logTail() {
        return Processes.tail(log);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (qmp != null) {
                qmp.close();
            }
        }
        try {
            serial.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        Processes.killTree(qemu.toHandle());
        Processes.deleteTree(dir);
    }

    // ---- the kernel and the initramfs, built once and cached ----

    static Path cacheDir() throws IOException {
        String configured = System.getProperty("vncstream.test.cache");
        Path base = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "vncstream-test");
        Path dir = base.resolve("tinyvm");
        Files.createDirectories(dir);
        return dir;
    }

    /** Debian's cloud kernel, downloaded and unpacked once. */
    public static synchronized Path kernel() throws IOException, InterruptedException {
        Path cached = cacheDir().resolve("vmlinuz");
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        TestPeers.requireProgram("apt-get", "apt");
        TestPeers.requireProgram("dpkg-deb", "dpkg");
        Path work = Files.createTempDirectory(cacheDir(), "download");
        try {
            String meta = "linux-image-cloud-amd64";
            Processes.Result r = Processes.run(TOOL, Map.of(), work, List.of("apt-get", "download", meta));
            TestPeers.require(r.exitCode() == 0, "the kernel package (apt-get download " + meta + " failed: "
                    + r.output().strip() + ")");
            Path metaDeb = onlyDeb(work, meta);
            String depends = Processes.check(TOOL, Map.of(), work, "dpkg-deb", "-f", metaDeb.toString(), "Depends").strip();
            String versioned = null;
            for (String alternative : depends.split("[,|]")) {
                String name = alternative.strip().split("\\s+")[0];
                if (name.startsWith("linux-image-")) {
                    versioned = name;
                    break;
                }
            }
            if (versioned == null) {
                throw new IOException(meta + " depends on no linux-image package: " + depends);
            }
            r = Processes.run(TOOL, Map.of(), work, List.of("apt-get", "download", versioned));
            TestPeers.require(r.exitCode() == 0, "the kernel package (apt-get download " + versioned + " failed: "
                    + r.output().strip() + ")");
            Path deb = onlyDeb(work, versioned + "_");
            Path unpacked = work.resolve("x");
            Processes.check(TOOL, Map.of(), work, "dpkg-deb", "-x", deb.toString(), unpacked.toString());
            Path vmlinuz;
            try (Stream<Path> s = Files.list(unpacked.resolve("boot"))) {
                vmlinuz = s.filter(p -> p.getFileName().toString().startsWith("vmlinuz-")).findFirst()
                        .orElseThrow(() -> new IOException("no boot/vmlinuz-* in " + deb));
            }
            Path tmp = cacheDir().resolve("vmlinuz.tmp-" + ProcessHandle.current().pid());
            Files.copy(vmlinuz, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(cacheDir().resolve("vmlinuz.source"), deb.getFileName() + "\n");
            Files.move(tmp, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return cached;
        } finally {
            Processes.deleteTree(work);
        }
    }

    private static Path onlyDeb(Path dir, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".deb"))
                    .findFirst().orElseThrow(() -> new IOException("apt-get download left no " + prefix + "*.deb in " + dir));
        }
    }

    /** The initramfs: static busybox and {@link #INIT}; rebuilt when either changes. */
    public static synchronized Path initramfs() throws IOException, InterruptedException {
        Path busybox = staticBusybox();
        TestPeers.requireProgram("cpio", "cpio");
        TestPeers.requireProgram("gzip", "gzip");
        byte[] bb = Files.readAllBytes(busybox);
        String key = sha256(INIT.getBytes(StandardCharsets.UTF_8), bb).substring(0, 16);
        Path cached = cacheDir().resolve("initramfs-" + key + ".cpio.gz");
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        Path root = Files.createTempDirectory(cacheDir(), "initramfs");
        try {
            Files.createDirectories(root.resolve("bin"));
            Path bin = root.resolve("bin/busybox");
            Files.write(bin, bb);
            bin.toFile().setExecutable(true, false);
            Path init = root.resolve("init");
            Files.writeString(init, INIT);
            init.toFile().setExecutable(true, false);
            Path tmp = cacheDir().resolve("initramfs.tmp-" + ProcessHandle.current().pid());
            Processes.check(TOOL, Map.of(), root, "sh", "-c",
                    "find . | cpio -o -H newc --quiet | gzip -9 > '" + tmp + "'");
            Files.move(tmp, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return cached;
        } finally {
            Processes.deleteTree(root);
        }
    }

    /** A statically linked busybox (Debian busybox-static), which runs alone in the initramfs. */
    static Path staticBusybox() throws IOException {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/bin/busybox"), Path.of("/usr/bin/busybox")));
        String onPath = TestPeers.findOnPath("busybox");
        if (onPath != null) {
            candidates.add(0, Path.of(onPath));
        }
        for (Path p : candidates) {
            if (Files.isRegularFile(p) && isStaticElf(p)) {
                return p;
            }
        }
        TestPeers.require(false, "a statically linked busybox (Debian package busybox-static)");
        throw new IllegalStateException("unreachable");
    }

    /** An x86-64 ELF executable without a PT_INTERP program header needs no dynamic loader. */
    static boolean isStaticElf(Path file) throws IOException {
        byte[] head = new byte[64];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 64) < 64) {
                return false;
            }
        }
        if (head[0] != 0x7F || head[1] != 'E' || head[2] != 'L' || head[3] != 'F' || head[4] != 2) {
            return false;
        }
        ByteBuffer h = ByteBuffer.wrap(head).order(head[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        long phoff = h.getLong(0x20);
        int phentsize = h.getShort(0x36) & 0xFFFF;
        int phnum = h.getShort(0x38) & 0xFFFF;
        byte[] all = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(all).order(h.order());
        for (int i = 0; i < phnum; i++) {
            long at = phoff + (long) i * phentsize;
            if (at + 4 > all.length) {
                return false;
            }
            if (b.getInt((int) at) == 3) { // PT_INTERP
                return false;
            }
        }
        return true;
    }

    private static String sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(p);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "tiny VM (QEMU VNC " + vncAddress() + (kvm ? ", KVM" : ", emulated") + ")";
    }
}
