package org.opentrials.portal.services.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding F12: the H2 directory 0700 and its files 0600, whatever the umask made them. */
class OwnerOnlyFilesTest {
  @TempDir Path temp;

  @Test
  void restrictsTheDirectoryAndItsFiles() throws Exception {
    Path data = temp.resolve("data");
    Files.createDirectories(data);
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path db = Files.writeString(data.resolve("trials.mv.db"), "x");
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));

    OwnerOnlyFiles.secure(data);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db)))
        .isEqualTo("rw-------");
  }

  @Test
  void createsAMissingDirectoryOwnerOnly() throws Exception {
    Path data = temp.resolve("new/data");
    OwnerOnlyFiles.secure(data);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
        .isEqualTo("rwx------");
  }

  @Test
  void findsTheDirectoryOfAnEmbeddedH2UrlOnly() {
    assertThat(OwnerOnlyFiles.h2Directory("jdbc:h2:file:/srv/trials/data/trials;WRITE_DELAY=0"))
        .contains(Path.of("/srv/trials/data"));
    assertThat(OwnerOnlyFiles.h2Directory("jdbc:postgresql://127.0.0.1/trials")).isEmpty();
    assertThat(OwnerOnlyFiles.h2Directory(null)).isEmpty();
  }
}
