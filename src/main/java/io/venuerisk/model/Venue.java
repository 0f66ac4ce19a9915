package io.venuerisk.model;

/**
 * The place an event is held at. {@code indoor} and {@code capacity} may be unknown (null); an
 * unknown fact never earns mitigation credit and never removes an exposure.
 *
 * @param id registry key, used when an iCalendar LOCATION refers to a venue by id
 */
public record Venue(
    String id,
    String name,
    VenueType type,
    Boolean indoor,
    Integer capacity,
    String city,
    String country) {}
