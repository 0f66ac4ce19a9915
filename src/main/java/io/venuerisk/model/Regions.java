package io.venuerisk.model;

import static io.venuerisk.model.IskRegion.CENTRAL_ASIA;
import static io.venuerisk.model.IskRegion.CORE;
import static io.venuerisk.model.IskRegion.IRAN;
import static io.venuerisk.model.IskRegion.RUSSIA;
import static io.venuerisk.model.IskRegion.TURKIYE;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every set of the guide's regions the rules use, in one place: rules test {@code Place( region
 * memberOf Regions.KHORASAN )}, so a change here changes every rule that depends on the set.
 */
public final class Regions {
  private Regions() {}

  /**
   * Afghanistan, Pakistan, Central Asia and Iran: historical Khorasan and IS-K's home ground
   * (ISK-G1, ISK-G3), where it attacks rival Muslims at their festivals and abducts foreigners.
   */
  public static final Set<IskRegion> KHORASAN = set(EnumSet.of(CORE, CENTRAL_ASIA, IRAN));

  /**
   * Where Christians worship as a minority in the guide's regions: the Istanbul church attack
   * (ISK-E5) and the targeting of religious minorities (ISK-T1).
   */
  public static final Set<IskRegion> CHRISTIAN_MINORITY =
      set(EnumSet.of(CORE, CENTRAL_ASIA, IRAN, TURKIYE));

  /** Where Westerners are targets in themselves (ISK-T2, ISK-D4): Khorasan, Türkiye and Russia. */
  public static final Set<IskRegion> WESTERNERS_TARGETED =
      set(EnumSet.of(CORE, CENTRAL_ASIA, IRAN, TURKIYE, RUSSIA));

  private static Set<IskRegion> set(EnumSet<IskRegion> s) {
    return Collections.unmodifiableSet(s);
  }
}
