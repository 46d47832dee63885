package org.opentrials.portal.eligibility.json;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;

/**
 * Reads a JSON object sent by an outsider within bounds, before anything builds a tree of it: at
 * most {@link #MAX_DEPTH} levels of nesting, numbers of at most {@link #MAX_NUMBER_LENGTH}
 * characters, strings of at most {@link #MAX_STRING_LENGTH}, and nothing after the object. The
 * check streams (no recursion), so a document nested a thousand levels deep or a number with a
 * thousand digits is a plain refusal with a message, never a stack overflow or an arithmetic
 * exception further on.
 */
public final class BoundedJson {
  public static final int MAX_DEPTH = 16;
  public static final int MAX_NUMBER_LENGTH = 24;
  public static final int MAX_STRING_LENGTH = 4096;

  private static final java.util.regex.Pattern PLAIN_NUMBER =
      java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d{1,2})?");

  private BoundedJson() {}

  /** Why a document was refused: a message fit to show the sender. */
  public static final class Refused extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /** The object the text holds, or {@link Refused} saying what is wrong and where. */
  public static JsonObject readObject(String text) {
    if (text == null || text.isBlank()) {
      throw new Refused("Send a JSON object.");
    }
    check(text);
    try (JsonReader reader = JsonSupport.PROVIDER.createReader(new StringReader(text))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new Refused("Send a JSON object.");
    }
  }

  private static void check(String text) {
    try (JsonParser parser = JsonSupport.PROVIDER.createParser(new StringReader(text))) {
      int depth = 0;
      boolean started = false;
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        if (!started && event != JsonParser.Event.START_OBJECT) {
          throw new Refused("Send a JSON object.");
        }
        started = true;
        switch (event) {
          case START_OBJECT, START_ARRAY -> {
            if (++depth > MAX_DEPTH) {
              throw refused(parser, "nested more than " + MAX_DEPTH + " levels deep");
            }
          }
          case END_OBJECT, END_ARRAY -> {
            if (--depth == 0) {
              ensureEnd(parser);
              return;
            }
          }
          case VALUE_NUMBER -> {
            String number = parser.getString();
            if (number.length() > MAX_NUMBER_LENGTH) {
              throw refused(parser, "a number longer than " + MAX_NUMBER_LENGTH + " characters");
            }
            if (!PLAIN_NUMBER.matcher(number).matches()) {
              throw refused(parser, "a number with an exponent beyond two digits");
            }
          }
          case VALUE_STRING, KEY_NAME -> {
            if (parser.getString().length() > MAX_STRING_LENGTH) {
              throw refused(parser, "a text longer than " + MAX_STRING_LENGTH + " characters");
            }
          }
          default -> {}
        }
      }
      throw new Refused("Send a JSON object.");
    } catch (JsonParsingException e) {
      throw at(e.getLocation(), "Invalid JSON");
    } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
      throw new Refused("Send a JSON object.");
    }
  }

  /** After the top-level object only white space may follow. */
  private static void ensureEnd(JsonParser parser) {
    boolean more;
    try {
      more = parser.hasNext();
    } catch (JsonParsingException e) {
      throw at(e.getLocation(), "Unexpected text after the JSON object");
    }
    if (more) {
      throw refused(parser, "unexpected text after the JSON object");
    }
  }

  private static Refused refused(JsonParser parser, String what) {
    return at(parser.getLocation(), "Invalid JSON: " + what);
  }

  private static Refused at(jakarta.json.stream.JsonLocation at, String what) {
    if (at == null) {
      return new Refused(what + ".");
    }
    return new Refused(
        what + " at line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ".");
  }
}
