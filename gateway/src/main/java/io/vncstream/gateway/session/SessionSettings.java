package io.vncstream.gateway.session;

import io.vncstream.gateway.device.CaptureLimits;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.rfb.server.ServerSecurity;

import java.util.function.Consumer;

/** What every viewer session shares: the desktop, the devices, our security, and the bounds on each capture. */
public record SessionSettings(Desktop desktop, DeviceRegistry registry, ServerSecurity security,
                              CaptureLimits captureLimits, Consumer<ViewerSession> onClosed) {
}
