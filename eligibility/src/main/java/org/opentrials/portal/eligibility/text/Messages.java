package org.opentrials.portal.eligibility.text;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Renders {@link Message}s and {@link Text}s in one locale from the resource bundle {@value
 * #BUNDLE} (English base, Spanish in {@code messages_es}).
 *
 * <p>Patterns use {@link MessageFormat}. The bundle is looked up without falling back to the JVM's
 * default locale, so a visitor asking for an unsupported language gets English, whatever the
 * server's own locale is. Instances are immutable and thread-safe.
 */
public final class Messages {
  /** Base name of the bundle: {@code org/opentrials/portal/eligibility/messages.properties}. */
  public static final String BUNDLE = "org.opentrials.portal.eligibility.messages";

  private static final ResourceBundle.Control NO_DEFAULT_LOCALE_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final Locale locale;
  private final ResourceBundle bundle;

  private Messages(Locale locale) {
    this.locale = locale;
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE, locale, Messages.class.getClassLoader(), NO_DEFAULT_LOCALE_FALLBACK);
  }

  public static Messages forLocale(Locale locale) {
    return new Messages(Objects.requireNonNull(locale, "locale"));
  }

  public static Messages english() {
    return new Messages(Locale.ENGLISH);
  }

  public Locale locale() {
    return locale;
  }

  /**
   * The message in this locale.
   *
   * @throws java.util.MissingResourceException if the key is not in the bundle
   */
  public String render(Message message) {
    String pattern = bundle.getString(message.key());
    List<Object> args = message.args();
    if (args.isEmpty()) {
      // Still formatted, so that quoting rules are the same whether or not a message has arguments.
      return new MessageFormat(pattern, locale).format(new Object[0]);
    }
    Object[] rendered = new Object[args.size()];
    for (int i = 0; i < rendered.length; i++) {
      rendered[i] = prepare(args.get(i));
    }
    return new MessageFormat(pattern, locale).format(rendered);
  }

  /** Sponsor text in this locale's language, or English. */
  public String render(Text text) {
    return text.in(locale);
  }

  /** Several messages as one paragraph, separated by spaces. */
  public String render(List<Message> messages) {
    StringBuilder out = new StringBuilder();
    for (Message m : messages) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(render(m));
    }
    return out.toString();
  }

  /** True if the bundle for this locale (or its English base) has the key. */
  public boolean hasKey(String key) {
    return bundle.containsKey(key);
  }

  private Object prepare(Object arg) {
    if (arg instanceof Message nested) {
      return render(nested);
    }
    if (arg instanceof Text text) {
      return text.in(locale);
    }
    if (arg instanceof LocalDate date) {
      // ISO dates are unambiguous in every language, and match what the visitor typed.
      return date.toString();
    }
    return arg;
  }
}
