package io.venuerisk.cli;

import io.venuerisk.Golden;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every command's --help, as stored in src/test/resources/help/COMMAND.txt: the help is part of the
 * interface, and a change to it should be seen in review. {@code -Dgolden.update=true} rewrites
 * them.
 */
class HelpGoldenTest {
  @TestFactory
  Stream<DynamicTest> everyCommandsHelpIsAsStored() {
    List<String> commands = new ArrayList<>();
    commands.add("");
    for (Class<?> c : VenueRisk.COMMANDS) {
      String name = c.getAnnotation(picocli.CommandLine.Command.class).name();
      if (!name.equals("help")) {
        commands.add(name);
      }
    }
    return commands.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.isEmpty() ? "venue-risk --help" : c + " --help",
                    () -> {
                      CommandRun r =
                          c.isEmpty() ? CommandRun.of("--help") : CommandRun.of(c, "--help");
                      Golden.check(
                          Path.of(
                              "src/test/resources/help", (c.isEmpty() ? "venue-risk" : c) + ".txt"),
                          r.out());
                    }));
  }
}
