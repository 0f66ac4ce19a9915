package io.venuerisk.model;

/** The kind of place an event is held at (`venue.type`). */
public enum VenueType implements Vocabulary {
  STADIUM,
  ARENA,
  CONCERT_HALL,
  THEATRE,
  NIGHTCLUB,
  RELIGIOUS_SITE,
  UNIVERSITY,
  SCHOOL,
  HOSPITAL,
  AIRPORT,
  TRANSIT_STATION,
  MARKET,
  PUBLIC_SPACE,
  HOTEL,
  RESTAURANT_BAR,
  SHOPPING_CENTRE,
  GOVERNMENT_BUILDING,
  EMBASSY,
  MILITARY_SITE,
  BUSINESS_OFFICE,
  TOURIST_SITE,
  CONFERENCE_CENTRE,
  OTHER;

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String code() {
    return Vocabulary.codeOf(this);
  }
}
