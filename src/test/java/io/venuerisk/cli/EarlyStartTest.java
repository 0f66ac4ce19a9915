package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Which command lines start the shipped rule base before picocli parses them ({@link EarlyStart}),
 * and the lazy registration of subcommands ({@link VenueRisk#addSubcommands}).
 */
class EarlyStartTest {
  private static final String F = "scenarios/christmas-market-cologne-2026.json";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "assess " + F,
        "assess " + F + " " + F,
        "--verbose assess " + F,
        "assess --verbose " + F,
        "assess -f json " + F,
        "assess --format json " + F,
        "assess --format=text " + F,
        "assess -fjson " + F,
        "assess -f=json " + F,
        "assess --data data " + F,
        "assess " + F + " --format json",
        "assess -- " + F,
        "assess --allow-unsafe-rules " + F,
        "assess --threat-level GB=SEVERE --threat-level=FR=urgence_attentat " + F,
        "assess --context scenarios/context/madrid-final-2027.json " + F,
        "explain " + F,
        "--verbose explain --format json " + F,
        "explain -- " + F,
      })
  void aPlainAssessOrExplainStartsTheShippedRulesEarly(String line) {
    assertThat(EarlyStart.scoresWithShippedRules(line.split(" "))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "--version",
        "--help",
        "assess",
        "assess --help " + F,
        "assess -h " + F,
        "assess -V",
        "assess --rules rules " + F,
        "assess --rules=rules " + F,
        "assess --format xml " + F,
        "assess --format",
        "assess -fxml " + F,
        "assess --data",
        "assess --bogus " + F,
        "assess @args.txt",
        "assess --",
        "explain",
        "explain " + F + " " + F,
        "explain --rules rules " + F,
        "explain -- " + F + " " + F,
        "plan " + F,
        "help assess",
        "asess " + F,
        "rules",
      })
  void anythingElseStartsNothing(String line) {
    String[] args = line.isEmpty() ? new String[0] : line.split(" ");
    assertThat(EarlyStart.scoresWithShippedRules(args)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"assess", "explain"})
  void theScanKnowsEveryOptionOfTheCommandAndWhetherItTakesAValue(String command) {
    CommandLine cl = new CommandLine(new VenueRisk());
    VenueRisk.addSubcommands(cl, new String[] {command});
    Set<String> values = new HashSet<>();
    Set<String> flags = new HashSet<>();
    for (OptionSpec o : cl.getSubcommands().get(command).getCommandSpec().options()) {
      (o.arity().max() > 0 ? values : flags).addAll(List.of(o.names()));
    }
    // these start nothing on purpose: help and version print and exit, --rules is a user's folder
    Set<String> excluded = Set.of("-h", "--help", "-V", "--version", "--rules");
    values.removeAll(excluded);
    flags.removeAll(excluded);
    assertThat(values).isEqualTo(EarlyStart.VALUE_OPTIONS);
    assertThat(flags).isEqualTo(EarlyStart.FLAG_OPTIONS);
  }

  @Test
  void aCommandLineNamingOneCommandBuildsOnlyThatOne() {
    CommandLine cl = new CommandLine(new VenueRisk());
    VenueRisk.addSubcommands(cl, new String[] {"--verbose", "assess", F});
    assertThat(cl.getSubcommands()).containsOnlyKeys("assess");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "--help", "help assess", "asess x", "--version"})
  void anyOtherCommandLineBuildsEveryCommandInTheListedOrder(String line) {
    CommandLine cl = new CommandLine(new VenueRisk());
    VenueRisk.addSubcommands(cl, line.isEmpty() ? new String[0] : line.split(" "));
    assertThat(cl.getSubcommands().keySet())
        .containsExactly(
            "assess",
            "rules",
            "data",
            "explain",
            "test",
            "diff",
            "plan",
            "validate",
            "batch",
            "convert",
            "serve",
            "help");
  }

  @Test
  void aSubcommandsHelpStillUsesTheSharedWidthAndWriters() {
    StringWriter out = new StringWriter();
    int code =
        VenueRisk.run(
            new String[] {"assess", "--help"},
            new PrintWriter(out),
            new PrintWriter(new StringWriter()));
    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("Usage: venue-risk assess");
    // 100 columns (VenueRisk.run), not picocli's default 80
    assertThat(out.toString().lines().mapToInt(String::length).max().orElse(0)).isGreaterThan(80);
  }

  @Test
  void anEarlyStartedRuleBaseScoresExactlyAsOneStartedByTheCommand() {
    CommandRun early = CommandRun.of("assess", "-f", "json", F);
    // the command on its own, without VenueRisk as its root: the rules start in call()
    StringWriter late = new StringWriter();
    CommandLine alone = new CommandLine(new AssessCommand());
    alone.setOut(new PrintWriter(late));
    assertThat(alone.execute("-f", "json", F)).isZero();
    assertThat(early.exit()).isZero();
    assertThat(early.out()).isEqualTo(late.toString());
  }
}
