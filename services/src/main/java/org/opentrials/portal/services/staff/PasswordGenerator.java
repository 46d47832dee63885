package org.opentrials.portal.services.staff;

import java.security.SecureRandom;

/** Generates passwords people can type: 20 characters from an alphabet without look-alikes. */
public final class PasswordGenerator {
  private static final char[] ALPHABET =
      "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordGenerator() {}

  public static char[] generate() {
    char[] out = new char[20];
    for (int i = 0; i < out.length; i++) {
      out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return out;
  }
}
