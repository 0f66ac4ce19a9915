package io.venuerisk.engine;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;

/**
 * What the process does when the Java heap runs out, prepared while there is still heap: the one
 * line for the user, already encoded; a reserve of heap, released first, so that what little the
 * exit needs can be had; the temporary files to remove, already resolved; and stderr opened without
 * a buffer of its own. {@link #exit} then needs no heap at all to say so and stop: it removes the
 * temporary files, writes the line with one native write and halts the JVM with the exit code,
 * without shutdown hooks (which would allocate, and one of which prints "interrupted").
 *
 * <p>Any thread may meet a full heap (the main thread, the threads that read, score and write a
 * batch, the rule-firing threads, the server's workers); each that catches a {@code Throwable}
 * hands it to {@link #exitIf} first, and the default uncaught-exception handler does too. Until
 * {@link #arm} is called (only the command-line entry point does, so tests that run commands in
 * their own JVM are never halted) both do nothing and the caller reports the error as before.
 */
public final class OutOfHeap {
  private OutOfHeap() {}

  /**
   * At most this many temporary files are registered at once (a batch has a report, a spool and a
   * sort folder with its runs; a server one per batch request under way).
   */
  private static final int SLOTS = 256;

  private static final File[] temporary = new File[SLOTS];
  private static final Object LOCK = new Object();
  private static volatile boolean armed;
  private static volatile byte[] reserve;
  private static byte[] line;
  private static int code;
  private static FileOutputStream stderr;

  /**
   * Prepares the exit: {@code message} (one line, without its line end) and {@code exitCode} are
   * what {@link #exit} prints and returns. The reserve is a sixteenth of the maximum heap, between
   * 256 KB and 8 MB.
   */
  public static void arm(String message, int exitCode) {
    synchronized (LOCK) {
      line = (message + System.lineSeparator()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      code = exitCode;
      stderr = new FileOutputStream(FileDescriptor.err);
      long max = Runtime.getRuntime().maxMemory();
      long size =
          max == Long.MAX_VALUE ? 8 << 20 : Math.max(256 << 10, Math.min(8 << 20, max / 16));
      reserve = new byte[(int) size];
      // the classes and methods the exit runs are loaded and linked now, not when the heap is full
      caused(new OutOfMemoryError());
      try {
        stderr.write(line, 0, 0);
      } catch (java.io.IOException e) {
        // stderr is closed: the exit code alone will tell
      }
      armed = true;
    }
  }

  /** Whether {@code t}, or a cause of it, is an {@link OutOfMemoryError}. Allocates nothing. */
  public static boolean caused(Throwable t) {
    // bounded: a cause chain with a cycle must not loop
    for (int i = 0; t != null && i < 32; i++, t = t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  /** {@link #exit} if {@code t} comes from a full heap; otherwise returns. */
  public static void exitIf(Throwable t) {
    if (armed && caused(t)) {
      exit();
    }
  }

  /**
   * Removes the temporary files, prints the line and halts with the exit code; the first thread
   * here does it, any other waits for the halt. Returns at once when not armed.
   */
  public static void exit() {
    if (!armed) {
      return;
    }
    synchronized (LOCK) {
      reserve = null;
      // twice: a folder (a sort's runs, a server's spool) can go once the files in it are gone
      for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < SLOTS; i++) {
          File f = temporary[i];
          if (f != null) {
            try {
              f.delete();
            } catch (Throwable e) {
              // the line and the exit code still go out
            }
          }
        }
      }
      try {
        stderr.write(line);
      } catch (Throwable e) {
        // stderr is closed: the exit code alone will tell
      }
      Runtime.getRuntime().halt(code);
    }
  }

  /**
   * Registers a temporary file or folder that {@link #exit} removes; {@link #forget} it once it is
   * renamed or deleted. With every slot taken it is left to the shutdown hooks of a normal exit.
   */
  public static void remove(File temp) {
    synchronized (LOCK) {
      for (int i = 0; i < SLOTS; i++) {
        if (temporary[i] == null) {
          temporary[i] = temp;
          return;
        }
      }
    }
  }

  /** No longer removes {@code temp} on exit (it was renamed into place or deleted). */
  public static void forget(File temp) {
    synchronized (LOCK) {
      for (int i = 0; i < SLOTS; i++) {
        if (temp.equals(temporary[i])) {
          temporary[i] = null;
        }
      }
    }
  }
}
