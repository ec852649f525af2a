package io.vncstream.libvirt.host;

import java.util.List;
import java.util.stream.Collectors;

/** A command line for {@code sh -c}: every argument single-quoted, so nothing in it is interpreted. */
public final class ShellQuote {
    private ShellQuote() {
    }

    public static String quote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    public static String join(List<String> command) {
        return command.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
