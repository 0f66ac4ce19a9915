package io.venuerisk.model;

/**
 * Derived fact: where a scenario takes place in the guide's geography, worked out once per scenario
 * (rules/context.drl) so that rules test the region without joining the country table.
 */
public record Place(Scenario scenario, String country, String countryName, IskRegion region) {
  /** In one of the regions the guide names (anything but NONE). */
  public boolean inGuideRegions() {
    return region != IskRegion.NONE;
  }
}
