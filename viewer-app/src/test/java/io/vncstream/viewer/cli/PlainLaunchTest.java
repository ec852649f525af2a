package io.vncstream.viewer.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The GUI's command lines parsed without picocli ({@link PlainLaunch}) come out as picocli parses them, or are left to it. */
class PlainLaunchTest {
    @Test
    void whatIsTakenIsWhatPicocliMakesOfIt() {
        List<List<String>> taken = List.of(List.of(), List.of("--demo"), List.of("--demo", "--measure-startup"),
                List.of("--measure-startup", "--demo"), List.of("localhost:1"), List.of("vnc://host:5901", "--measure-startup"),
                List.of("--measure-startup", "[::1]:2"), List.of("unix:/run/vnc.sock"), List.of("host::5900"),
                List.of("--demo", "localhost:1"), List.of("a b"), List.of("help"));
        for (List<String> args : taken) {
            VncstreamCommand plain = PlainLaunch.parse(args.toArray(String[]::new));
            assertThat(plain).as("taken: %s", args).isNotNull();
            VncstreamCommand picocli = parsedByPicocli(args);
            assertThat(plain.address).as("%s", args).isEqualTo(picocli.address);
            assertThat(plain.demo).as("%s", args).isEqualTo(picocli.demo);
            assertThat(plain.measureStartup).as("%s", args).isEqualTo(picocli.measureStartup);
            assertThat(plain.via).as("%s", args).isEqualTo(picocli.via).isNull();
            assertThat(plain.measureMemory).as("%s", args).isEqualTo(picocli.measureMemory).isNull();
            assertThat(plain.libvirt.uri).as("%s", args).isEqualTo(picocli.libvirt.uri).isNull();
        }
    }

    @Test
    void everythingElseIsLeftToPicocli() {
        List<List<String>> left = List.of(List.of("--help"), List.of("-h"), List.of("-V"), List.of("--version"),
                List.of("--demo", "--demo"), List.of("--measure-startup", "--measure-startup"), List.of("a", "b"),
                List.of("snapshot", "host:1", "out.png"), List.of("devices", "host:1"), List.of("console", "host:1", "serial0"),
                List.of("--via", "gw", "localhost:1"), List.of("--via=gw", "localhost:1"), List.of("-c", "qemu:///system", "vm"),
                List.of("--connect", "qemu:///system", "vm"), List.of("--measure-memory", "3", "--demo"), List.of("--demo=true"),
                List.of("@args.txt"), List.of("--", "host:1"), List.of("-"), List.of(""), List.of("--dem"), List.of("-x"));
        for (List<String> args : left) {
            assertThat(PlainLaunch.parse(args.toArray(String[]::new))).as("left to picocli: %s", args).isNull();
        }
    }

    @Test
    void noSubcommandIsTakenForAnAddress() {
        assertThat(PlainLaunch.SUBCOMMANDS).isEqualTo(VncstreamCommand.commandLine().getSubcommands().keySet());
    }

    @Test
    void aFailureIsReportedAsPicocliReportsIt() throws Exception {
        // The real main: these arguments take the plain path, whose error goes through the same handler.
        Cli.Outcome plain = Cli.separateProcess("--demo", "localhost:1");
        Cli.Outcome picocli = Cli.inProcess("--demo", "localhost:1");
        assertThat(plain.exitCode()).as(plain.toString()).isEqualTo(1).isEqualTo(picocli.exitCode());
        assertThat(plain.err()).as(plain.toString())
                .isEqualTo("vncstream: --demo connects to its own server: give no ADDRESS with it\n")
                .isEqualTo(picocli.err());
        Cli.Outcome badAddress = Cli.separateProcess("localhost:x");
        assertThat(badAddress.exitCode()).as(badAddress.toString()).isEqualTo(1);
        assertThat(badAddress.err()).as(badAddress.toString()).isEqualTo(Cli.inProcess("localhost:x").err()).startsWith("vncstream: ");
    }

    private static VncstreamCommand parsedByPicocli(List<String> args) {
        VncstreamCommand c = new VncstreamCommand();
        new CommandLine(c).parseArgs(args.toArray(String[]::new));
        return c;
    }
}
