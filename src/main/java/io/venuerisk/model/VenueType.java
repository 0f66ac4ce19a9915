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

  /**
   * The venue in words with its article, as reports and rule rationales say it ("at a marketplace",
   * "at a university", "at another kind of venue"): written out, since an article picked by the
   * first letter gets "a university" and "other" wrong.
   */
  @Override
  public String withArticle() {
    return switch (this) {
      case STADIUM -> "a stadium";
      case ARENA -> "an arena";
      case CONCERT_HALL -> "a concert hall";
      case THEATRE -> "a theatre";
      case NIGHTCLUB -> "a nightclub";
      case RELIGIOUS_SITE -> "a religious site";
      case UNIVERSITY -> "a university";
      case SCHOOL -> "a school";
      case HOSPITAL -> "a hospital";
      case AIRPORT -> "an airport";
      case TRANSIT_STATION -> "a transit station";
      // the event type "market" is held here too: "a market at a market" says nothing
      case MARKET -> "a marketplace";
      case PUBLIC_SPACE -> "a public space";
      case HOTEL -> "a hotel";
      case RESTAURANT_BAR -> "a restaurant or bar";
      case SHOPPING_CENTRE -> "a shopping centre";
      case GOVERNMENT_BUILDING -> "a government building";
      case EMBASSY -> "an embassy";
      case MILITARY_SITE -> "a military site";
      case BUSINESS_OFFICE -> "a business office";
      case TOURIST_SITE -> "a tourist site";
      case CONFERENCE_CENTRE -> "a conference centre";
      case OTHER -> "another kind of venue";
    };
  }
}
