package io.vncstream.viewer.cli;

import io.vncstream.rfb.testing.TestPeers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vncstream --demo}: the real main starts the demo in-process, connects and paints the desktop. */
class DemoOptionTest {
    @TempDir
    Path home;

    @Test
    void demoStartsItsServerConnectsAndPaintsTheFirstFrame() throws Exception {
        TestPeers.requireDisplay();
        // --measure-startup exits once the first frame from the server has been painted.
        Cli.Outcome run = Cli.separateProcess(List.of("-Duser.home=" + home), "--demo", "--measure-startup");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString()).containsPattern("first-paint-epoch-ms=\\d+ .*vncstream first frame 1024x768");
        assertThat(run.err()).as("the embedded gateway served the viewer").contains("listening on 127.0.0.1:")
                .contains("viewer 127.0.0.1:");
    }

    @Test
    void demoWithAnAddressIsRefusedInWords() {
        Cli.Outcome run = Cli.inProcess("--demo", "localhost:1");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errLines()).anyMatch(l -> l.contains("--demo connects to its own server: give no ADDRESS with it"));
    }
}
