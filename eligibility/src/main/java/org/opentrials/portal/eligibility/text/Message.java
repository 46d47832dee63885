package org.opentrials.portal.eligibility.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A translatable message: a key of the {@code messages} resource bundle plus its arguments, so the
 * web layer can render it in the visitor's language with {@link Messages}.
 *
 * <p>Arguments are restricted to types that render unambiguously in any locale: {@link String}
 * (inserted verbatim, e.g. an id), {@link Integer}, {@link Long}, {@link Double}, {@link
 * BigDecimal} (formatted by the pattern), {@link LocalDate} (ISO-8601, e.g. 2026-10-01), {@link
 * Text} (sponsor text in the visitor's language) and nested {@code Message}s (rendered first).
 */
public record Message(String key, List<Object> args) {

  public Message {
    Objects.requireNonNull(key, "key");
    if (key.isBlank()) {
      throw new IllegalArgumentException("message key is blank");
    }
    args = List.copyOf(args);
    for (Object arg : args) {
      if (!(arg instanceof String
          || arg instanceof Integer
          || arg instanceof Long
          || arg instanceof Double
          || arg instanceof BigDecimal
          || arg instanceof LocalDate
          || arg instanceof Text
          || arg instanceof Message)) {
        throw new IllegalArgumentException(
            "message argument of unsupported type " + arg.getClass().getName() + " for " + key);
      }
    }
  }

  public static Message of(String key, Object... args) {
    return new Message(key, List.of(args));
  }

  @Override
  public String toString() {
    return args.isEmpty() ? key : key + args;
  }
}
