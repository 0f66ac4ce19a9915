package io.venuerisk.flink;

/**
 * One event's assessment: its id and its line, exactly as {@code batch --format jsonl} writes it.
 */
public class Result {
  public String id;

  /** The JSON line, with its newline. */
  public String line;

  public Result() {}

  Result(String id, String line) {
    this.id = id;
    this.line = line;
  }
}
