package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Rules are code: a rule folder that reaches outside the engine is refused unless trusted. */
class UnsafeRulesTest {
  private static final String SCENARIO = "scenarios/christmas-market-cologne-2026.json";
  private static final String DIR = "src/test/resources/rules-unsafe/";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      exit       | exit.drl:11:    | 'System.exit'
      file-read  | read.drl:5:     | import of java.nio.file.Files is not allowed
      file-read  | read.drl:12:    | the qualified name java.nio.file.Files is outside the allowed packages
      reflection | reflect.drl:11: | 'getClass' reaches outside the engine (reflection)
      """)
  void aRuleThatReachesOutsideTheEngineIsRefusedWithFileAndLine(String folder, String where, String what) {
    CommandRun r = CommandRun.of("assess", "--rules", DIR + folder, SCENARIO);
    assertThat(r.exit()).isEqualTo(ExitCodes.RULES);
    assertThat(r.err()).contains(where.strip()).contains(what.strip()).contains("--allow-unsafe-rules");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void everyCommandThatLoadsRulesRefusesThem() {
    assertThat(CommandRun.of("rules", "--check", DIR + "exit").exit()).isEqualTo(ExitCodes.RULES);
    assertThat(CommandRun.of("explain", "--rules", DIR + "exit", SCENARIO).exit()).isEqualTo(ExitCodes.RULES);
    assertThat(CommandRun.of("plan", "--rules", DIR + "exit", SCENARIO).exit()).isEqualTo(ExitCodes.RULES);
  }

  @Test
  void allowUnsafeRulesLoadsATrustedFolderAndSaysSoOnStderr() {
    CommandRun refused = CommandRun.of("assess", "--rules", DIR + "harmless-but-flagged", SCENARIO);
    assertThat(refused.exit()).isEqualTo(ExitCodes.RULES);
    assertThat(refused.err()).contains("home.drl:13").contains("System.getProperty");

    CommandRun allowed = CommandRun.of("assess", "--allow-unsafe-rules", "--rules", DIR + "harmless-but-flagged", "--format", "json", SCENARIO);
    assertThat(allowed.exit()).isZero();
    assertThat(allowed.err()).contains("warning: --allow-unsafe-rules");
    assertThat(allowed.out()).contains("\"points\" : 7.0").contains("FLAGGED-1");
  }

  @Test
  void theShippedRulesPassTheSafetyCheck() {
    CommandRun r = CommandRun.of("rules", "--check", "rules");
    assertThat(r.exit()).isZero();
  }
}
