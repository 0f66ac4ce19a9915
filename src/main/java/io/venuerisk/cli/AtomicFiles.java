package io.venuerisk.cli;

import io.venuerisk.io.ReplaceFile;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an output file through a temporary file in the same folder and a rename: a reader never
 * sees half a file, and when writing fails the previous file is left as it was.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes the content. */
  interface Content {
    void writeTo(Writer out) throws Exception;
  }

  /**
   * @throws OutputException when the file cannot be written (exit 7); no temporary file is left
   */
  static void write(Path target, Content content) {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    if (Files.isDirectory(absolute)) {
      throw new OutputException("cannot write " + target + ": is a folder", null);
    }
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        content.writeTo(w);
      }
      ReplaceFile.with(tmp, absolute);
      tmp = null;
    } catch (Exception e) {
      throw new OutputException("cannot write " + target + ": " + reason(e), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the failure above is what the user needs to see
        }
      }
    }
  }

  private static String reason(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such folder";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
