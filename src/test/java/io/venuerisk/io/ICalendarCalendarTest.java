package io.venuerisk.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.venuerisk.model.Community;
import io.venuerisk.model.InputException;
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
  void aDateTimeGivesTheTimesAndAnAllDayEventHasNone() {
    Records r =
        read(
            event("allday", "")
                + event("evening", "")
                    .replace("DTSTART;VALUE=DATE:20261220", "DTSTART:20261220T180000")
                    .replace("DTEND;VALUE=DATE:20261221", "DTEND:20261220T213000")
                + event("overnight", "")
                    .replace(
                        "DTSTART;VALUE=DATE:20261220", "DTSTART;TZID=Europe/Berlin:20261220T220000")
                    .replace(
                        "DTEND;VALUE=DATE:20261221", "DTEND;TZID=Europe/Berlin:20261221T020000")
                + event("to-midnight", "")
                    .replace("DTSTART;VALUE=DATE:20261220", "DTSTART:20261220T190000")
                    .replace("DTEND;VALUE=DATE:20261221", "DTEND:20261221T000000")
                + event("duration", "")
                    .replace("DTSTART;VALUE=DATE:20261220", "DTSTART:20261220T100000")
                    .replace("DTEND;VALUE=DATE:20261221", "DURATION:PT90M"));
    assertThat(r.messages()).isEmpty();
    assertThat(r.scenarios)
        .extracting(Scenario::schedule)
        .containsExactly(
            "2026-12-20",
            "2026-12-20 18:00 to 21:30",
            "2026-12-20 22:00 to 2026-12-21 02:00",
            "2026-12-20 19:00 to 00:00",
            "2026-12-20 10:00 to 11:30");
    // midnight ends the day: the evening runs five hours, not into the next evening
    Scenario toMidnight = r.scenarios.get(3);
    assertThat(toMidnight.endMinute() - toMidnight.startMinute()).isEqualTo(5 * 60);
    Scenario overnight = r.scenarios.get(2);
    assertThat(overnight.endMinute() - overnight.startMinute()).isEqualTo(4 * 60);
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

  /** A VEVENT of the registry's Cologne market square on the given lines, all-day by default. */
  static String series(String uid, String lines) {
    return "BEGIN:VEVENT\r\nUID:"
        + uid
        + "\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Weekly market\r\n"
        + "CATEGORIES:market\r\nLOCATION:cologne-heumarkt\r\n"
        + "X-VENUE-RISK-EVENT-EXPECTEDATTENDANCE:3000\r\n"
        + lines
        + "END:VEVENT\r\n";
  }

  @Test
  void aWeeklyMarketIsOneEventPerOccurrenceEachWithItsOwnIdAndDate() {
    Records r =
        read(
            series(
                "market",
                "DTSTART;VALUE=DATE:20260104\r\nDTEND;VALUE=DATE:20260105\r\n"
                    + "RRULE:FREQ=WEEKLY;COUNT=40\r\n"));
    assertThat(r.messages()).isEmpty();
    assertThat(r.warnings).isEmpty();
    assertThat(r.scenarios).hasSize(40);
    assertThat(r.scenarios.get(0).id()).isEqualTo("market#2026-01-04");
    assertThat(r.scenarios.get(1).id()).isEqualTo("market#2026-01-11");
    assertThat(r.scenarios.get(39).id()).isEqualTo("market#2026-10-04");
    for (Scenario s : r.scenarios) {
      assertThat(s.id()).isEqualTo("market#" + s.date());
      assertThat(s.endDate()).isEqualTo(s.date());
      assertThat(s.name()).isEqualTo("Weekly market");
      assertThat(s.venue().id()).isEqualTo("cologne-heumarkt");
    }
  }

  @Test
  void exdateRemovesAnOccurrenceAndRdateAddsOne() {
    Records r =
        read(
            series(
                "market",
                "DTSTART;VALUE=DATE:20260104\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n"
                    + "EXDATE;VALUE=DATE:20260111\r\nRDATE;VALUE=DATE:20260107,20260301\r\n"));
    assertThat(r.scenarios)
        .extracting(s -> s.id())
        .containsExactly(
            "market#2026-01-04", "market#2026-01-07", "market#2026-01-18", "market#2026-03-01");
  }

  @Test
  void aSeriesWithoutEndIsCutAtTwoYearsWithAWarningNamingIt() {
    Records r =
        read(
            series(
                "market",
                "DTSTART;TZID=Europe/Berlin:20260104T090000\r\n"
                    + "DTEND;TZID=Europe/Berlin:20260104T170000\r\nRRULE:FREQ=WEEKLY\r\n"));
    // 4 January 2026 and every week before 4 January 2028
    assertThat(r.scenarios).hasSize(105);
    assertThat(r.scenarios.get(104).date()).isEqualTo(LocalDate.of(2028, 1, 2));
    assertThat(r.warnings)
        .singleElement()
        .extracting(InputException::getMessage)
        .isEqualTo(
            "cal.ics: record 1: RRULE: the series goes on past 2028-01-03: only its 105"
                + " occurrences from 2026-01-04 are scored (at most 500 occurrences, and none 2"
                + " years after DTSTART or later; see docs/batch.md) (UID market)");
  }

  @Test
  void aDailySeriesIsCutAtFiveHundredOccurrences() {
    Records r =
        read(series("fair", "DTSTART;VALUE=DATE:20260101\r\nRRULE:FREQ=DAILY;COUNT=600\r\n"));
    assertThat(r.scenarios).hasSize(500);
    assertThat(r.scenarios.get(499).date()).isEqualTo(LocalDate.of(2027, 5, 15));
    assertThat(r.warnings)
        .singleElement()
        .extracting(InputException::getMessage)
        .asString()
        .startsWith(
            "cal.ics: record 1: RRULE: the series goes on past 2027-05-15: only its 500"
                + " occurrences from 2026-01-01 are scored");
  }

  @Test
  void aSeriesThatEndsWithinTheWindowHasNoWarningAndOneThatEndsAfterHasOne() {
    Records within =
        read(series("a", "DTSTART;VALUE=DATE:20260101\r\nRRULE:FREQ=MONTHLY;UNTIL=20271201\r\n"));
    assertThat(within.scenarios).hasSize(24);
    assertThat(within.warnings).isEmpty();
    Records after =
        read(series("a", "DTSTART;VALUE=DATE:20260101\r\nRRULE:FREQ=YEARLY;COUNT=3\r\n"));
    assertThat(after.scenarios)
        .extracting(s -> s.id())
        .containsExactly("a#2026-01-01", "a#2027-01-01");
    assertThat(after.warnings).hasSize(1);
  }

  @Test
  void aVeventWithRecurrenceIdReplacesItsOccurrenceUnderTheSameId() {
    Records r =
        read(
            series("market", "DTSTART;VALUE=DATE:20260104\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n")
                + series(
                        "market",
                        "RECURRENCE-ID;VALUE=DATE:20260111\r\nDTSTART;VALUE=DATE:20260113\r\n")
                    .replace("SUMMARY:Weekly market", "SUMMARY:Market moved to Tuesday"));
    assertThat(r.messages()).isEmpty();
    assertThat(r.scenarios)
        .extracting(s -> s.id() + " " + s.date() + " " + s.name())
        .containsExactly(
            "market#2026-01-04 2026-01-04 Weekly market",
            "market#2026-01-11 2026-01-13 Market moved to Tuesday",
            "market#2026-01-18 2026-01-18 Weekly market");
  }

  @Test
  void aRejectedSeriesSaysThatTheVeventsMovingItsOccurrencesGoWithIt() {
    Records r =
        read(
            series("market", "DTSTART;VALUE=DATE:20260104\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n")
                    .replace("LOCATION:cologne-heumarkt", "LOCATION:Domplatte")
                + series(
                    "market",
                    "RECURRENCE-ID;VALUE=DATE:20260111\r\nDTSTART;VALUE=DATE:20260113\r\n"));
    assertThat(r.scenarios).isEmpty();
    assertThat(r.messages())
        .singleElement()
        .asString()
        .startsWith("cal.ics: record 1: LOCATION: no venue of")
        .endsWith(
            "; so neither is the VEVENT with its UID and a RECURRENCE-ID (record 2) (UID market)");
  }

  @Test
  void dtstartIsTheFirstOccurrenceEvenWhenTheRuleDoesNotMatchIt() {
    // 4 January 2026 is a Sunday; the rule is Saturdays
    Records r =
        read(series("a", "DTSTART;VALUE=DATE:20260104\r\nRRULE:FREQ=WEEKLY;BYDAY=SA;COUNT=2\r\n"));
    assertThat(r.scenarios)
        .extracting(s -> s.date().toString())
        .startsWith("2026-01-04", "2026-01-10");
  }

  @Test
  void aFaultOfASeriesRejectsItsRecordOnceAndARuleWithinADayIsRefused() {
    Records r =
        read(
            series("a", "DTSTART;VALUE=DATE:20260104\r\nRRULE:FREQ=WEEKLY;COUNT=40\r\n")
                    .replace("CATEGORIES:market", "CATEGORIES:markt")
                + series("b", "DTSTART:20260104T090000Z\r\nRRULE:FREQ=HOURLY;COUNT=5\r\n")
                + series("c", "DTSTART;VALUE=DATE:20260104\r\nRRULE:FREQ=WEEKLY;COUNT=2\r\n"));
    assertThat(r.scenarios).extracting(s -> s.id()).containsExactly("c#2026-01-04", "c#2026-01-11");
    assertThat(r.messages()).hasSize(2);
    assertThat(r.messages().get(0))
        .startsWith("cal.ics: record 1: CATEGORIES:")
        .endsWith("(UID a)");
    assertThat(r.messages().get(1))
        .isEqualTo(
            "cal.ics: record 2: RRULE: FREQ=HOURLY repeats the event within a day; venue-risk"
                + " scores an event by its days, so give a rule that repeats DAILY or less often"
                + " (one occurrence a day) (UID b)");
  }

  @Test
  void anUnknownTimeZoneRejectsOnlyItsEvent() {
    Records r =
        read(
            series(
                    "a",
                    "DTSTART;TZID=Europe/Londn:20260104T090000\r\nRRULE:FREQ=WEEKLY;COUNT=2\r\n")
                + event("b", "")
                    .replace("DTSTART;VALUE=DATE:20261220", "DTSTART;TZID=Edon:20261220T100000")
                + event("c", ""));
    assertThat(r.scenarios).extracting(s -> s.id()).containsExactly("c");
    assertThat(r.messages())
        .containsExactly(
            "cal.ics: record 1: TZID: Unknown time-zone ID: Europe/Londn; expected an IANA time"
                + " zone (Europe/London) or one the file defines in a VTIMEZONE (UID a)",
            "cal.ics: record 2: TZID: Unknown time-zone ID: Edon; expected an IANA time zone"
                + " (Europe/London) or one the file defines in a VTIMEZONE (UID b)");
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
