package io.vncstream.rfb.bench;

import io.vncstream.rfb.framebuffer.Framebuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Decode throughput of each encoding on one 1024x768 screen of real content (see
 * {@link XvncRecording} and {@link BuiltWorkloads}): one operation decodes one whole
 * FramebufferUpdate, both phases, into a framebuffer. {@link #main} prepares the workloads, runs
 * JMH and reports Mpixel/s, MB/s of wire bytes and the ratio to Raw on the same frame:
 * {@code mvn -o -q -B -pl rfb-core test-compile exec:exec@decode-bench}. No number is asserted.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecodeBench {
    /** Where the workloads are; the runner passes it to the forked JVM. */
    static final String DIR_PROPERTY = "decodebench.dir";

    /** Every workload; {@link DecodeBenchRunner} checks this list against the files it prepares. */
    @Param({"mixed.xvnc-raw", "mixed.xvnc-hextile", "mixed.xvnc-zrle", "mixed.xvnc-tight",
            "mixed.xvnc-tight-q8", "mixed.built-copyrect", "mixed.built-zlib", "mixed.built-tight-fill",
            "mixed.built-tight-mono", "mixed.built-tight-palette16", "mixed.built-tight-gradient",
            "mixed.built-tight-basic", "mixed.built-tight-jpeg", "text.xvnc-raw", "text.xvnc-rre",
            "text.xvnc-hextile", "text.xvnc-zrle", "text.xvnc-tight", "text.xvnc-tight-q8",
            "text.built-copyrect", "text.built-zlib", "text.built-tight-fill", "text.built-tight-mono",
            "text.built-tight-palette16", "text.built-tight-gradient", "text.built-tight-basic",
            "text.built-tight-jpeg"})
    public String workload;

    private Workload loaded;
    private Framebuffer fb;
    private UpdateReplay replay;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path dir = workloadDir();
        loaded = Workload.load(dir.resolve(workload + ".update"));
        fb = new Framebuffer(loaded.width(), loaded.height());
        replay = new UpdateReplay();
    }

    /** The property's directory, or decode-bench/ in the target directory these classes were compiled to. */
    static Path workloadDir() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir).toAbsolutePath();
        }
        try {
            Path classes = Path.of(DecodeBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.resolveSibling("decode-bench");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        DecodeBenchRunner.run(args);
    }

    @Benchmark
    public int decode() throws IOException {
        return replay.decode(loaded.update(), fb);
    }
}
