package io.vncstream.gateway.cli;

import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.libvirt.DomainUpstream;
import io.vncstream.ssh.SshOptions;
import picocli.CommandLine.Option;

import java.io.IOException;

/** {@code --libvirt URI --domain DOMAIN}: upstream and devices from a libvirt domain, here or on an SSH host. */
final class LibvirtOptions {
    @Option(names = "--libvirt", paramLabel = "URI",
            description = "Take upstream and devices from a libvirt domain (with --domain): qemu:///system, qemu:///session,"
                    + " or qemu+ssh://[USER@]HOST[:PORT]/system over SSH (~/.ssh/config, known_hosts, keys, ssh-agent;"
                    + " nothing is asked: the host key must be known and a key's passphrase held by an agent).")
    String libvirt;

    @Option(names = "--domain", paramLabel = "DOMAIN", description = "With --libvirt: the domain's name, UUID or id.")
    String domain;

    boolean given() {
        return libvirt != null;
    }

    void check() {
        if ((libvirt != null) != (domain != null)) {
            throw new IllegalArgumentException("--libvirt URI and --domain DOMAIN go together");
        }
    }

    /** The same libvirt module the viewer uses: the screen where the live XML says, the devices it lists. */
    DomainUpstream open(UpstreamOptions upstream, DeviceRegistry registry, int backlogBytes)
            throws IOException, InterruptedException {
        return DomainUpstream.open(libvirt, domain, SshOptions.forUser(), upstream.password(), upstream.tls(),
                upstream.admitWhenUpstreamDown, registry, backlogBytes);
    }
}
