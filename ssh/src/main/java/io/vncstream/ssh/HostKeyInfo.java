package io.vncstream.ssh;

import java.nio.file.Path;

/**
 * A host key as a user checks it, the way {@code ssh} shows it.
 *
 * @param knownHostsName how the host is written in known_hosts: {@code host}, or {@code [host]:port} off port 22
 * @param type the key type as ssh prints it: {@code ED25519}, {@code ECDSA}, {@code RSA}
 * @param fingerprint {@code SHA256:} and the unpadded base64 of the key's SHA-256, as {@code ssh-keygen -l} prints it
 * @param knownHosts the file it is checked against, and added to when accepted
 */
public record HostKeyInfo(String knownHostsName, String type, String fingerprint, Path knownHosts) {
}
