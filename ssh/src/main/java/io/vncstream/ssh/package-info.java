/**
 * SSH connections the OpenSSH way, for the rest of vncstream (the viewer's {@code --via}, the
 * libvirt layer's {@code qemu+ssh://}). Plain Java on jsch ({@code com.github.mwiede:jsch}); no Swing.
 *
 * <h2>The API (stable)</h2>
 * <ul>
 *   <li>{@link io.vncstream.ssh.SshTarget#parse} reads {@code [USER@]HOST[:PORT]} ({@code [v6]:PORT});
 *       {@link io.vncstream.ssh.SshHost#resolve} applies {@code ~/.ssh/config} (HostName, User, Port,
 *       IdentityFile, HashKnownHosts of the matching {@code Host} blocks, {@code Include}d files too;
 *       {@code Match} blocks are not applied; the command line wins).</li>
 *   <li>{@link io.vncstream.ssh.SshOptions#forUser()}: the user's {@code ~/.ssh} (system property
 *       {@code vncstream.ssh.home} overrides HOME), the agent of {@code SSH_AUTH_SOCK}
 *       ({@code vncstream.ssh.agent}, {@code none} for no agent), a 15 s overall connect deadline
 *       (prompts do not count), and {@link io.vncstream.ssh.SshPrompts} for the questions:
 *       {@link io.vncstream.ssh.SshPrompts#nonInteractive()} (the default),
 *       {@link io.vncstream.ssh.SshPrompts#terminal()}, or the GUI's dialogs.</li>
 *   <li>{@link io.vncstream.ssh.SshConnection#open} connects, checks the host key against
 *       {@code ~/.ssh/known_hosts}, then {@code /etc/ssh/ssh_known_hosts} (read only; system property
 *       {@code vncstream.ssh.global-known-hosts} overrides it) (plain and hashed entries; an unknown key is asked about and,
 *       accepted, appended, hashed when HashKnownHosts is yes; refused non-interactively with its
 *       {@code SHA256:} fingerprint; a changed key is always refused) and logs in: ssh-agent keys,
 *       then IdentityFile and {@code ~/.ssh/id_ed25519}, {@code id_ecdsa}, {@code id_rsa}
 *       (passphrase prompt for encrypted ones), then keyboard-interactive and password prompts.</li>
 *   <li>On a connection: {@link io.vncstream.ssh.SshConnection#openTcp} ({@code direct-tcpip}, the
 *       address resolved on the SSH host) and {@link io.vncstream.ssh.SshConnection#openUnix}
 *       ({@code direct-streamlocal@openssh.com}) give an rfb-core {@link io.vncstream.rfb.io.Transport}
 *       (read timeouts honoured, closing ends only that channel);
 *       {@link io.vncstream.ssh.SshConnection#exec} runs a command with or without a pty
 *       ({@link io.vncstream.ssh.RemoteProcess}: stdin, stdout, stderr, exit status, pty resize, signals);
 *       {@link io.vncstream.ssh.SshConnection#run} runs one to its end within a deadline and gives its
 *       {@link io.vncstream.ssh.CommandResult} (at most 16 MiB of each output).
 *       Commands are shell command lines: build them with {@link io.vncstream.ssh.RemoteCommand#of}, which
 *       quotes each word.
 *       {@link io.vncstream.ssh.SshConnection#tunnelTcp} and {@link io.vncstream.ssh.SshConnection#tunnelUnix}
 *       open a connection for one tunnel that closing the transport ends.</li>
 *   <li>Every failure is an {@link io.vncstream.ssh.SshException} (subclasses
 *       {@link io.vncstream.ssh.HostKeyException}, {@link io.vncstream.ssh.SshAuthException}) whose
 *       message is one line: {@code ssh USER@HOST port N: cause}.</li>
 * </ul>
 *
 * <h2>Limits</h2>
 * Each channel's incoming data waits in a buffer of 256 KiB; when a reader leaves it full, jsch's
 * session thread waits, which holds up the connection's other channels too (memory stays bounded).
 * Only {@code ~/.ssh/config} is read (not {@code /etc/ssh/ssh_config}); no ProxyJump,
 * ProxyCommand, ControlMaster or HostKeyAlias. Tests: {@code io.vncstream.ssh.testing.TestSshd} in this module's
 * test-jar starts a real {@code sshd} on loopback with a throw-away client HOME.
 */
package io.vncstream.ssh;
