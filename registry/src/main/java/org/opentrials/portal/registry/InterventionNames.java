package org.opentrials.portal.registry;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.opentrials.portal.domain.trial.InterventionType;

/** How the registry refers to its own interventions: "Drug: GET73", case and spacing aside. */
final class InterventionNames {
  private InterventionNames() {}

  static final Pattern TYPED_NAME = Pattern.compile("\\s*([^:]{2,40}?)\\s*:\\s*(.+)");
  private static final Map<String, InterventionType> TYPES_BY_LABEL = new HashMap<>();

  static {
    for (InterventionType t : InterventionType.values()) {
      TYPES_BY_LABEL.put(key(label(t)), t);
    }
  }

  /** The registry's label of a type: DIETARY_SUPPLEMENT is "Dietary Supplement". */
  static String label(InterventionType type) {
    return java.util.Arrays.stream(type.name().split("_"))
        .map(w -> w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(" "));
  }

  static String interventionReference(InterventionType type, String name) {
    return (type == null ? "" : label(type) + ": ") + name;
  }

  static InterventionType typeOf(String label) {
    return TYPES_BY_LABEL.get(key(label));
  }

  /** Case and spacing do not count when the registry refers to its own labels and names. */
  static String key(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
