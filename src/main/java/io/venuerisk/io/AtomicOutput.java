package io.venuerisk.io;

import io.venuerisk.engine.OutOfHeap;
import io.venuerisk.model.OutputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The one way an output file is written: into a temporary file beside the target that replaces it
 * by an atomic rename only when the content is complete, so an interrupted or failed run leaves no
 * half-written file and an existing one untouched; the temporary file takes the permissions the
 * user expects (those of the file it replaces, or rw-r--r--), and one left by a killed run is
 * removed by the next. Without a target the content is also built in a temporary file and copied to
 * stdout at the end: a batch that finds its calendar out of date order starts over, and stdout
 * cannot take back what it printed.
 */
public final class AtomicOutput implements AutoCloseable {
  private static final Set<PosixFilePermission> NEW_FILE =
      PosixFilePermissions.fromString("rw-r--r--");

  private final Path target;
  private final PrintWriter stdout;
  private final Path temp;
  private Writer writer;
  private final Thread cleanup;
  // read by the interruption hook, which must not say "nothing written" once the report is out
  private volatile boolean committed;

  private AtomicOutput(Path target, PrintWriter stdout) throws IOException {
    this.target = target;
    this.stdout = stdout;
    Path dir = target == null ? null : parent(target);
    this.temp =
        dir == null
            ? Files.createTempFile("venue-risk-batch-", ".tmp")
            : Files.createTempFile(
                dir, tempPrefix(target) + ProcessHandle.current().pid() + ".", ".tmp");
    Path t = temp;
    OutOfHeap.remove(t.toFile());
    this.cleanup =
        new Thread(
            () -> {
              try {
                Files.deleteIfExists(t);
              } catch (IOException e) {
                // nothing to do while the JVM stops
              }
            },
            "venue-risk-output-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  /** Writes a whole file at once ({@code test --junit}): complete, or not at all. */
  public interface Content {
    void writeTo(Writer out) throws Exception;
  }

  /**
   * @throws OutputException when the file cannot be written (exit 7); no temporary file is left
   */
  public static void write(Path target, Content content) {
    try (AtomicOutput o = to(target, null)) {
      content.writeTo(o.open());
      o.commit();
    } catch (OutputException e) {
      throw e;
    } catch (Exception e) {
      throw new OutputException("cannot write " + target + ": " + reason(e), e);
    }
  }

  private static String reason(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such folder";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * @throws OutputException if the folder of {@code target} cannot take a file
   */
  public static AtomicOutput to(Path target, PrintWriter stdout) {
    if (target != null) {
      if (Files.isDirectory(target)) {
        throw new OutputException("cannot write " + target + ": is a folder", null);
      }
      Path dir = parent(target);
      if (!Files.isDirectory(dir)) {
        throw new OutputException("cannot write " + target + ": no such folder", null);
      }
    }
    if (target != null) {
      removeStale(target);
    }
    try {
      return new AtomicOutput(target, stdout);
    } catch (IOException e) {
      throw new OutputException(
          "cannot write " + (target == null ? "a temporary file" : target) + ": " + reason(e), e);
    }
  }

  /** Temporary files for {@code target} are named {@code .NAME.PID.RANDOM.tmp} beside it. */
  private static String tempPrefix(Path target) {
    return "." + target.getFileName() + ".";
  }

  /**
   * Removes the temporary files that an earlier run killed outright (SIGKILL, power loss) left
   * beside {@code target}: those named after the target whose process is no longer alive. A run
   * still writing is left alone.
   */
  static void removeStale(Path target) {
    String prefix = tempPrefix(target);
    try (var files = Files.newDirectoryStream(parent(target), prefix + "*.tmp")) {
      for (Path f : files) {
        String rest = f.getFileName().toString().substring(prefix.length());
        int dot = rest.indexOf('.');
        long pid;
        try {
          pid = Long.parseLong(rest.substring(0, Math.max(dot, 0)));
        } catch (NumberFormatException e) {
          continue;
        }
        boolean alive =
            pid == ProcessHandle.current().pid()
                || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      // best effort: a stale temporary file is untidy, not wrong
    }
  }

  private static Path parent(Path target) {
    Path abs = target.toAbsolutePath();
    return abs.getParent() == null ? abs : abs.getParent();
  }

  /** A fresh, empty writer (starting over discards what an earlier one wrote). */
  public Writer open() throws IOException {
    if (writer != null) {
      writer.close();
    }
    writer =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8), 1 << 16);
    return writer;
  }

  /** The report is complete: rename it into place, or copy it to stdout. */
  public void commit() throws IOException {
    writer.close();
    if (target == null) {
      try (Reader r = Files.newBufferedReader(temp, StandardCharsets.UTF_8)) {
        r.transferTo(stdout);
      }
      stdout.flush();
      committed = true;
      Files.deleteIfExists(temp);
      OutOfHeap.forget(temp.toFile());
      return;
    }
    replace(temp, target);
    committed = true;
    OutOfHeap.forget(temp.toFile());
  }

  /** True once the whole report is in place (renamed to {@code --out}, or copied to stdout). */
  public boolean committed() {
    return committed;
  }

  /** Removes the temporary file if it is still there (after a failure, or after commit). */
  @Override
  public void close() {
    try {
      if (writer != null) {
        writer.close();
      }
    } catch (IOException e) {
      // the file is deleted below either way
    }
    try {
      Files.deleteIfExists(temp);
      OutOfHeap.forget(temp.toFile());
    } catch (IOException e) {
      // best effort: a temporary file named after the target is all that can remain
    }
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException e) {
      // the JVM is already stopping; the hook deletes the file
    }
  }

  /**
   * The complete temporary file replaces the target in one rename, with the expected permissions.
   */
  static void replace(Path temp, Path target) throws IOException {
    try {
      Set<PosixFilePermission> perms =
          Files.exists(target) ? Files.getPosixFilePermissions(target) : NEW_FILE;
      Files.setPosixFilePermissions(temp, perms);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the platform's defaults apply
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  Path temp() {
    return temp;
  }
}
