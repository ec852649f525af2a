package io.vncstream.rfb.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;

/**
 * The rule for tests that need a real peer (Xvnc, QEMU, an X display): in CI (CI=true) a missing
 * peer is a failure, since CI installs them all; elsewhere the test skips and says why.
 */
public final class TestPeers {
    private TestPeers() {
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips (or, in CI, fails) the calling test unless {@code available}. */
    public static void require(boolean available, String whatIsMissing) {
        if (available) {
            return;
        }
        if (inCi()) {
            Assertions.fail("CI must provide this test peer: " + whatIsMissing);
        }
        System.err.println("SKIPPED (no test peer): " + whatIsMissing);
        Assumptions.abort("no test peer: " + whatIsMissing);
    }

    /** Skips (or fails in CI) unless {@code program} is on the PATH; returns its absolute path. */
    public static String requireProgram(String program, String debianPackage) {
        String found = findOnPath(program);
        require(found != null, program + " not on PATH (Debian package " + debianPackage + ")");
        return found;
    }

    /** Skips (or fails in CI) unless an X display is available to AWT. */
    public static void requireDisplay() {
        String display = System.getenv("DISPLAY");
        require(display != null && !display.isEmpty() && !java.awt.GraphicsEnvironment.isHeadless(),
                "an X display (run ./test.sh, which uses xvfb-run from Debian package xvfb)");
    }

    public static String findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            File f = new File(dir, program);
            if (f.isFile() && f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        return null;
    }
}
