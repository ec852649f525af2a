package io.vncstream.gateway.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, set from the pom. */
public final class GatewayVersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = GatewayVersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"vncstream-gateway " + (v == null ? "(development build)" : v)};
    }
}
