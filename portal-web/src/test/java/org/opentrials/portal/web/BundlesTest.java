package org.opentrials.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The Spanish interface is complete: every English text has its Spanish counterpart and back. */
class BundlesTest {

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        BundlesTest.class.getResourceAsStream("/org/opentrials/portal/web/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void spanishHasExactlyTheEnglishKeys() throws IOException {
    Properties en = load("messages.properties");
    Properties es = load("messages_es.properties");
    assertThat(es.stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
  }

  @Test
  void placeholdersMatchBetweenLanguages() throws IOException {
    Properties en = load("messages.properties");
    Properties es = load("messages_es.properties");
    for (String key : en.stringPropertyNames()) {
      for (int i = 0; i < 4; i++) {
        String placeholder = "{" + i + "}";
        assertThat(es.getProperty(key, "").contains(placeholder))
            .as(key + " " + placeholder)
            .isEqualTo(en.getProperty(key).contains(placeholder));
      }
    }
  }
}
