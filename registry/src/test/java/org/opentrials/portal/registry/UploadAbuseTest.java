package org.opentrials.portal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Hostile uploads for the import (issue 15): a ZIP bomb, an entry declaring 2 GB, thousands of
 * entries, ZIPs nested deep, a path in an entry's name. Each is reported and the reading goes on or
 * stops; nothing is unpacked to disk, memory stays flat, and the time is bounded.
 */
class UploadAbuseTest {

  private static byte[] zip(ZipWriter writer) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      writer.write(zip);
    }
    return bytes.toByteArray();
  }

  interface ZipWriter {
    void write(ZipOutputStream zip) throws IOException;
  }

  @Test
  void aZipBombIsStoppedEarly() throws IOException {
    byte[] bomb =
        zip(
            z -> {
              z.putNextEntry(new ZipEntry("bomb.json"));
              byte[] spaces = new byte[1 << 20];
              java.util.Arrays.fill(spaces, (byte) ' ');
              for (int i = 0; i < 1024; i++) { // 1 GiB of white space, about 1 MB packed
                z.write(spaces);
              }
              z.putNextEntry(new ZipEntry("NCT03475563.json"));
              z.write(Registry.record("NCT03475563").getBytes(StandardCharsets.UTF_8));
            });
    assertThat(bomb.length).isLessThan(3 << 20);
    long start = System.nanoTime();
    Registry.Collected c = Registry.read("bomb.zip", bomb);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(c.problems).anySatisfy(p -> assertThat(p).contains("bomb.json", "ZIP bomb"));
    assertThat(c.problems)
        .anySatisfy(p -> assertThat(p).contains("the files after it were not read"));
    assertThat(c.studies).as("nothing after the bomb is unpacked").isEmpty();
    assertThat(took).isLessThan(Duration.ofSeconds(5));
    System.out.printf(
        "ZIP bomb of %d bytes (1 GiB unpacked) stopped in %d ms%n", bomb.length, took.toMillis());
  }

  @Test
  void anEntryDeclaringTwoGigabytesIsRefused() throws IOException {
    byte[] bytes =
        zip(
            z -> {
              z.putNextEntry(new ZipEntry("big.json"));
              z.write(Registry.record("NCT03475563").getBytes(StandardCharsets.UTF_8));
            });
    // The data descriptor after the entry (signature PK\\7\\8): claim 2 GB unpacked.
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int descriptor = -1;
    for (int i = 0; i < bytes.length - 16; i++) {
      if (b.getInt(i) == 0x08074b50) {
        descriptor = i;
        break;
      }
    }
    assertThat(descriptor).isPositive();
    b.putInt(descriptor + 12, Integer.MAX_VALUE);
    Registry.Collected c = Registry.read("declared.zip", bytes);
    assertThat(c.problems).isNotEmpty();
    assertThat(String.join("\n", c.problems)).contains("declared.zip");
  }

  @Test
  void thousandsOfEntriesAreReadWithinBounds() throws IOException {
    byte[] many =
        zip(
            z -> {
              for (int i = 0; i < 5000; i++) {
                z.putNextEntry(new ZipEntry("junk/" + i + ".txt"));
                z.write('x');
              }
            });
    long start = System.nanoTime();
    Registry.Collected c = Registry.read("many.zip", many);
    assertThat(c.problems).hasSize(5000).allMatch(p -> p.contains(": not a .json file, ignored"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void zipsNestedDeeperThanTwoAreNotRead() throws IOException {
    byte[] inner =
        zip(
            z -> {
              z.putNextEntry(new ZipEntry("NCT03475563.json"));
              z.write(Registry.record("NCT03475563").getBytes(StandardCharsets.UTF_8));
            });
    byte[] middle =
        zip(
            z -> {
              z.putNextEntry(new ZipEntry("inner.zip"));
              z.write(inner);
            });
    byte[] outer =
        zip(
            z -> {
              z.putNextEntry(new ZipEntry("middle.zip"));
              z.write(middle);
            });
    assertThat(Registry.read("two.zip", middle).studies).hasSize(1);
    Registry.Collected c = Registry.read("three.zip", outer);
    assertThat(c.studies).isEmpty();
    assertThat(c.problems).anySatisfy(p -> assertThat(p).contains("is not read"));
  }

  @Test
  void aPathInAnEntryNameOnlyNamesItAndWritesNothing() throws IOException {
    Path marker = Path.of(System.getProperty("java.io.tmpdir"), "evil-upload-marker.json");
    Files.deleteIfExists(marker);
    byte[] bytes =
        zip(
            z -> {
              z.putNextEntry(new ZipEntry("../../../../../../tmp/evil-upload-marker.json"));
              z.write(Registry.record("NCT03475563").getBytes(StandardCharsets.UTF_8));
              z.putNextEntry(new ZipEntry("/etc/passwd"));
              z.write("root:x:0:0".getBytes(StandardCharsets.UTF_8));
            });
    Registry.Collected c = Registry.read("paths.zip", bytes);
    assertThat(c.studies).hasSize(1);
    assertThat(c.studies.get(0).source())
        .isEqualTo("paths.zip!/../../../../../../tmp/evil-upload-marker.json");
    assertThat(c.problems)
        .singleElement()
        .asString()
        .startsWith("paths.zip!//etc/passwd: not a .json file, ignored");
    assertThat(marker).doesNotExist();
  }
}
