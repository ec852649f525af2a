package io.vncstream.rfb.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
import java.util.stream.Stream;

/**
 * What the {@link TinyVm} boots: Debian's cloud kernel, fetched with {@code apt-get download}
 * (the meta package, then the versioned package it depends on) and unpacked with
 * {@code dpkg-deb -x}, never installed; and an initramfs of the host's static busybox with
 * {@link #INIT} as {@code /init} and two of the kernel's modules (the ACPI power button and
 * evdev, for busybox's {@code acpid}). Both are built once and cached (see {@link #cacheDir()}).
 */
public final class TinyVmImage {
    /** The line {@code /init} prints on the serial console before starting the shell. */
    public static final String MARKER = "VNCSTREAM-TINYVM-READY";

    /**
     * The kernel's modules the initramfs carries, by their path in the kernel package below
     * {@code lib/modules/VERSION/kernel/}: the power button ACPI sends (QEMU's
     * {@code system_powerdown}, libvirt's {@code virsh shutdown} and {@code reboot}) becomes a key
     * press on an input device, which {@code acpid} reads through evdev.
     */
    static final List<String> MODULES = List.of("drivers/input/evdev.ko", "drivers/acpi/button.ko");

    /** busybox acpid's action file: the power button's event (KEY_POWER, "PWRF") runs {@link #POWER_BUTTON}. */
    static final String ACPID_CONF = "PWRF PWRF/00000080\n";

    /** What the power button does: off at once (no init to tell), so libvirt sees the guest end. */
    static final String POWER_BUTTON = "#!/bin/sh\npoweroff -f\n";

    static final String INIT = String.join("\n",
            "#!/bin/busybox sh",
            "/bin/busybox --install -s /bin",
            "mkdir -p /proc /sys /dev /var/log /var/run",
            "mount -t proc proc /proc",
            "mount -t sysfs sysfs /sys",
            "mount -t devtmpfs devtmpfs /dev",
            "for m in /lib/modules/*.ko; do insmod $m; done",
            "acpid -c /etc/acpi -a /etc/acpid.conf -l /var/log/acpid.log",
            "echo " + MARKER,
            "while true; do setsid cttyhack sh -l </dev/ttyS0 >/dev/ttyS0 2>&1; done",
            "");

    private static final Duration TOOL = Duration.ofMinutes(3);

    private TinyVmImage() {
    }

    /**
     * Where the kernel and initramfs are kept between runs: the system property
     * {@code vncstream.test.cache}, else {@code vncstream-tinyvm} in the temp directory, shared by
     * the modules' test runs (each module's target/ would download the kernel again).
     */
    static Path cacheDir() throws IOException {
        String configured = System.getProperty("vncstream.test.cache");
        Path dir = configured != null ? Path.of(configured).resolve("tinyvm")
                : Path.of(System.getProperty("java.io.tmpdir"), "vncstream-tinyvm");
        Files.createDirectories(dir);
        return dir;
    }

    /** Debian's cloud kernel, downloaded and unpacked once (with {@link #MODULES}, see {@link #modules()}). */
    public static synchronized Path kernel() throws IOException, InterruptedException {
        Path cached = cacheDir().resolve("vmlinuz");
        if (Files.isRegularFile(cached) && modulesCached()) {
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
            // The modules first: a cache with a kernel but no modules (an older kit's) is fetched
            // again whole, so that kernel and modules are always of the same package.
            Path version = unpacked.resolve("lib/modules/" + vmlinuz.getFileName().toString().substring("vmlinuz-".length()));
            Path modules = Files.createDirectories(cacheDir().resolve("modules"));
            for (String m : MODULES) {
                Path from = version.resolve("kernel").resolve(m);
                if (!Files.isRegularFile(from)) {
                    throw new IOException("no " + m + " in " + deb + " (looked for " + from + ")");
                }
                Path to = modules.resolve(from.getFileName());
                Path tmp = to.resolveSibling(to.getFileName() + ".tmp-" + ProcessHandle.current().pid());
                Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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

    /** {@link #MODULES} as cached beside the kernel. */
    static synchronized List<Path> modules() throws IOException, InterruptedException {
        kernel();
        return moduleFiles();
    }

    private static List<Path> moduleFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String m : MODULES) {
            out.add(cacheDir().resolve("modules").resolve(Path.of(m).getFileName()));
        }
        return out;
    }

    private static boolean modulesCached() throws IOException {
        return moduleFiles().stream().allMatch(Files::isRegularFile);
    }

    private static Path onlyDeb(Path dir, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".deb"))
                    .findFirst().orElseThrow(() -> new IOException("apt-get download left no " + prefix + "*.deb in " + dir));
        }
    }

    /**
     * The initramfs: static busybox, {@link #INIT}, the modules and acpid's files; rebuilt when any
     * of them changes (all are in the file name's hash).
     */
    public static synchronized Path initramfs() throws IOException, InterruptedException {
        Path busybox = staticBusybox();
        TestPeers.requireProgram("cpio", "cpio");
        TestPeers.requireProgram("gzip", "gzip");
        byte[] bb = Files.readAllBytes(busybox);
        List<byte[]> parts = new ArrayList<>(List.of(INIT.getBytes(StandardCharsets.UTF_8), bb,
                ACPID_CONF.getBytes(StandardCharsets.UTF_8), POWER_BUTTON.getBytes(StandardCharsets.UTF_8)));
        List<Path> modules = modules();
        for (Path m : modules) {
            parts.add(m.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            parts.add(Files.readAllBytes(m));
        }
        String key = sha256(parts.toArray(byte[][]::new)).substring(0, 16);
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
            Path lib = Files.createDirectories(root.resolve("lib/modules"));
            for (Path m : modules) {
                Files.copy(m, lib.resolve(m.getFileName()));
            }
            Files.createDirectories(root.resolve("etc/acpi/PWRF"));
            Files.writeString(root.resolve("etc/acpid.conf"), ACPID_CONF);
            Path button = root.resolve("etc/acpi/PWRF/00000080");
            Files.writeString(button, POWER_BUTTON);
            button.toFile().setExecutable(true, false);
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
}
