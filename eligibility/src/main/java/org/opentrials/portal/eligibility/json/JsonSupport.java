package org.opentrials.portal.eligibility.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Reading JSON with errors that name the path of the bad value ("$.criteria[3].rule.within"). */
final class JsonSupport {
  private JsonSupport() {}

  /** Looked up once: {@code Json.createXxx} would search the class path on every call. */
  static final JsonProvider PROVIDER = JsonProvider.provider();

  /** An {@link IllegalArgumentException} whose message already starts with its path. */
  static final class PathException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    PathException(String path, String message) {
      super(path + ": " + message);
    }
  }

  static JsonObject parseObject(String json) {
    if (json == null) {
      throw new PathException("$", "no JSON given");
    }
    try (JsonReader reader = PROVIDER.createReader(new StringReader(json))) {
      JsonStructure s = reader.read();
      if (!(s instanceof JsonObject o)) {
        throw new PathException("$", "expected a JSON object");
      }
      return o;
    } catch (JsonException e) {
      throw new PathException("$", "not valid JSON: " + e.getMessage());
    }
  }

  static String write(JsonObject object, boolean pretty) {
    StringWriter out = new StringWriter();
    Map<String, ?> config = pretty ? Map.of(JsonGenerator.PRETTY_PRINTING, true) : Map.of();
    try (JsonWriter writer = PROVIDER.createWriterFactory(config).createWriter(out)) {
      writer.writeObject(object);
    }
    return out.toString().strip() + (pretty ? "\n" : "");
  }

  /** A JSON number for a double, written without a fraction when it is whole (154, not 154.0). */
  static JsonValue number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return PROVIDER.createValue((long) value);
    }
    return PROVIDER.createValue(value);
  }

  /**
   * Runs a value object's constructor, prefixing its {@link IllegalArgumentException} with the path
   * of the JSON that described it.
   */
  static <T> T build(String path, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (PathException e) {
      throw e;
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new PathException(path, e.getMessage());
    }
  }

  /** A JSON object being decoded, with its path, so every error names where it is. */
  static final class Obj {
    final JsonObject json;
    final String path;

    Obj(JsonValue value, String path) {
      if (!(value instanceof JsonObject o)) {
        throw new PathException(path, "expected an object, but was " + describe(value));
      }
      this.json = o;
      this.path = path;
    }

    String at(String field) {
      return path + "." + field;
    }

    PathException error(String field, String message) {
      return new PathException(at(field), message);
    }

    /** Rejects fields other than {@code allowed}: a typo in a criteria document must not pass. */
    Obj onlyFields(String what, String... allowed) {
      List<String> names = Arrays.asList(allowed);
      for (String key : json.keySet()) {
        if (!names.contains(key)) {
          throw new PathException(
              path,
              "unknown field \""
                  + key
                  + "\" for "
                  + what
                  + " (expected: "
                  + String.join(", ", names)
                  + ")");
        }
      }
      return this;
    }

    boolean has(String field) {
      JsonValue v = json.get(field);
      return v != null && v != JsonValue.NULL;
    }

    JsonValue value(String field) {
      if (!has(field)) {
        throw error(field, "is missing");
      }
      return json.get(field);
    }

    String string(String field) {
      JsonValue v = value(field);
      if (!(v instanceof JsonString s)) {
        throw error(field, "expected a string, but was " + describe(v));
      }
      return s.getString();
    }

    int integer(String field) {
      JsonValue v = value(field);
      if (v instanceof JsonNumber n && n.isIntegral()) {
        try {
          return n.intValueExact();
        } catch (ArithmeticException e) {
          throw error(field, "is out of range: " + n);
        }
      }
      throw error(field, "expected a whole number, but was " + describe(v));
    }

    Integer optionalInteger(String field) {
      return has(field) ? integer(field) : null;
    }

    double number(String field) {
      JsonValue v = value(field);
      if (v instanceof JsonNumber n) {
        return n.doubleValue();
      }
      throw error(field, "expected a number, but was " + describe(v));
    }

    boolean bool(String field, boolean defaultValue) {
      if (!has(field)) {
        return defaultValue;
      }
      JsonValue v = json.get(field);
      if (v == JsonValue.TRUE) {
        return true;
      }
      if (v == JsonValue.FALSE) {
        return false;
      }
      throw error(field, "expected true or false, but was " + describe(v));
    }

    Obj object(String field) {
      return new Obj(value(field), at(field));
    }

    /** The array's elements with their paths. */
    List<Element> array(String field) {
      JsonValue v = value(field);
      if (!(v instanceof JsonArray a)) {
        throw error(field, "expected an array, but was " + describe(v));
      }
      List<Element> out = new ArrayList<>(a.size());
      for (int i = 0; i < a.size(); i++) {
        out.add(new Element(a.get(i), at(field) + "[" + i + "]"));
      }
      return out;
    }

    List<Element> optionalArray(String field) {
      return has(field) ? array(field) : List.of();
    }
  }

  /** An array element with its path. */
  record Element(JsonValue value, String path) {
    String string() {
      if (!(value instanceof JsonString s)) {
        throw new PathException(path, "expected a string, but was " + describe(value));
      }
      return s.getString();
    }
  }

  static String describe(JsonValue v) {
    if (v == null) {
      return "missing";
    }
    switch (v.getValueType()) {
      case OBJECT:
        return "an object";
      case ARRAY:
        return "an array";
      case STRING:
        return "the string " + v;
      case NUMBER:
        return "the number " + v;
      default:
        return v.toString();
    }
  }
}
