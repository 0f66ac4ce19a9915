package io.venuerisk.model;

/** What happens at the venue and how many people are expected. */
public record EventInfo(EventType type, Integer expectedAttendance, Boolean internationalProfile) {}
