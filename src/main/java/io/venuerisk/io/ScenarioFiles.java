package io.venuerisk.io;

import io.venuerisk.model.InputException;
import io.venuerisk.model.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads scenario files from disk within the size limit, naming the file in every error. */
public final class ScenarioFiles {
  private ScenarioFiles() {}

  public static Scenario read(ScenarioJson json, Path path) {
    String name = path.toString();
    return json.read(name, bytes(path, Limits.MAX_SCENARIO_FILE_BYTES));
  }

  /** The bytes of a regular file, or an InputException saying why not. */
  public static byte[] bytes(Path path, long limit) {
    String name = path.toString();
    if (Files.isDirectory(path)) {
      throw InputException.of(name, "is a folder; expected a scenario file");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return ScenarioJson.readAll(name, in, limit);
    } catch (NoSuchFileException e) {
      throw InputException.of(name, "no such file");
    } catch (AccessDeniedException e) {
      throw InputException.of(name, "permission denied");
    } catch (IOException e) {
      throw InputException.of(name, "cannot read: " + e.getMessage());
    }
  }
}
