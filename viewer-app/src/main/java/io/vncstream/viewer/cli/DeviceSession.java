package io.vncstream.viewer.cli;

import io.vncstream.rfb.devices.DeviceSource;

/** What {@code devices} and {@code console} open: a source of devices, held until closed. */
interface DeviceSession extends AutoCloseable {
    DeviceSource devices();

    @Override
    void close();
}
