package io.vncstream.viewer.cli;

import picocli.CommandLine.IVersionProvider;

/** The version comes from the jar's manifest (set from the pom), so it is never written twice. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"vncstream " + (v == null ? "(development build)" : v)};
    }
}
