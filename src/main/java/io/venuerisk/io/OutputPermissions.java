package io.venuerisk.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Reports are written to a temporary file and renamed into place; a temporary file is created
 * readable by its owner only, so before the rename it takes the permissions the user expects: those
 * of the file it replaces, or rw-r--r-- for a new one.
 */
public final class OutputPermissions {
  private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");

  private OutputPermissions() {}

  public static void likeTarget(Path temp, Path target) {
    try {
      Set<PosixFilePermission> perms =
          Files.exists(target) ? Files.getPosixFilePermissions(target) : NEW_FILE;
      Files.setPosixFilePermissions(temp, perms);
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: the platform's defaults apply
    }
  }
}
