package org.opentrials.portal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Test support: the real records, reading them, and a fixed clock. */
final class Registry {
  /** The three real records shipped with the demo content (byte for byte from shared/ctgov). */
  static final List<String> RECORDS = List.of("NCT03475563", "NCT06171568", "NCT03418623");

  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-02T10:00:00Z"), ZoneOffset.UTC);

  private Registry() {}

  static String record(String nct) {
    try (InputStream in = Registry.class.getResourceAsStream("/demo/registry/" + nct + ".json")) {
      assertThat(in).as("record " + nct).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A record kept in the tests (registry/src/test/resources/ctgov, README there says where each
   * came from).
   */
  static String testRecord(String file) {
    try (InputStream in = Registry.class.getResourceAsStream("/ctgov/" + file)) {
      assertThat(in).as("test record " + file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything a reader hands out, in order. */
  static final class Collected implements RegistryReader.Sink {
    final List<RegistryStudy> studies = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    @Override
    public void study(RegistryStudy study) {
      studies.add(study);
    }

    @Override
    public void unreadable(String source, String reason) {
      problems.add(source + ": " + reason);
    }
  }

  static Collected read(String name, byte[] bytes) {
    Collected c = new Collected();
    RegistryReader.read(name, new ByteArrayInputStream(bytes), c);
    return c;
  }

  static Collected read(String name, String json) {
    return read(name, json.getBytes(StandardCharsets.UTF_8));
  }

  /** The one study in a JSON text. */
  static RegistryStudy study(String json) {
    Collected c = read("study.json", json);
    assertThat(c.problems).isEmpty();
    assertThat(c.studies).hasSize(1);
    return c.studies.get(0);
  }
}
