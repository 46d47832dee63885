package org.opentrials.portal.admin.trials.criteria;

import java.util.ArrayList;
import java.util.List;

/** Collects the field errors of one build of the form. */
final class Errors {
  private final List<FieldError> list = new ArrayList<>();

  void add(String field, String key, Object... args) {
    list.add(FieldError.of(field, key, args));
  }

  int count() {
    return list.size();
  }

  List<FieldError> list() {
    return List.copyOf(list);
  }
}
