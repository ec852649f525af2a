package io.vncstream.gateway.demo;

import io.vncstream.gateway.device.Device;
import io.vncstream.gateway.device.DeviceRegistry;

/** The demo's devices: {@code serial0} (a shell) and {@code log0} (a line a second). */
public final class DemoDevices {
    private DemoDevices() {
    }

    public static void install(DeviceRegistry registry, int backlogBytes) {
        DemoCommands commands = new DemoCommands(registry, backlogBytes);
        registry.add(new Device("serial0", new ProgramBackend("demo:shell", new DemoShell(commands)), backlogBytes));
        registry.add(new Device("log0", new ProgramBackend("demo:log", new DemoLog("log0")), backlogBytes));
    }
}
