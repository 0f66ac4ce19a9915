package io.venuerisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: an expected output kept in the repository and compared byte for byte. Run the tests
 * with {@code -Dgolden.update=true} (the one switch, see README "Tests") to write the current
 * output instead, then review the change with {@code git diff} like any code change.
 */
public final class Golden {
  /** The switch that rewrites every golden file from the current output. */
  public static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private Golden() {}

  public static void check(Path expected, String actual) {
    try {
      if (UPDATE) {
        Files.createDirectories(expected.toAbsolutePath().getParent());
        Files.writeString(expected, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(Files.exists(expected))
          .as("%s is missing; write it with mvn test -Dgolden.update=true", expected)
          .isTrue();
      assertThat(actual)
          .as(
              "%s differs from the current output; if the change is meant, rewrite it with"
                  + " mvn test -Dgolden.update=true and review git diff",
              expected)
          .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
