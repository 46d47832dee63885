package org.opentrials.portal.eligibility.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {

  static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        MessagesTest.class.getResourceAsStream("/org/opentrials/portal/eligibility/" + name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void englishAndSpanishHaveTheSameKeys() throws IOException {
    Set<String> en = new TreeSet<>(load("messages.properties").stringPropertyNames());
    Set<String> es = new TreeSet<>(load("messages_es.properties").stringPropertyNames());
    assertThat(es).isEqualTo(en);
    assertThat(en).hasSizeGreaterThan(100);
  }

  @Test
  void everyPatternIsValidAndHasNoAsciiApostrophe() throws IOException {
    for (String file : new String[] {"messages.properties", "messages_es.properties"}) {
      Properties p = load(file);
      for (String key : p.stringPropertyNames()) {
        String pattern = p.getProperty(key);
        assertThat(pattern).as(file + " " + key).doesNotContain("'");
        Object[] args = {3, 4, 5, 6, 7};
        assertThat(new MessageFormat(pattern, Locale.ENGLISH).format(args))
            .as(file + " " + key)
            .isNotBlank();
      }
    }
  }

  @Test
  void rendersNestedMessagesTextsAndDates() {
    Message reason =
        Message.of(
            "reason.medication.within",
            Text.of("belimumab"),
            LocalDate.of(2026, 10, 1),
            Message.of("period.months.before", 2));
    assertThat(Messages.english().render(reason))
        .isEqualTo(
            "You said you last took belimumab on 2026-10-01, within the 2 months before screening.");
    assertThat(Messages.forLocale(Locale.forLanguageTag("es-MX")).render(reason))
        .isEqualTo(
            "Usted dijo que tomó belimumab por última vez el 2026-10-01, dentro de los 2 meses anteriores a la evaluación.");
  }

  @Test
  void periodsUseSingularForOne() {
    Messages en = Messages.english();
    assertThat(en.render(Message.of("period.months.last", 1))).isEqualTo("the last month");
    assertThat(en.render(Message.of("period.months.last", 3))).isEqualTo("the last 3 months");
    assertThat(en.render(Message.of("period.years.span", 5))).isEqualTo("5 years");
    assertThat(
            Messages.forLocale(Locale.forLanguageTag("es"))
                .render(Message.of("period.months.last", 1)))
        .isEqualTo("el último mes");
  }

  @Test
  void unsupportedLanguageFallsBackToEnglishWhateverTheServerLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("es"));
      assertThat(Messages.forLocale(Locale.FRENCH).render(Message.of("option.dont-know")))
          .isEqualTo("I don’t know");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void sponsorTextFallsBackToEnglish() {
    Text t = Text.of("cancer", "cáncer");
    assertThat(t.in(Locale.forLanguageTag("es-AR"))).isEqualTo("cáncer");
    assertThat(t.in(Locale.GERMAN)).isEqualTo("cancer");
    assertThat(new Text(Map.of("es", "solo")).in(Locale.ENGLISH)).isEqualTo("solo");
    assertThatThrownBy(() -> new Text(Map.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Text(Map.of("EN", "x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Text.of(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unknownKeysAndArgumentTypesAreRejected() {
    assertThatThrownBy(() -> Messages.english().render(Message.of("no.such.key")))
        .isInstanceOf(MissingResourceException.class);
    assertThatThrownBy(() -> Message.of("x", new Object()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void slugs() {
    assertThat(Slugs.isSlug("cervical-carcinoma-in-situ")).isTrue();
    assertThat(Slugs.isSlug("a")).isTrue();
    assertThat(Slugs.isSlug("-a")).isFalse();
    assertThat(Slugs.isSlug("a-")).isFalse();
    assertThat(Slugs.isSlug("a--b")).isFalse();
    assertThat(Slugs.isSlug("a_b")).isFalse();
    assertThat(Slugs.isSlug("x".repeat(61))).isFalse();
  }
}
