package io.vncstream.viewer.cli;

import io.vncstream.gateway.Gateway;
import io.vncstream.gateway.cli.GatewayCommand;
import io.vncstream.rfb.testing.TinyVm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vncstream devices} and {@code vncstream console}, each its own JVM with the real main,
 * against a gateway in front of a tiny real VM ({@code --upstream} QEMU's VNC, {@code --qmp} its
 * monitor). The VM boots once for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleQemuTest {
    private TinyVm vm;
    private Gateway gateway;

    @BeforeAll
    void start() throws Exception {
        vm = TinyVm.boot();
        vm.releaseSerial(); // the gateway is to be the serial socket's one client
        gateway = GatewayCommand.start("--listen", "127.0.0.1:0", "--upstream", vm.vncAddress(),
                "--qmp", "unix:" + vm.qmpSocket());
        System.out.printf("%s: shell after %d ms%n", vm, vm.timeToShell().toMillis());
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
            gateway.registry().removeAll();
        }
        if (vm != null) {
            vm.close();
        }
    }

    private String address() {
        return "127.0.0.1::" + gateway.port();
    }

    @Test
    void devicesListsTheSerialChardevsLabel() throws Exception {
        Cli.Outcome r = Cli.separateProcess("devices", address());
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out().lines()).containsExactly(TinyVm.SERIAL_ID);
    }

    @Test
    void consoleRunsACommandInTheVmsShellAndShowsItsOutput() throws Exception {
        Cli.Outcome r = Cli.separateProcessWithInput("echo $((6*7)); uname -s\n",
                "console", address(), TinyVm.SERIAL_ID, "--timeout", "5");
        assertThat(r.exitCode()).as("%s", r).isZero();
        String out = r.out();
        // The shell echoes the typed line (with "$((6*7))"); what follows it is the commands' output.
        int typed = out.lastIndexOf("echo $((6*7)); uname -s");
        assertThat(typed).as("the echo of the typed line in: %s", out).isNotNegative();
        assertThat(out.substring(typed)).contains("\r\n42\r\nLinux\r\n");
    }

    /**
     * On a terminal, the backlog replayed to a console opened late is shown without the queries in
     * it: busybox's prompt asks for the cursor position at every command, and the user's terminal
     * (tmux) answered each one into the VM's shell. The replay's text is all there.
     */
    @Test
    void onATerminalTheReplayIsShownWithoutItsCursorQueries() throws Exception {
        Cli.Outcome earlier = Cli.separateProcessWithInput("echo replay-$((2*3))\n",
                "console", address(), TinyVm.SERIAL_ID, "--timeout", "3");
        assertThat(earlier.out()).as("the prompts ask for the cursor position").contains("\u001b[6n");

        Cli.Outcome r = Cli.onTerminal(out -> out.contains("replay-6\r"), "\u001d",
                "console", address(), TinyVm.SERIAL_ID);
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).contains("echo replay-$((2*3))", "replay-6");
        assertThat(r.out()).as("what reached the terminal: %s", r.out().replace("\u001b", "ESC"))
                .doesNotContain("\u001b[6n");
    }
}
