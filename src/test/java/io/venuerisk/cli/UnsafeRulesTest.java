package io.venuerisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rules are code: a rule folder whose code could reach outside the engine is refused, however it is
 * spelt, with the file and line of the rule and the member it would use. Each folder of {@code
 * rules-hostile/} is one way in; {@code ${OUT}} in it is replaced by a fresh folder, where the
 * hostile rule would leave a file if it ran.
 */
class UnsafeRulesTest {
  private static final String SCENARIO = "scenarios/christmas-market-cologne-2026.json";
  private static final Path HOSTILE = Path.of("src/test/resources/rules-hostile");

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      runtime-exec         | runtime-exec.drl:7:          | unsafe rule "Run a program": calls java.lang.Runtime.getRuntime(), which runs programs or stops the JVM
      system-exit          | system-exit.drl:6:           | unsafe rule "Stop the tool": calls java.lang.System.exit(int), which reaches the JVM
      thread               | thread.drl:6:                | unsafe rule "Start a thread": calls java.lang.Thread.start(), which starts or controls threads
      qualified-files      | qualified-files.drl:6:       | unsafe rule "Write a file": calls java.nio.file.Files.writeString(Path, CharSequence, OpenOption[]), which reaches files
      file-read            | read.drl:5:                  | unsafe rule file: import java.nio.file.Files: java.nio.file.Files is not allowed, it reaches files
      unicode-escape       | unicode-escape.drl:11:       | unsafe rule "Write a file, spelt in escapes": its consequence contains a unicode escape
      method-reference     | method-reference.drl:7:      | unsafe rule "Run through a method reference": calls java.lang.Runtime.getRuntime(), which runs programs
      reflection           | reflection.drl:6:            | unsafe rule "Reflect": calls java.lang.Class.forName(String), which is reflection or class loading
      get-class            | get-class.drl:6:             | unsafe rule "Class loader of a fact": calls java.lang.Object.getClass(), which is reflection
      formatter            | formatter.drl:6:             | unsafe rule "Write with a Formatter": calls java.util.Formatter.<init>(String), which reaches files
      scanner              | scanner.drl:8:               | unsafe rule "Read with a Scanner": calls java.util.Scanner.<init>(File), which reaches files
      zip                  | zip.drl:6:                   | unsafe rule "Open an archive": calls java.util.zip.ZipFile.<init>(String), which reaches files
      zip                  | zip.drl:6:                   | unsafe rule "Open an archive": calls java.util.jar.JarFile.<init>(String), which reaches files
      logging-file-handler | logging-file-handler.drl:6:  | unsafe rule "Log to a file": calls java.util.logging.FileHandler.<init>(String), which reaches files
      preferences          | preferences.drl:6:           | unsafe rule "Write a preference": calls java.util.prefs.Preferences.userRoot(), which reaches files
      function             | function.drl:6:              | unsafe function "note": calls java.nio.file.Files.writeString(Path, CharSequence, OpenOption[]), which reaches files
      import-function      | import-function.drl:6:       | unsafe rule file: import function java.lang.System.exit: java.lang.System.exit is not allowed
      import-static        | import-static.drl:5:         | unsafe rule file: import function java.lang.Runtime.getRuntime: java.lang.Runtime.getRuntime is not allowed, it runs programs
      declared-type        | declared-type.drl:7:         | unsafe rule file: declare Note: declared types are not supported
      annotation           | annotation.drl:6:            | unsafe rule "Metadata that runs": @points(new java.io.File(
      condition            | condition.drl:10:            | unsafe rule "Write from a condition": the condition 'city != java.nio.file.Files.writeString(
      condition-reflection | condition-reflection.drl:10: | unsafe rule "Class loader in a condition": the condition 'city.class.classLoader != null': it uses java.lang.String.getClass, which is reflection
      from-source          | from-source.drl:9:           | unsafe rule "Facts from the environment": the source 'from System.getenv().values()': 'System' is java.lang.System
      query                | query.drl:8:                 | unsafe query "Home folder": the condition 'city == System.getenv( "HOME" )': 'System' is java.lang.System
      accumulate-inline    | accumulate-inline.drl:6:     | unsafe rule "Accumulate with custom code": calls java.nio.file.Files.writeString(
      mvel-dialect         | mvel-dialect.drl:8:          | unsafe rule "MVEL consequence": the MVEL dialect is interpreted
      engine-control       | engine-control.drl:6:        | unsafe rule "Take the engine": calls org.drools.core.rule.consequence.KnowledgeHelper.getKieRuntime(), which controls the engine
      brace-escape         | brace-escape.drl:10:         | unsafe rule "Leave the method": its consequence closes a '}' it did not open
      comment-escape       | comment-escape.drl:11:       | unsafe rule "Leave the method through a comment": its consequence contains a unicode escape
      salience-expression  | salience-expression.drl:8:   | unsafe rule "Salience that runs": salience must be a literal
      system-property      | system-property.drl:6:       | unsafe rule "Read a system property": calls java.lang.Integer.getInteger(String), which reads system properties
      harmless-but-flagged | home.drl:8:                  | unsafe rule "Every event, noting the JVM vendor": calls java.lang.System.getProperty(String)
      """)
  void aHostileRuleFolderIsRefusedWithFileLineAndWhatItWouldUse(
      String folder, String where, String what) throws IOException {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path dir = copy(folder, out);
    CommandRun r = CommandRun.of("rules", "--check", dir.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.RULES);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines())
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("venue-risk: rules: ")
                    .contains(where.strip() + " " + what.strip()));
    assertThat(r.err().lines())
        .allSatisfy(
            l ->
                assertThat(l)
                    .startsWith("venue-risk: rules: " + dir)
                    .endsWith(
                        "; see the rule allow-list (docs/reliability.md), or --allow-unsafe-rules for a folder you trust"));
    assertThat(r.err()).doesNotContain("\tat ");
    // nothing of the folder ran while it was checked, not even what Drools evaluates as it compiles
    try (Stream<Path> left = Files.list(out)) {
      assertThat(left).isEmpty();
    }
  }

  /**
   * The same folders, trusted: the side effect happens, so the refusal above is what stands between
   * a shared rule folder and the machine.
   */
  @ParameterizedTest(name = "{0} leaves {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      runtime-exec         | ran
      import-static        | static
      qualified-files      | written
      formatter            | formatted
      logging-file-handler | logged
      function             | from-function
      declared-type        | declared
      annotation           | annotated
      condition            | conditioned
      mvel-dialect         | mvel
      """)
  void withoutTheCheckTheHostileRuleReallyReachesTheFileSystem(String folder, String leaves)
      throws IOException {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path dir = copy(folder, out);
    CommandRun r =
        CommandRun.of("assess", "--allow-unsafe-rules", "--rules", dir.toString(), SCENARIO);
    assertThat(r.err()).contains("warning: --allow-unsafe-rules");
    assertThat(out.resolve(leaves)).exists();
  }

  @Test
  void everyCommandThatLoadsRulesRefusesThem() throws IOException {
    String dir = copy("system-exit", tmp).toString();
    assertThat(CommandRun.of("rules", "--check", dir).exit()).isEqualTo(ExitCodes.RULES);
    assertThat(CommandRun.of("rules", "--rules", dir).exit()).isEqualTo(ExitCodes.RULES);
    assertThat(CommandRun.of("assess", "--rules", dir, SCENARIO).exit()).isEqualTo(ExitCodes.RULES);
    assertThat(CommandRun.of("explain", "--rules", dir, SCENARIO).exit())
        .isEqualTo(ExitCodes.RULES);
    assertThat(CommandRun.of("plan", "--rules", dir, SCENARIO).exit()).isEqualTo(ExitCodes.RULES);
    assertThat(CommandRun.of("test", "--rules", dir, "scenarios").exit())
        .isEqualTo(ExitCodes.RULES);
    assertThat(CommandRun.of("batch", "--rules", dir, "scenarios/calendars/euro-2024.csv").exit())
        .isEqualTo(ExitCodes.RULES);
    assertThat(CommandRun.of("diff", "--rules", "shipped", "--rules", dir, SCENARIO).exit())
        .isEqualTo(ExitCodes.RULES);
  }

  @Test
  void allowUnsafeRulesLoadsATrustedFolderAndSaysSoOnStderr() throws IOException {
    String dir = copy("harmless-but-flagged", tmp).toString();
    CommandRun allowed =
        CommandRun.of(
            "assess", "--allow-unsafe-rules", "--rules", dir, "--format", "json", SCENARIO);
    assertThat(allowed.exit()).isZero();
    assertThat(allowed.err()).contains("warning: --allow-unsafe-rules");
    assertThat(allowed.out()).contains("\"points\" : 7.0").contains("FLAGGED-1");
  }

  @Test
  void theShippedRulesPassTheSafetyCheck() {
    CommandRun r = CommandRun.of("rules", "--check", "rules");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).doesNotContain("unsafe");
  }

  /** A copy of a hostile folder with ${OUT} replaced by {@code out}. */
  private Path copy(String folder, Path out) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("rules").resolve(folder));
    try (Stream<Path> files = Files.list(HOSTILE.resolve(folder))) {
      for (Path f : files.toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8).replace("${OUT}", out.toString());
        Files.writeString(dir.resolve(f.getFileName()), text, StandardCharsets.UTF_8);
      }
    }
    return dir;
  }
}
