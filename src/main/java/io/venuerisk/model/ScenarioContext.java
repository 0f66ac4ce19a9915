package io.venuerisk.model;

/**
 * The threat context a user declares for one scenario, overriding the reference data.
 *
 * @param threatLevel the national threat level in force for this event, in the country's own
 *     vocabulary ({@code SEVERE} in GB, {@code urgence_attentat} in FR, {@code 4} in NL); null when
 *     the dated reference data should decide
 */
public record ScenarioContext(String threatLevel) {
  public static final ScenarioContext NONE = new ScenarioContext(null);
}
