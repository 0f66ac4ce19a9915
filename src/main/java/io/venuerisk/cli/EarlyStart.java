package io.venuerisk.cli;

import java.util.Set;

/**
 * Decides, from the raw arguments and before picocli has built its command tree (most of a cold
 * start's reflection), whether the command line is an {@code assess} or an {@code explain} that
 * will score with the shipped rules, so that their build can start at once on another thread.
 *
 * <p>Conservative on purpose: anything this scan does not recognise as a plain, valid {@code
 * assess} (help, version, {@code --rules}, an unknown option, a missing file, an argument file)
 * starts nothing, so usage errors and user rule folders run exactly as without this scan. picocli
 * still parses the command line; this only guesses ahead of it.
 */
final class EarlyStart {
  // the options of `assess` and `explain` that take a value (FormatOption, EngineOptions; the two
  // commands have the same options); EarlyStartTest keeps these lists equal to picocli's models
  static final Set<String> VALUE_OPTIONS =
      Set.of(
          "-f",
          "--format",
          "--data",
          "--threat-level",
          "--context",
          "--max-firings",
          "--rule-timeout");
  static final Set<String> FLAG_OPTIONS = Set.of("--verbose", "--allow-unsafe-rules");

  private EarlyStart() {}

  /**
   * True if {@code args} are {@code assess FILE...} or {@code explain FILE} (exactly one: more is a
   * usage error) with the shipped rules and valid options.
   */
  static boolean scoresWithShippedRules(String[] args) {
    int i = 0;
    while (i < args.length && args[i].equals("--verbose")) {
      i++;
    }
    if (i >= args.length || !(args[i].equals("assess") || args[i].equals("explain"))) {
      return false;
    }
    int most = args[i].equals("explain") ? 1 : Integer.MAX_VALUE;
    int files = 0;
    for (i++; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        files += args.length - i - 1;
        return files >= 1 && files <= most;
      }
      if (a.startsWith("@")) {
        return false; // picocli expands argument files: their content is unknown here
      }
      if (!a.startsWith("-") || a.equals("-")) {
        files++;
      } else if (FLAG_OPTIONS.contains(a)) {
        // no value
      } else if (VALUE_OPTIONS.contains(a)) {
        if (++i >= args.length || !validValue(a, args[i])) {
          return false;
        }
      } else if (a.startsWith("--format=")
          || a.startsWith("--data=")
          || a.startsWith("--threat-level=")
          || a.startsWith("--context=")
          || a.startsWith("--max-firings=")
          || a.startsWith("--rule-timeout=")) {
        if (!validValue(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1))) {
          return false;
        }
      } else if (a.startsWith("-f") && !a.startsWith("--")) {
        if (!validValue("-f", a.substring(a.startsWith("-f=") ? 3 : 2))) {
          return false;
        }
      } else {
        return false; // --rules, --help, --version or an option picocli will reject
      }
    }
    return files >= 1 && files <= most;
  }

  private static boolean validValue(String option, String value) {
    if (!option.equals("-f") && !option.equals("--format")) {
      return !value.isEmpty(); // a folder, a file or CC=LEVEL: the command checks it
    }
    for (FormatOption.Format f : FormatOption.Format.values()) {
      if (f.name().equals(value)) {
        return true;
      }
    }
    return false;
  }
}
