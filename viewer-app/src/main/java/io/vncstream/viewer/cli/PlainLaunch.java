package io.vncstream.viewer.cli;

import java.util.Set;

/**
 * The GUI's usual command lines ({@code vncstream}, {@code vncstream ADDRESS},
 * {@code vncstream --demo}) parsed without picocli, whose model (annotations read by reflection,
 * proxies, its converters) takes a few hundred ms of the way to the first frame. Only what
 * picocli would read the same way is taken here; anything else (another option, a subcommand,
 * an {@code @file}, a repeated option, a second positional) is left to picocli, so the command
 * line behaves, and fails, exactly as before. PlainLaunchTest holds the two
 * to the same result.
 */
final class PlainLaunch {
    /** {@link VncstreamCommand}'s subcommands: a positional ADDRESS must not be one of them. */
    static final Set<String> SUBCOMMANDS = Set.of("snapshot", "devices", "console");

    private PlainLaunch() {
    }

    /** The command as picocli would fill it in, or null when the arguments are for picocli to parse. */
    static VncstreamCommand parse(String[] args) {
        VncstreamCommand c = new VncstreamCommand();
        c.libvirt = new LibvirtOptions();
        for (String a : args) {
            if (a.equals("--demo") && !c.demo) {
                c.demo = true;
            } else if (a.equals("--measure-startup") && !c.measureStartup) {
                c.measureStartup = true;
            } else if (c.address == null && isPlainPositional(a)) {
                c.address = a;
            } else {
                return null;
            }
        }
        return c;
    }

    /** Not empty, no option or end of options ({@code -}), no {@code @file}, no subcommand's name. */
    private static boolean isPlainPositional(String a) {
        return !a.isEmpty() && a.charAt(0) != '-' && a.charAt(0) != '@' && !SUBCOMMANDS.contains(a);
    }
}
