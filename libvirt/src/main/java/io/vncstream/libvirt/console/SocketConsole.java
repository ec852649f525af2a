package io.vncstream.libvirt.console;

import io.vncstream.libvirt.host.CommandHost;
import io.vncstream.libvirt.xml.DomainDevice;
import io.vncstream.rfb.devices.OutputListener;
import io.vncstream.rfb.io.Transport;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

/** A {@code <serial type='unix'>} (or tcp) QEMU listens on: we are its client, on the host. */
public final class SocketConsole extends StreamingCapture {
    /** QEMU accepts one client at a time: a busy socket does not accept within this. */
    static final Duration CONNECT = Duration.ofSeconds(3);

    private final Transport transport;

    private SocketConsole(String device, Transport transport, OutputListener listener) {
        super(device, listener);
        this.transport = transport;
    }

    public static SocketConsole open(CommandHost host, DomainDevice d, OutputListener listener) throws IOException {
        Transport t;
        try {
            t = d.type().equals("unix") ? host.connectUnix(d.sourcePath(), CONNECT)
                    : host.connectTcp(d.tcpHost() == null ? "127.0.0.1" : d.tcpHost(), Integer.parseInt(d.tcpPort()), CONNECT);
        } catch (java.net.SocketTimeoutException e) {
            throw new ConsoleBusyException(d.alias() + " is busy: its socket " + where(d)
                    + " already has a client (QEMU takes one at a time)");
        } catch (NumberFormatException e) {
            throw new IOException(d.alias() + ": tcp port '" + d.tcpPort() + "' is not a number");
        } catch (IOException e) {
            throw new IOException(d.alias() + ": cannot connect to " + where(d) + " on " + host.name() + ": " + e.getMessage(), e);
        }
        SocketConsole c = new SocketConsole(d.alias(), t, listener);
        c.startReader(t.input(), new byte[0]);
        return c;
    }

    private static String where(DomainDevice d) {
        return d.type().equals("unix") ? d.sourcePath() : d.tcpHost() + ":" + d.tcpPort();
    }

    @Override
    OutputStream input() {
        return transport.output();
    }

    @Override
    void stop() {
        transport.close();
    }

    @Override
    String endedBy() {
        return "the socket was closed (the domain stopped?)";
    }
}
