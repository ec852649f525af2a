package io.vncstream.libvirt;

import java.io.IOException;

/** Something libvirt said no to, in one line a user can act on. */
public class LibvirtException extends IOException {
    public LibvirtException(String message) {
        super(message);
    }
}
