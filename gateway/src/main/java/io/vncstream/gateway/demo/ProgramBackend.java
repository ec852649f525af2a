package io.vncstream.gateway.demo;

import io.vncstream.gateway.device.DeviceBackend;
import io.vncstream.gateway.device.DeviceConnection;

import java.util.ArrayDeque;

/**
 * Runs a {@link DemoProgram} as a device backend: its output is what the device "reads". The
 * output waits in a queue of at most {@link #BOUND} bytes; past it the program waits, as a VM
 * writing to a serial chardev the gateway does not read waits (a device paces a flood by its
 * viewers, with --flow-control for as long as they read, so it would otherwise pile up here).
 */
final class ProgramBackend implements DeviceBackend {
    static final int BOUND = 1024 * 1024;

    private final String description;
    private final DemoProgram program;

    ProgramBackend(String description, DemoProgram program) {
        this.description = description;
        this.program = program;
    }

    @Override
    public DeviceConnection open() {
        Output output = new Output();
        program.start(output::put);
        return new DeviceConnection() {
            private byte[] rest;
            private int restOff;

            @Override
            public int read(byte[] buffer) {
                try {
                    if (rest == null) {
                        rest = output.take();
                        restOff = 0;
                    }
                } catch (InterruptedException e) {
                    return -1;
                }
                if (rest == null) {
                    return -1;
                }
                int n = Math.min(buffer.length, rest.length - restOff);
                System.arraycopy(rest, restOff, buffer, 0, n);
                restOff += n;
                if (restOff == rest.length) {
                    rest = null;
                }
                return n;
            }

            @Override
            public void write(byte[] data) {
                program.input(data);
            }

            @Override
            public void close() {
                // First: a program waiting for room (under its own lock) goes on, so stop() can take that lock.
                output.close();
                program.stop();
            }
        };
    }

    @Override
    public String describe() {
        return description;
    }

    /**
     * The program's output, bounded in bytes: the program waits while it is full. After the
     * close what was queued is still read, then the end; what is put after is dropped.
     */
    private static final class Output {
        private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
        private long bytes;
        private boolean closed;

        synchronized void put(byte[] data) {
            boolean interrupted = false;
            while (!closed && bytes > 0 && bytes + data.length > BOUND) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (!closed) {
                chunks.add(data);
                bytes += data.length;
                notifyAll();
            }
        }

        /** The next chunk, or null once closed and drained. */
        synchronized byte[] take() throws InterruptedException {
            while (chunks.isEmpty() && !closed) {
                wait();
            }
            byte[] c = chunks.poll();
            if (c != null) {
                bytes -= c.length;
                notifyAll();
            }
            return c;
        }

        synchronized void close() {
            closed = true;
            notifyAll();
        }
    }
}
