package io.vncstream.libvirt.events;

import io.vncstream.libvirt.Virsh;
import io.vncstream.libvirt.host.HostLimits;
import io.vncstream.libvirt.host.RunningCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Follows one domain's events: {@code virsh event --domain D --loop --all} runs until closed and
 * each line it prints becomes a {@link DomainEvent} for the listener, so that changes are known
 * as libvirt tells of them rather than by polling.
 */
public final class DomainEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DomainEvents.class);

    private final RunningCommand process;
    private final Thread reader;
    private volatile boolean closed;

    private DomainEvents(RunningCommand process, DomainEventListener listener, String domain) {
        this.process = process;
        this.reader = new Thread(() -> read(listener), "libvirt events " + domain);
        reader.setDaemon(true);
    }

    /** Starts following {@code domain} (best given by UUID, which a rename does not change). */
    public static DomainEvents follow(Virsh virsh, String domain, DomainEventListener listener) throws IOException {
        RunningCommand p = virsh.start(false, "event", "--domain", domain, "--loop", "--all");
        DomainEvents e = new DomainEvents(p, listener, domain);
        e.reader.start();
        return e;
    }

    private void read(DomainEventListener listener) {
        String why = "virsh event ended";
        try (InputStream in = process.output()) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b != '\n') {
                    if (line.size() < HostLimits.MAX_LINE) {
                        line.write(b);
                    }
                    continue;
                }
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                DomainEvent e = DomainEvent.parse(text);
                if (e != null) {
                    try {
                        listener.event(e);
                    } catch (RuntimeException ex) {
                        LOG.warn("domain event {} not handled: {}", e, ex.toString());
                    }
                } else if (text.startsWith("error:")) {
                    why = text.substring(6).strip();
                }
            }
        } catch (IOException e) {
            why = "virsh event: " + e.getMessage();
        }
        if (!closed) {
            LOG.info("domain events ended: {}", why);
        }
        listener.ended(closed ? "closed" : why);
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void close() {
        closed = true;
        process.close();
    }
}
