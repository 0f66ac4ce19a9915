package io.venuerisk.model;

/** Reference fact from data/countries.csv: an ISO 3166-1 alpha-2 country and its guide region. */
public record Country(String code, String alpha3, String name, IskRegion region) {}
