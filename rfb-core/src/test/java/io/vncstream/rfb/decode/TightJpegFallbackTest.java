package io.vncstream.rfb.decode;

import io.vncstream.rfb.Encodings;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The choice of JPEG library, made once per process, seen from fresh JVMs: without JNA on the
 * class path (as in an application that left it out) and when ImageIO is forced, Tight's JPEGs
 * still decode, through ImageIO, and the reason is logged once.
 */
class TightJpegFallbackTest {

    /** Run in the child JVM: prints the library, then the first pixel of a decoded JPEG. */
    public static void main(String[] args) throws Exception {
        byte[] jpeg = JpegSamples.jpeg(JpegSamples.photo(8, 8, 1), 0.9f, 2, 2);
        try (JpegDecoder d = TightJpeg.open()) {
            int[] px = d.decode(new RectHeader(0, 0, 8, 8, Encodings.TIGHT), jpeg, new int[64]);
            System.out.println(TightJpeg.library() + " " + d.name() + " " + Integer.toHexString(px[0] >>> 24));
        }
    }

    @Test
    void withoutJnaTheJpegsDecodeThroughImageIo() throws Exception {
        String out = child(false, List.of(), Map.of());
        assertThat(out).contains("ImageIO ImageIO ff");
        assertThat(out).containsOnlyOnce("Tight JPEG: ImageIO, libturbojpeg not loaded (NoClassDefFoundError: com/sun/jna/");
    }

    @Test
    void thePropertyForcesImageIo() throws Exception {
        String out = child(true, List.of("-D" + TightJpeg.PROPERTY + "=imageio"), Map.of());
        assertThat(out).contains("ImageIO ImageIO ff").contains("Tight JPEG: ImageIO (forced by vncstream.jpeg=imageio)");
    }

    @Test
    void theEnvironmentVariableForcesImageIo() throws Exception {
        String out = child(true, List.of(), Map.of(TightJpeg.ENV, "ImageIO"));
        assertThat(out).contains("ImageIO ImageIO ff").contains("Tight JPEG: ImageIO (forced by VNCSTREAM_JPEG=ImageIO)");
    }

    @Test
    void withJnaAndNothingForcedItIsLibturbojpeg() throws Exception {
        assertThat(child(true, List.of(), Map.of())).contains("libturbojpeg libturbojpeg ff");
    }

    private static String child(boolean withJna, List<String> options, Map<String, String> env) throws Exception {
        List<String> cp = new ArrayList<>(List.of(where(TightJpeg.class), where(TightJpegFallbackTest.class),
                where(org.slf4j.LoggerFactory.class), where(org.slf4j.simple.SimpleLogger.class)));
        if (withJna) {
            cp.add(where(com.sun.jna.Native.class));
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", String.join(File.pathSeparator, cp)));
        command.addAll(options);
        command.add(TightJpegFallbackTest.class.getName());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove(TightJpeg.ENV);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
        assertThat(p.exitValue()).as("child's exit code; its output:%n%s", out).isZero();
        return out;
    }

    private static String where(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
