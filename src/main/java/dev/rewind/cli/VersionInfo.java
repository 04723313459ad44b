package dev.rewind.cli;

import picocli.CommandLine.IVersionProvider;

final class VersionInfo implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = RewindCommand.class.getPackage().getImplementationVersion();
        return new String[] {"rewind " + (v == null ? "dev" : v)};
    }
}
