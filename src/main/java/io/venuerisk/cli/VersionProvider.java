package io.venuerisk.cli;

import picocli.CommandLine.IVersionProvider;

/** The version recorded by Maven in the jar manifest; "dev" when run from classes. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = VenueRisk.class.getPackage().getImplementationVersion();
    return new String[] {
      "venue-risk " + (v == null ? "dev" : v),
      "rules: shipped IS-K rule pack; Drools 10.2, Java " + System.getProperty("java.version"),
    };
  }
}
