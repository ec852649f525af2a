package io.vncstream.libvirt.host;

/** How a program ended and what it wrote. */
public record CommandResult(int exitCode, String stdout, String stderr) {
    public boolean ok() {
        return exitCode == 0;
    }
}
