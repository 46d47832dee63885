package org.opentrials.portal.services.interop;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.util.List;

/** Small JSON-P helpers: a missing value is an explicit null, dates are ISO-8601. */
final class JsonFields {
  private JsonFields() {}

  static JsonObjectBuilder object() {
    return jakarta.json.Json.createObjectBuilder();
  }

  static JsonArrayBuilder array() {
    return jakarta.json.Json.createArrayBuilder();
  }

  static JsonArrayBuilder strings(List<String> values) {
    JsonArrayBuilder a = array();
    values.forEach(a::add);
    return a;
  }

  /** Adds the text, or null. */
  static JsonObjectBuilder put(JsonObjectBuilder o, String name, String value) {
    return value == null ? o.add(name, JsonValue.NULL) : o.add(name, value);
  }

  static JsonObjectBuilder put(JsonObjectBuilder o, String name, Integer value) {
    return value == null ? o.add(name, JsonValue.NULL) : o.add(name, value);
  }

  static JsonObjectBuilder put(JsonObjectBuilder o, String name, Boolean value) {
    return value == null ? o.add(name, JsonValue.NULL) : o.add(name, value);
  }

  static JsonObjectBuilder put(JsonObjectBuilder o, String name, Double value) {
    return value == null ? o.add(name, JsonValue.NULL) : o.add(name, value);
  }

  static JsonObjectBuilder put(JsonObjectBuilder o, String name, LocalDate value) {
    return value == null ? o.add(name, JsonValue.NULL) : o.add(name, value.toString());
  }

  /** Adds the text only when there is one: FHIR has no nulls. */
  static JsonObjectBuilder putIfPresent(JsonObjectBuilder o, String name, String value) {
    return value == null || value.isBlank() ? o : o.add(name, value);
  }
}
