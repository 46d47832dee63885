package org.opentrials.portal.services.geo;

import java.util.HashMap;
import java.util.Map;

/** USPS state codes and names, so that a visitor may type "CA", "ca", " Ca " or "California". */
final class UsStates {

  private static final String[][] CODES_AND_NAMES = {
    {"AL", "Alabama"},
    {"AK", "Alaska"},
    {"AZ", "Arizona"},
    {"AR", "Arkansas"},
    {"CA", "California"},
    {"CO", "Colorado"},
    {"CT", "Connecticut"},
    {"DE", "Delaware"},
    {"DC", "District of Columbia"},
    {"FL", "Florida"},
    {"GA", "Georgia"},
    {"HI", "Hawaii"},
    {"ID", "Idaho"},
    {"IL", "Illinois"},
    {"IN", "Indiana"},
    {"IA", "Iowa"},
    {"KS", "Kansas"},
    {"KY", "Kentucky"},
    {"LA", "Louisiana"},
    {"ME", "Maine"},
    {"MD", "Maryland"},
    {"MA", "Massachusetts"},
    {"MI", "Michigan"},
    {"MN", "Minnesota"},
    {"MS", "Mississippi"},
    {"MO", "Missouri"},
    {"MT", "Montana"},
    {"NE", "Nebraska"},
    {"NV", "Nevada"},
    {"NH", "New Hampshire"},
    {"NJ", "New Jersey"},
    {"NM", "New Mexico"},
    {"NY", "New York"},
    {"NC", "North Carolina"},
    {"ND", "North Dakota"},
    {"OH", "Ohio"},
    {"OK", "Oklahoma"},
    {"OR", "Oregon"},
    {"PA", "Pennsylvania"},
    {"RI", "Rhode Island"},
    {"SC", "South Carolina"},
    {"SD", "South Dakota"},
    {"TN", "Tennessee"},
    {"TX", "Texas"},
    {"UT", "Utah"},
    {"VT", "Vermont"},
    {"VA", "Virginia"},
    {"WA", "Washington"},
    {"WV", "West Virginia"},
    {"WI", "Wisconsin"},
    {"WY", "Wyoming"},
    {"AS", "American Samoa"},
    {"GU", "Guam"},
    {"MP", "Northern Mariana Islands"},
    {"PR", "Puerto Rico"},
    {"VI", "Virgin Islands"},
    {"FM", "Federated States of Micronesia"},
    {"MH", "Marshall Islands"},
    {"PW", "Palau"},
    {"AA", "Armed Forces Americas"},
    {"AE", "Armed Forces Europe"},
    {"AP", "Armed Forces Pacific"},
  };

  /** Normalised key ({@link PlaceNames#key}) of a code or a name, to the upper-case code. */
  private static final Map<String, String> BY_KEY = new HashMap<>();

  static {
    for (String[] codeAndName : CODES_AND_NAMES) {
      String code = codeAndName[0];
      BY_KEY.put(PlaceNames.key(code), code);
      BY_KEY.put(PlaceNames.key(codeAndName[1]), code);
    }
    BY_KEY.put(PlaceNames.key("Washington DC"), "DC");
    BY_KEY.put(PlaceNames.key("US Virgin Islands"), "VI");
    BY_KEY.put(PlaceNames.key("Micronesia"), "FM");
  }

  private UsStates() {}

  /**
   * The code of a state given as its code or its name, in any case, with or without dots ("D.C.")
   * and extra spaces; {@code null} when it is none.
   */
  static String code(String codeOrName) {
    return codeOrName == null ? null : BY_KEY.get(PlaceNames.key(codeOrName));
  }

  /** The code for an already normalised key, or {@code null}. */
  static String codeForKey(String key) {
    return BY_KEY.get(key);
  }
}
