package io.venuerisk.model;

/**
 * A numbered statement of the IS-K guide (data/guide_statements.csv). {@code contextOnly} says why
 * no rule can encode it, or is empty when rules must cite it.
 */
public record GuideStatement(String id, String section, String text, String contextOnly) {
  public boolean encodable() {
    return contextOnly == null || contextOnly.isBlank();
  }
}
