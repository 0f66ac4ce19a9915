package io.venuerisk.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.venuerisk.model.Country;
import io.venuerisk.model.InputException;
import io.venuerisk.reference.ReferenceData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one row of a context file is, for its messages, and the checks of values that every kind of
 * row shares.
 *
 * @param record the CSV record number; 0 in a JSON file
 * @param prefix what the row's fields are prefixed with: {@code threatLevels[2].} in a JSON file,
 *     empty in a CSV file
 */
record ContextRow(String file, long line, long record, String prefix) {

  /** Reads one row, from a JSON array's element (more follow it) or a CSV row's tree. */
  static ObjectReader reader(Class<?> type) {
    return ContextFile.MAPPER
        .readerFor(type)
        .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  InputException error(String field, String problem) {
    return new InputException(file, line, 0, record, prefix + field, problem);
  }

  /** Refuses a row written as {@code null}. */
  void present(Object in) {
    if (in == null) {
      String row = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
      throw new InputException(file, line, 0, record, row, "expected an object, found null");
    }
  }

  String text(String field, String v, String expected) {
    if (v == null) {
      throw error(field, "required field is missing; expected " + expected);
    }
    if (v.isBlank()) {
      throw error(field, "is empty; expected " + expected);
    }
    return optional(field, v);
  }

  String optional(String field, String v) {
    if (v == null) {
      return "";
    }
    if (v.length() > Limits.MAX_STRING_LENGTH) {
      throw error(field, v.length() + " characters; at most " + Limits.MAX_STRING_LENGTH);
    }
    return v.strip();
  }

  /** The row's source, marked as the user's word: {@code user-declared: FILE; SOURCE}. */
  String source(String field, String v) {
    String s = optional(field, v);
    return s.isEmpty() ? "user-declared: " + file : "user-declared: " + file + "; " + s;
  }

  LocalDate required(String field, LocalDate d) {
    if (d == null) {
      throw error(field, "required field is missing; expected an ISO-8601 date such as 2027-06-05");
    }
    return d;
  }

  List<String> list(String field, List<String> v) {
    if (v == null) {
      return List.of();
    }
    if (v.size() > Limits.MAX_LIST_ENTRIES) {
      throw error(field, v.size() + " entries; at most " + Limits.MAX_LIST_ENTRIES);
    }
    List<String> out = new ArrayList<>();
    for (String s : v) {
      if (s == null || s.isBlank()) {
        throw error(field, "an empty entry; expected text");
      }
      out.add(optional(field, s));
    }
    return out;
  }

  Country country(ReferenceData data, String field, String code) {
    return data.country(code)
        .orElseThrow(
            () -> {
              String hint =
                  data.suggestCountry(code)
                      .map(c -> "; nearest: " + c.code() + " (" + c.name() + ")")
                      .orElse("; see data/countries.csv");
              return error(
                  field,
                  "unknown country code '"
                      + code
                      + "'; expected an ISO 3166-1 alpha-2 code"
                      + hint);
            });
  }
}
