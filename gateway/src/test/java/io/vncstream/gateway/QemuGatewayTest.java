package io.vncstream.gateway;

import io.vncstream.gateway.cli.GatewayCommand;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.stream.Capture;
import io.vncstream.rfb.testing.DeviceEvents;
import io.vncstream.rfb.testing.StillScreen;
import io.vncstream.rfb.testing.QmpConnection;
import io.vncstream.rfb.testing.TinyVm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.vncstream.rfb.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A real VM end to end: QEMU's own VNC server, its serial port on a chardev unix socket and QMP
 * on another, and the gateway started as {@code vncstream-gateway --upstream ... --qmp ...}
 * would start it. The VM boots once for the class; the gateway is the only client of the serial
 * socket and of the QMP socket (the test kit talks QMP on QEMU's stdio).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QemuGatewayTest {
    private static final Duration HOT_PLUG = Duration.ofSeconds(3);

    private TinyVm vm;
    private Gateway gateway;

    @BeforeAll
    void start() throws Exception {
        long begin = System.nanoTime();
        vm = TinyVm.boot();
        vm.showOnScreen("vncstream gateway test: QEMU VNC relayed, serial console captured");
        vm.releaseSerial();
        gateway = GatewayCommand.start("--listen", "127.0.0.1:0", "--upstream", vm.vncAddress(),
                "--qmp", "unix:" + vm.qmpSocket());
        System.out.printf("%s: init marker after %d ms, shell after %d ms, gateway up after %d ms%n", vm,
                vm.timeToMarker().toMillis(), vm.timeToShell().toMillis(), (System.nanoTime() - begin) / 1_000_000);
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (vm != null) {
            vm.close();
        }
    }

    @Test
    void theDeviceListIsTheSerialChardevWithoutTheQmpMonitorsSocket() throws Exception {
        String chardevs = vm.queryChardev();
        // The monitor the gateway talks to is itself a socket chardev: it must not be offered.
        assertThat(chardevs).contains(vm.qmpSocket().toString()).contains(vm.serialSocket().toString());
        try (StreamViewer v = new StreamViewer(gateway.port())) {
            assertThat(v.streams.devices()).containsExactly(TinyVm.SERIAL_ID);
        }
    }

    @Test
    void aCaptureOfTheSerialConsoleRunsACommandInTheVmsShell() throws Exception {
        try (StreamViewer v = new StreamViewer(gateway.port())) {
            StreamViewer.Output out = new StreamViewer.Output();
            Capture serial = v.capture(TinyVm.SERIAL_ID, out);
            int from = out.text().length();
            // The typed line echoes as "$((6*7))"; only the shell's answer is 42 on a line of its own.
            serial.send("echo $((6*7))\r".getBytes(StandardCharsets.US_ASCII));
            out.await(t -> t.indexOf("\r\n42\r\n", from) >= 0, Duration.ofSeconds(15));
            serial.send("uname -s\r".getBytes(StandardCharsets.US_ASCII));
            out.await(t -> t.indexOf("\r\nLinux\r\n", from) >= 0, Duration.ofSeconds(15));
        }
    }

    /** Screendump, frame through the gateway, screendump: equal dumps mean a still screen during the frame. */
    @Test
    void aFrameThroughTheGatewayEqualsTheScreendumpPixelForPixel() throws Exception {
        StillScreen.assertMatchesScreendump(vm, () -> Frames.image(Frames.take("127.0.0.1::" + gateway.port(),
                new ClientConfig())), "QEMU VNC through the gateway");
    }

    @Test
    void aChardevHotPluggedOverQmpIsListedAndGoneWithinThreeSeconds() throws Exception {
        try (StreamViewer v = new StreamViewer(gateway.port())) {
            DeviceEvents events = new DeviceEvents();
            v.streams.addDeviceListener(events);
            vm.chardevAdd("hot1");
            long added = System.nanoTime();
            await(HOT_PLUG, "hot1 is listed", () -> v.streams.devices().contains("hot1"));
            long listed = System.nanoTime();
            vm.chardevRemove("hot1");
            long removed = System.nanoTime();
            await(HOT_PLUG, "hot1 is gone", () -> !v.streams.devices().contains("hot1"));
            long gone = System.nanoTime();
            System.out.printf("hot-plug: listed %d ms after chardev-add, gone %d ms after chardev-remove%n",
                    (listed - added) / 1_000_000, (gone - removed) / 1_000_000);
            // The list changes before the listeners hear of it, on the reader thread.
            await(Duration.ofSeconds(3), "the listener heard of the removal", () -> events.list().size() == 2);
            assertThat(events.list()).containsExactly("+hot1", "-hot1");
            assertThat(vm.queryChardev()).doesNotContain("\"hot1\"");
        }
    }

    /**
     * QEMU serves a QMP socket to one client at a time: a second gateway on the same monitor
     * connects but would wait for a greeting for ever. It must give up with a line that says why.
     */
    @Test
    void aSecondGatewayOnTheBusyQmpSocketFailsSayingWhy() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> GatewayCommand.start("--listen", "127.0.0.1:0", "--upstream", vm.vncAddress(),
                        "--qmp", "unix:" + vm.qmpSocket()))
                        .hasMessageContaining("no greeting within").hasMessageContaining("one client at a time"));
    }

    /** Last: a closed gateway stops polling QMP, so the monitor is free for the next client. */
    @Test
    @Order(Integer.MAX_VALUE)
    void closingTheGatewayLetsGoOfTheQmpSocket() throws Exception {
        gateway.close();
        try (QmpConnection next = QmpConnection.connect(vm.qmpSocket(), Duration.ofSeconds(5))) {
            assertThat(next.executeOk("{\"execute\":\"query-chardev\"}")).contains(vm.serialSocket().toString());
        }
    }
}
