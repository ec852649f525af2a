package io.vncstream.rfb.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prepares the workloads (recording Xvnc once, building the rest from its Raw frame), checks that
 * each decodes to the pixels it should, runs {@link DecodeBench} under JMH and prints the table.
 * Arguments: workload names to run (default all). Options as system properties: decodebench.dir,
 * decodebench.only (comma-separated workloads, as the arguments), decodebench.warmups,
 * decodebench.iterations, decodebench.seconds.
 */
final class DecodeBenchRunner {
    private DecodeBenchRunner() {
    }

    static void run(String[] args) throws Exception {
        Path dir = DecodeBench.workloadDir();
        Map<String, Workload> workloads = new LinkedHashMap<>();
        for (Workload w : XvncRecording.loadOrRecord(dir)) {
            workloads.put(w.name(), w);
        }
        for (String screen : XvncRecording.SCREENS) {
            Workload raw = workloads.get(reference(screen + "."));
            for (Workload w : BuiltWorkloads.from(screen, raw.expected(), raw.width(), raw.height())) {
                w.save(dir);
                workloads.put(w.name(), w);
            }
        }
        List<String> declared = List.of(DecodeBench.class.getField("workload").getAnnotation(
                org.openjdk.jmh.annotations.Param.class).value());
        if (!new java.util.HashSet<>(declared).equals(workloads.keySet())) {
            throw new IllegalStateException("DecodeBench's @Param list " + declared + " differs from the workloads "
                    + workloads.keySet());
        }
        String only = args.length > 0 ? String.join(",", args) : System.getProperty("decodebench.only", "");
        List<String> names = new ArrayList<>(declared);
        if (!only.isBlank()) {
            List<String> wanted = new ArrayList<>(List.of(only.split(",")));
            for (String w : List.copyOf(wanted)) {
                if (!wanted.contains(reference(w))) {
                    wanted.add(reference(w)); // the reference every ratio needs
                }
            }
            names.retainAll(wanted);
        }
        for (String name : names) {
            checkDecodes(workloads.get(name));
            describe(workloads.get(name));
        }
        Collection<RunResult> results = new Runner(options(dir, names).build()).run();
        String table = table(results, workloads);
        System.out.println(table);
        Files.writeString(dir.resolve("results.txt"), table);
        System.out.println("written to " + dir.resolve("results.txt"));
    }

    private static ChainedOptionsBuilder options(Path dir, List<String> names) {
        int seconds = Integer.getInteger("decodebench.seconds", 1);
        return new OptionsBuilder()
                .include(DecodeBench.class.getName() + ".decode")
                .param("workload", names.toArray(String[]::new))
                .forks(1)
                .warmupIterations(Integer.getInteger("decodebench.warmups", 3))
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(Integer.getInteger("decodebench.iterations", 5))
                .measurementTime(TimeValue.seconds(seconds))
                .jvmArgsAppend("-D" + DecodeBench.DIR_PROPERTY + "=" + dir, "-Xmx1g")
                .shouldFailOnError(true);
    }

    /** A workload that does not decode to its expected pixels would measure the wrong thing. */
    private static void checkDecodes(Workload w) throws IOException {
        int[] decoded = w.decodeOnce();
        if (w.expected() == null) {
            return;
        }
        int different = 0;
        for (int i = 0; i < w.expected().length; i++) {
            if (w.expected()[i] != decoded[i]) {
                different++;
            }
        }
        if (different > 0) {
            throw new IllegalStateException(w.name() + " decodes to " + different + " pixels unlike its expected frame");
        }
    }

    private static void describe(Workload w) throws IOException {
        StringBuilder b = new StringBuilder();
        w.rects().forEach((encoding, c) -> b.append(String.format(Locale.ROOT, " %s: %d rects, %d px;", encoding, c[0], c[1])));
        System.out.printf(Locale.ROOT, "%-28s %9d wire bytes;%s%n", w.name(), w.update().length, b);
    }

    private static String table(Collection<RunResult> results, Map<String, Workload> workloads) throws IOException {
        Map<String, double[]> score = new LinkedHashMap<>();
        for (RunResult r : results) {
            var primary = r.getPrimaryResult();
            score.put(r.getParams().getParam("workload"), new double[] {primary.getScore(), primary.getScoreError()});
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-28s %10s %11s %10s %10s %10s %7s%n",
                "workload", "wire bytes", "frames/s", "(+-99.9%)", "Mpixel/s", "wire MB/s", "vs Raw"));
        for (var e : score.entrySet()) {
            Workload w = workloads.get(e.getKey());
            String ref = reference(w.name());
            double rawMpx = mpixels(score.get(ref)[0], workloads.get(ref));
            double fps = e.getValue()[0];
            double mpx = mpixels(fps, w);
            b.append(String.format(Locale.ROOT, "%-28s %10d %11.1f %10.1f %10.1f %10.1f %6.2fx%n", w.name(),
                    w.update().length, fps, e.getValue()[1], mpx, fps * w.update().length / 1e6, mpx / rawMpx));
        }
        b.append("frames: 1024x768 (786432 pixels) per update; vs Raw = Mpixel/s over that of <screen>.xvnc-raw,"
                + " measured in the same run\n");
        return b.toString();
    }

    /** "mixed.built-zlib" -> "mixed.xvnc-raw": the Raw recording of the same screen. */
    private static String reference(String workload) {
        return workload.substring(0, workload.indexOf('.')) + ".xvnc-raw";
    }

    private static double mpixels(double framesPerSecond, Workload w) throws IOException {
        return framesPerSecond * w.pixels() / 1e6;
    }
}
