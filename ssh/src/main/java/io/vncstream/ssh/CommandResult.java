package io.vncstream.ssh;

/**
 * What a finished remote command gave ({@link SshConnection#run}).
 *
 * @param exitStatus the command's exit status; -1 when it was killed by a signal
 * @param stdout its standard output, UTF-8
 * @param stderr its standard error, UTF-8
 */
public record CommandResult(int exitStatus, String stdout, String stderr) {
    public boolean succeeded() {
        return exitStatus == 0;
    }
}
