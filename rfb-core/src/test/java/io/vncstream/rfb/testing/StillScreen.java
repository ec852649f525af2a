package io.vncstream.rfb.testing;

import java.awt.image.BufferedImage;
import java.util.concurrent.Callable;

/**
 * Compares a picture of a VM's screen taken by the code under test with QEMU's own screendump,
 * pixel for pixel. The guest may draw meanwhile (a cursor blinks, the console scrolls), so a
 * screendump is taken before and after: only when the two are equal was the screen still, and
 * only then is the comparison a verdict; otherwise it is tried again.
 */
public final class StillScreen {
    private static final int ATTEMPTS = 5;

    private StillScreen() {
    }

    /** {@code take} gets the picture under test; {@code what} names it in a failure. */
    public static void assertMatchesScreendump(TinyVm vm, Callable<BufferedImage> take, String what) throws Exception {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            BufferedImage before = vm.screendump();
            BufferedImage taken = take.call();
            BufferedImage after = vm.screendump();
            if (PixelDiff.describe(before, after, PixelDiff.EXACT) != null) {
                System.out.println("the VM's screen changed while taking " + what + "; again");
                continue;
            }
            if (PixelDiff.distinctColours(after) < 2) {
                throw new AssertionError("the VM's screen is one colour: nothing to compare " + what + " with");
            }
            PixelDiff.assertMatches(after, taken, PixelDiff.EXACT, what);
            return;
        }
        throw new AssertionError("the VM's screen kept changing during " + ATTEMPTS + " tries of " + what);
    }
}
