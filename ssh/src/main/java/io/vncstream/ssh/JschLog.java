package io.vncstream.ssh;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** jsch's log into ours, at debug level: its INFO lines are protocol detail, its errors reach the user as exceptions. */
final class JschLog implements com.jcraft.jsch.Logger {
    private static final Logger LOG = LoggerFactory.getLogger("io.vncstream.ssh.jsch");

    @Override
    public boolean isEnabled(int level) {
        return LOG.isDebugEnabled();
    }

    @Override
    public void log(int level, String message) {
        LOG.debug("{}", message);
    }
}
