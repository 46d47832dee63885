package org.opentrials.portal.services.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The embedded database's directory and files readable by the server's user only (finding F12): the
 * H2 file holds staff password hashes, the audit trail and encrypted contact data. The directory is
 * made 0700 before the database opens (so every file H2 creates in it later is out of other users'
 * reach whatever the umask), and the files in it 0600.
 */
final class OwnerOnlyFiles {
  static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnlyFiles() {}

  /** Creates the directory if needed and restricts it and the files directly in it. */
  static void secure(Path directory) {
    if (Files.getFileAttributeView(
            directory.getRoot() == null ? Path.of("") : directory.getRoot(),
            PosixFileAttributeView.class)
        == null) {
      return; // not a POSIX file system: nothing to set
    }
    try {
      if (!Files.isDirectory(directory)) {
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
      }
      Files.setPosixFilePermissions(directory, DIRECTORY);
      try (Stream<Path> files = Files.list(directory)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          if (Files.isRegularFile(f)) {
            Files.setPosixFilePermissions(f, FILE);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restrict " + directory + " to its owner", e);
    }
  }

  /** The directory of an embedded H2 file URL (jdbc:h2:file:./data/trials;...), if it is one. */
  static java.util.Optional<Path> h2Directory(String jdbcUrl) {
    String prefix = "jdbc:h2:file:";
    if (jdbcUrl == null || !jdbcUrl.startsWith(prefix)) {
      return java.util.Optional.empty();
    }
    String file = jdbcUrl.substring(prefix.length());
    int options = file.indexOf(';');
    Path path = Path.of(options < 0 ? file : file.substring(0, options));
    Path parent = path.toAbsolutePath().getParent();
    return java.util.Optional.ofNullable(parent);
  }
}
