package io.venuerisk.engine;

import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.definition.rule.Rule;

/**
 * Parsing metadata once per rule keeps consequences cheap in large batches. Keyed by identity: two
 * rule bases (as in {@code diff}) may hold rules of the same name with different metadata, and a
 * rule's own equals() compares names.
 */
final class RuleMetaCache {
  // a process loads one or two rule bases, so the cache never needs evicting
  private static final ConcurrentHashMap<IdentityKey, RuleMeta> CACHE = new ConcurrentHashMap<>();

  private RuleMetaCache() {}

  static RuleMeta of(Rule rule) {
    return CACHE.computeIfAbsent(new IdentityKey(rule), k -> RuleMeta.of(k.rule));
  }

  private static final class IdentityKey {
    private final Rule rule;

    IdentityKey(Rule rule) {
      this.rule = rule;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof IdentityKey other && other.rule == rule;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(rule);
    }
  }
}
