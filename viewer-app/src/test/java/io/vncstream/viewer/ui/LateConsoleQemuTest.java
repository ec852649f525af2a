package io.vncstream.viewer.ui;

import io.vncstream.gateway.Gateway;
import io.vncstream.gateway.cli.GatewayCommand;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.FirstFullUpdate;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.stream.Capture;
import io.vncstream.rfb.stream.CaptureListener;
import io.vncstream.rfb.stream.StreamClient;
import io.vncstream.rfb.testing.Eventually;
import io.vncstream.rfb.testing.TinyVm;
import io.vncstream.terminal.TerminalOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.swing.SwingUtilities;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A console tab opened late on a real VM's serial console: the gateway replays the console's
 * backlog, in which busybox's prompt asked for the cursor position (ESC[6n) at every command.
 * The tab shows the replay, and the VM receives nothing from it: no cursor reports reach the
 * shell as if typed. Another viewer's capture, which answers nothing, watches what the shell echoes.
 */
class LateConsoleQemuTest {
    /** A cursor position report (ESC[row;colR), raw or as the shell echoes it (^[[row;colR). */
    private static final Pattern CURSOR_REPORT = Pattern.compile("\\[\\d+;\\d+R");

    @TempDir
    Path logs;

    private TinyVm vm;
    private Gateway gateway;
    private final List<RfbClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        vm = TinyVm.boot();
        vm.releaseSerial();
        gateway = GatewayCommand.start("--listen", "127.0.0.1:0", "--upstream", vm.vncAddress(),
                "--qmp", "unix:" + vm.qmpSocket());
    }

    @AfterEach
    void stop() {
        clients.forEach(RfbClient::close);
        if (gateway != null) {
            gateway.close();
            gateway.registry().removeAll();
        }
        if (vm != null) {
            vm.close();
        }
    }

    @Test
    void aConsoleOpenedLateShowsTheReplayedPromptsAndAnswersNoneOfTheirQueries() throws Exception {
        StringBuffer watched = new StringBuffer();
        Capture watcher = streams().capture(TinyVm.SERIAL_ID, new CaptureListener() {
            @Override
            public void output(byte[] data) {
                watched.append(new String(data, StandardCharsets.ISO_8859_1));
            }
        }).get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 4; i++) {
            watcher.send(("echo prompt-" + i + "\r").getBytes(StandardCharsets.US_ASCII));
        }
        Eventually.await(Duration.ofSeconds(20), "four commands answered",
                () -> watched.toString().contains("\r\nprompt-3\r\n"));
        Thread.sleep(300);
        assertThat(watched.toString()).as("the prompts ask for the cursor position").contains("\u001b[6n");
        int before = watched.length();
        // What the tty receives while the late console opens is shown by cat -v, raw and visibly
        // (at the prompt, busybox's line editor would swallow a cursor report without a trace).
        watcher.send("stty -icanon -echo min 0 time 30; cat -v; stty sane; echo; echo done-$((6*7))\r"
                .getBytes(StandardCharsets.US_ASCII));
        Thread.sleep(500);

        ConsoleTab tab = new ConsoleTab(TinyVm.SERIAL_ID, TerminalOptions.defaults().logDirectory(logs), () -> { });
        StreamClient late = streams();
        SwingUtilities.invokeAndWait(() -> tab.capture(new io.vncstream.rfb.stream.StreamDeviceSource(late)));
        Eventually.await(Duration.ofSeconds(20), "the replay is on the late console's screen",
                () -> String.join("\n", tab.session().engine().screenLines()).contains("prompt-3"));
        Eventually.await(Duration.ofSeconds(30), "cat ends, three seconds after its last input",
                () -> watched.toString().contains("\r\ndone-42\r\n"));

        String since = watched.substring(before);
        assertThat(CURSOR_REPORT.matcher(since).find())
                .as("cursor reports typed into the VM after the late console opened: %s",
                        since.replace("\u001b", "ESC").replace("\r", "").replace("\n", "|"))
                .isFalse();
        SwingUtilities.invokeAndWait(tab::close);
    }

    private StreamClient streams() throws Exception {
        StreamClient streams = new StreamClient();
        FirstFullUpdate frame = new FirstFullUpdate(streams.handler(new RfbClientHandler() { }));
        RfbClient client = RfbClient.connect(ServerAddress.tcp("127.0.0.1", gateway.port()),
                new ClientConfig().jpegQuality(-1), frame);
        clients.add(client);
        streams.attach(client);
        frame.watch(client.framebuffer());
        client.start();
        frame.await(Duration.ofSeconds(30));
        client.setAutoRequest(false);
        Eventually.await(Duration.ofSeconds(10), "the device list", () -> streams.devices().contains(TinyVm.SERIAL_ID));
        return streams;
    }
}
