package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Command-line mistakes on every subcommand: one line on stderr that names the command, says what
 * is wrong and where the help is (never the usage screen), exit code 2; enum values in any case; a
 * {@code --rules} folder that is not there is a wrong path (exit 3), not a rule problem.
 */
class CommandLineErrorsTest {
  static final String COLOGNE = "scenarios/christmas-market-cologne-2026.json";
  static final String EURO = "scenarios/calendars/euro-2024.csv";

  /** Each subcommand with arguments it runs with, placed after the options under test. */
  static Stream<List<String>> commands() {
    return Stream.of(
        List.of("assess", COLOGNE),
        List.of("rules"),
        List.of("explain", COLOGNE),
        List.of("test", COLOGNE),
        List.of("diff", "--rules", "shipped", "--rules", "shipped", COLOGNE),
        List.of("plan", COLOGNE),
        List.of("batch", "--quiet", EURO));
  }

  /** The subcommand, then {@code options}, then the rest of its arguments. */
  static String[] line(List<String> command, String... options) {
    List<String> all = new ArrayList<>();
    all.add(command.get(0));
    all.addAll(Arrays.asList(options));
    all.addAll(command.subList(1, command.size()));
    return all.toArray(new String[0]);
  }

  @ParameterizedTest
  @MethodSource("commands")
  void anUnknownOptionIsOneLineWithTheNearestOptionAndTheHelp(List<String> command) {
    String name = command.get(0);
    CommandRun r = CommandRun.of(line(command, "--fromat", "json"));
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "venue-risk "
                + name
                + ": unknown option '--fromat'; did you mean --format?"
                + " see 'venue-risk "
                + name
                + " --help'\n");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void aBadOptionValueIsOneLineNamingTheValidValues(List<String> command) {
    String name = command.get(0);
    CommandRun r = CommandRun.of(line(command, "--format", "yaml"));
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .startsWith(
            "venue-risk " + name + ": invalid value for option '--format': expected one of [")
        .contains("json")
        .endsWith("but was 'yaml'; see 'venue-risk " + name + " --help'\n")
        .doesNotContain("Usage:");
    assertThat(r.err().lines()).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("commands")
  void enumValuesAreAcceptedInAnyCase(List<String> command) {
    CommandRun lower = CommandRun.of(line(command, "--format", "json"));
    CommandRun upper = CommandRun.of(line(command, "--format", "JSON"));
    assertThat(upper.exit()).as(upper.err()).isEqualTo(lower.exit()).isNotEqualTo(ExitCodes.USAGE);
    assertThat(upper.out()).isEqualTo(lower.out()).isNotEmpty();
  }

  @Test
  void theOtherEnumOptionsTooInputFormatOrderAndTiers() {
    CommandRun lower =
        CommandRun.of(
            "batch",
            "--quiet",
            "--input-format",
            "csv",
            "--sort",
            "score",
            "--min-tier",
            "severe",
            "--format",
            "md",
            "scenarios/calendars/euro-2024.csv");
    CommandRun upper =
        CommandRun.of(
            "batch",
            "--quiet",
            "--input-format",
            "CSV",
            "--sort",
            "Score",
            "--min-tier",
            "SEVERE",
            "--format",
            "MD",
            "scenarios/calendars/euro-2024.csv");
    assertThat(upper.exit()).as(upper.err()).isZero();
    assertThat(upper.out()).isEqualTo(lower.out());
    CommandRun plan =
        CommandRun.of("plan", "--target-tier", "moderate", "--format", "Json", COLOGNE);
    assertThat(plan.exit()).as(plan.err()).isZero();
    assertThat(plan.out())
        .isEqualTo(CommandRun.of("plan", "--target-tier", "MODERATE", COLOGNE, "-f", "json").out());
  }

  @ParameterizedTest
  @MethodSource("commands")
  void aRuleFolderThatDoesNotExistIsAWrongPathExitThree(List<String> command) {
    String[] args =
        command.get(0).equals("diff")
            ? new String[] {"diff", "--rules", "no/such/folder", "--rules", "shipped", COLOGNE}
            : line(command, "--rules", "no/such/folder");
    CommandRun r = CommandRun.of(args);
    assertThat(r.clean()).as(r.err()).isTrue();
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err())
        .endsWith("venue-risk: no/such/folder: no such folder; expected a folder of .drl files\n");
    assertThat(r.err().lines().filter(l -> !l.contains("warning"))).hasSize(1);
  }

  @Test
  void aFileGivenAsTheRuleFolderAndTheCheckOfAMissingFolderToo() {
    CommandRun file = CommandRun.of("assess", "--rules", "README.md", COLOGNE);
    assertThat(file.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(file.err())
        .isEqualTo(
            "venue-risk: README.md: is a file, not a folder; expected a folder of .drl files\n");
    CommandRun check = CommandRun.of("rules", "--check", "no/such/folder", "--format", "json");
    assertThat(check.exit()).isEqualTo(ExitCodes.INPUT);
    assertThat(check.err())
        .isEqualTo("venue-risk: no/such/folder: no such folder; expected a folder of .drl files\n");
  }

  @Test
  void aMisspeltCommandAMissingArgumentAndAStrayArgumentAreOneLineEach() {
    CommandRun typo = CommandRun.of("asess", COLOGNE);
    assertThat(typo.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(typo.err())
        .isEqualTo(
            "venue-risk: unknown command 'asess'; did you mean assess? see 'venue-risk --help'\n");
    CommandRun missing = CommandRun.of("explain");
    assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err())
        .isEqualTo(
            "venue-risk explain: missing required parameter: 'FILE';"
                + " see 'venue-risk explain --help'\n");
    CommandRun stray = CommandRun.of("plan", COLOGNE, "extra.json");
    assertThat(stray.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(stray.err())
        .isEqualTo(
            "venue-risk plan: unexpected argument 'extra.json'; see 'venue-risk plan --help'\n");
    CommandRun equals = CommandRun.of("--verbose", "batch", "--min-teir=HIGH", EURO);
    assertThat(equals.err())
        .isEqualTo(
            "venue-risk batch: unknown option '--min-teir'; did you mean --min-tier?"
                + " see 'venue-risk batch --help'\n");
  }

  @Test
  void aValueACommandRefusesIsOneLineToo() {
    CommandRun r = CommandRun.of("batch", "--top", "0", EURO);
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .isEqualTo("venue-risk batch: --top must be 1 or more; see 'venue-risk batch --help'\n");
  }

  @Test
  void noCommandAtAllShowsTheCommands() {
    CommandRun r = CommandRun.of();
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).startsWith("Usage: venue-risk").contains("assess").contains("batch");
  }
}
