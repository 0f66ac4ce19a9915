package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.Community;
import io.venuerisk.model.Scenario;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ICalendarCalendarTest {
  static final VenueRegistry VENUES =
      VenueRegistry.read(Path.of("scenarios/calendars/christmas-markets-venues.json"));

  private static Records read(String events) {
    String ics =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + events + "END:VCALENDAR\r\n";
    return Records.read(new ICalendarCalendar(Records.JSON, VENUES), "cal.ics", ics);
  }

  static String event(String uid, String extra) {
    return "BEGIN:VEVENT\r\nUID:"
        + uid
        + "\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Market\\, cathedral\r\n"
        + "DTSTART;VALUE=DATE:20261220\r\nDTEND;VALUE=DATE:20261221\r\nCATEGORIES:market\r\n"
        + "LOCATION:cologne-roncalliplatz\r\n"
        + extra
        + "END:VEVENT\r\n";
  }

  @Test
  void anAllDayEventsEndIsExclusiveAndTheVenueComesFromTheRegistry() {
    Records r =
        read(
            event(
                "a",
                "X-VENUE-RISK-EVENT-EXPECTEDATTENDANCE:12000\r\n"
                    + "X-VENUE-RISK-PROFILE-COMMUNITIES:christian\\;jewish\r\n"));
    Scenario s = r.scenarios.get(0);
    assertThat(s.name()).isEqualTo("Market, cathedral");
    assertThat(s.date()).isEqualTo(LocalDate.of(2026, 12, 20));
    assertThat(s.endDate()).isEqualTo(LocalDate.of(2026, 12, 20));
    assertThat(s.venue().name()).isEqualTo("Roncalliplatz");
    assertThat(s.city()).isEqualTo("Cologne");
    assertThat(s.attendance()).isEqualTo(12000);
    assertThat(s.communities()).containsExactlyInAnyOrder(Community.CHRISTIAN, Community.JEWISH);
  }

  @Test
  void aVenueIsFoundByNameAsWellAsById() {
    Records r =
        read(event("a", "").replace("LOCATION:cologne-roncalliplatz", "LOCATION:roncalliplatz"));
    assertThat(r.scenarios)
        .singleElement()
        .extracting(s -> s.venue().id())
        .isEqualTo("cologne-roncalliplatz");
  }

  @Test
  void aLocationAsCalendarAppsWriteItFindsTheVenueNamedInIt() {
    Records r =
        read(
            event("a", "")
                .replace(
                    "LOCATION:cologne-roncalliplatz",
                    "LOCATION:Weihnachtsmarkt am Kölner Dom\\, Roncalliplatz\\, 50667 Köln\\,"
                        + " Germany"));
    assertThat(r.messages()).isEmpty();
    assertThat(r.scenarios)
        .singleElement()
        .extracting(s -> s.venue().id())
        .isEqualTo("cologne-roncalliplatz");
  }

  @Test
  void anUnknownLocationOrPropertyRejectsTheEventByRecordAndUid() {
    Records r =
        read(
            event("a", "").replace("cologne-roncalliplatz", "cologne-roncaliplatz")
                + event("b", "X-VENUE-RISK-EVENT-ATTENDANCE:5\r\n")
                + event("c", ""));
    assertThat(r.scenarios).extracting(s -> s.id()).containsExactly("c");
    assertThat(r.messages().get(0))
        .startsWith(
            "cal.ics: record 1: LOCATION: no venue of"
                + " scenarios/calendars/christmas-markets-venues.json matches"
                + " 'cologne-roncaliplatz' by id, by name, or by a venue name within it")
        .contains("nearest: Roncalliplatz (id cologne-roncalliplatz, Cologne)")
        .endsWith("(UID a)");
    assertThat(r.messages().get(1))
        .startsWith("cal.ics: record 2:")
        .contains("unknown property 'X-VENUE-RISK-EVENT-ATTENDANCE'");
  }

  @Test
  void aValueIcal4jCannotParseRejectsOnlyItsEvent() {
    Records r =
        read(
            event("a", "").replace("DTSTART;VALUE=DATE:20261220", "DTSTART;VALUE=DATE:20261345")
                + event("b", "").replace("DTEND;VALUE=DATE:20261221", "DTEND:soon")
                + event("c", ""));
    assertThat(r.scenarios).extracting(s -> s.id()).containsExactly("c");
    assertThat(r.messages())
        .containsExactly(
            "cal.ics: record 1: DTSTART: '20261345' is not a valid DTSTART value; expected a date"
                + " (20261220) or a date-time (20261220T180000, Z for UTC) (UID a)",
            "cal.ics: record 2: DTEND: 'soon' is not a valid DTEND value; expected a date"
                + " (20261220) or a date-time (20261220T180000, Z for UTC) (UID b)");
  }

  @Test
  void aTimedEventEndingAtMidnightEndsTheDayItStarted() {
    Records r =
        read(
            event("a", "")
                .replace(
                    "DTSTART;VALUE=DATE:20261220", "DTSTART;TZID=Europe/Berlin:20261220T200000")
                .replace("DTEND;VALUE=DATE:20261221", "DTEND;TZID=Europe/Berlin:20261221T000000"));
    assertThat(r.scenarios.get(0).endDate()).isEqualTo(LocalDate.of(2026, 12, 20));
  }

  @Test
  void anEventWithoutAnEventTypeSaysWhichPropertyIsMissingAndHowToGiveIt() {
    Records r =
        read(
            event("a", "").replace("CATEGORIES:market\r\n", "")
                + event("b", "").replace("CATEGORIES:market", "CATEGORIES:Christmas,Outdoor")
                + event("c", "").replace("CATEGORIES:market", "CATEGORIES:Christmas,Markt"));
    assertThat(r.scenarios).isEmpty();
    assertThat(r.messages()).hasSize(3);
    assertThat(r.messages().get(0))
        .startsWith("cal.ics: record 1: CATEGORIES: missing, and no X-VENUE-RISK-EVENT-TYPE:")
        .contains("give it as CATEGORIES:concert")
        .contains("or X-VENUE-RISK-EVENT-TYPE:concert")
        .contains("sporting_event")
        .endsWith("(UID a)");
    assertThat(r.messages().get(1))
        .startsWith(
            "cal.ics: record 2: CATEGORIES: no value of 'Christmas,Outdoor' is an event type")
        .contains("X-VENUE-RISK-EVENT-TYPE")
        .doesNotContain("nearest");
    assertThat(r.messages().get(2)).contains("nearest: market").endsWith("(UID c)");
  }

  @Test
  void theEventTypeIsAnyCategoryInAnyCaseOrTheXProperty() {
    Records r =
        read(
            event("a", "").replace("CATEGORIES:market", "CATEGORIES:Christmas,Market")
                + event("b", "")
                    .replace("CATEGORIES:market", "CATEGORIES:Christmas\r\nCATEGORIES:market")
                + event("c", "X-VENUE-RISK-EVENT-TYPE:market\r\n")
                    .replace("CATEGORIES:market\r\n", ""));
    assertThat(r.messages()).isEmpty();
    assertThat(r.scenarios)
        .extracting(s -> s.eventType().code())
        .containsExactly("market", "market", "market");
  }

  @Test
  void yesNoAndListPropertiesTakeTheSpellingsOfCsv() {
    Records r =
        read(
            event(
                    "a",
                    "X-VENUE-RISK-VENUE-INDOOR:YES\r\nX-VENUE-RISK-PROFILE-COMMUNITIES:christian,jewish\r\n")
                + event("b", "X-VENUE-RISK-VENUE-INDOOR:maybe\r\n"));
    assertThat(r.scenarios)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.indoor()).isTrue();
              assertThat(s.communities())
                  .containsExactlyInAnyOrder(Community.CHRISTIAN, Community.JEWISH);
            });
    assertThat(r.messages())
        .containsExactly(
            "cal.ics: record 2: venue.indoor: 'maybe' is not a yes/no value;"
                + " expected true/false, yes/no or 1/0 (any case) (UID b)");
  }
}
