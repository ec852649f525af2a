package io.vncstream.viewer.cli;

import picocli.CommandLine.Option;

/** {@code --connect URI}: the positional ADDRESS is then a libvirt domain (name, UUID or id), as in virt-viewer. */
final class LibvirtOptions {
    @Option(names = {"-c", "--connect"}, paramLabel = "URI",
            description = "A libvirt URI (qemu:///system, qemu:///session, qemu+ssh://[USER@]HOST[:PORT]/system):"
                    + " ADDRESS is then a domain's name, UUID or id, whose screen and devices libvirt gives.")
    String uri;

    boolean isSet() {
        return uri != null;
    }
}
