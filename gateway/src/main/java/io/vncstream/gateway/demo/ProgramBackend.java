package io.vncstream.gateway.demo;

import io.vncstream.gateway.device.DeviceBackend;
import io.vncstream.gateway.device.DeviceConnection;

import java.util.concurrent.LinkedBlockingQueue;

/** Runs a {@link DemoProgram} as a device backend: its output is what the device "reads". */
final class ProgramBackend implements DeviceBackend {
    private static final byte[] END = new byte[0];

    private final String description;
    private final DemoProgram program;

    ProgramBackend(String description, DemoProgram program) {
        this.description = description;
        this.program = program;
    }

    @Override
    public DeviceConnection open() {
        LinkedBlockingQueue<byte[]> output = new LinkedBlockingQueue<>();
        program.start(output::add);
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
                if (rest == END) {
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
                program.stop();
                output.add(END);
            }
        };
    }

    @Override
    public String describe() {
        return description;
    }
}
