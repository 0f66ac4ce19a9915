package io.venuerisk.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The last step of every output file: a complete temporary file beside the target replaces it in
 * one rename, so a reader never sees half a file. A temporary file is created readable by its
 * owner only, so it first takes the permissions the user expects: those of the file it replaces,
 * or rw-r--r-- for a new one.
 */
public final class ReplaceFile {
  private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");

  private ReplaceFile() {}

  public static void with(Path temp, Path target) throws IOException {
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
}
