package org.opentrials.portal.eligibility;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The order of {@link PreScreener#rank}: by verdict, then by ascending distance ({@link
 * Double#compare}), trials without a distance (NaN) last, ties in input order. On primitive arrays:
 * a stable LSD radix sort on the distance as a float, then on the verdict, then an exact pass over
 * the rare runs of distances that round to the same float. Sorting 100,000 {@link TrialMatch}
 * objects with a comparator instead cost about as much as screening them.
 */
final class Ranking {
  private static final int UNKNOWN = 0x7FFF_FFFF; // above every finite float and infinity
  private static final int DIGIT_BITS = 11;
  private static final int DIGITS = 3; // 33 bits cover the 31-bit keys
  private static final int RADIX = 1 << DIGIT_BITS;
  private static final int SMALL_RUN = 32;

  private Ranking() {}

  /**
   * The ranked order of trials {@code 0 .. verdicts.length)}.
   *
   * @param verdicts each trial's verdict as its ordinal
   * @param distances each trial's distance, not negative, or NaN if unknown
   */
  static int[] order(byte[] verdicts, double[] distances) {
    int n = verdicts.length;
    int[] keys = new int[n];
    int[] index = new int[n];
    int[][] counts = new int[DIGITS][RADIX + 1];
    for (int i = 0; i < n; i++) {
      int k = key(distances[i]);
      keys[i] = k;
      index[i] = i;
      for (int d = 0; d < DIGITS; d++) {
        counts[d][((k >>> (d * DIGIT_BITS)) & (RADIX - 1)) + 1]++;
      }
    }
    int[] keys2 = new int[n];
    int[] index2 = new int[n];
    for (int d = 0; d < DIGITS; d++) {
      int[] count = counts[d];
      if (n == 0 || count[((keys[0] >>> (d * DIGIT_BITS)) & (RADIX - 1)) + 1] == n) {
        continue; // every key has the same digit: the order stays
      }
      for (int b = 0; b < RADIX; b++) {
        count[b + 1] += count[b];
      }
      int shift = d * DIGIT_BITS;
      for (int j = 0; j < n; j++) {
        int k = keys[j];
        int to = count[(k >>> shift) & (RADIX - 1)]++;
        keys2[to] = k;
        index2[to] = index[j];
      }
      int[] t = keys;
      keys = keys2;
      keys2 = t;
      t = index;
      index = index2;
      index2 = t;
    }
    // Stable by verdict, the most significant digit.
    int[] start = new int[4];
    for (int i = 0; i < n; i++) {
      start[verdicts[i] + 1]++;
    }
    start[2] += start[1];
    start[3] += start[2];
    for (int j = 0; j < n; j++) {
      int i = index[j];
      int to = start[verdicts[i]]++;
      keys2[to] = keys[j];
      index2[to] = i;
    }
    keys = keys2;
    index = index2;
    // Distances that round to the same float: order them exactly.
    int run = 0;
    for (int j = 1; j <= n; j++) {
      if (j == n || keys[j] != keys[run] || verdicts[index[j]] != verdicts[index[run]]) {
        if (j - run > 1 && keys[run] != UNKNOWN) {
          sortExactly(index, run, j, distances);
        }
        run = j;
      }
    }
    return index;
  }

  /** The distance as a float's bits, which order like the floats for values ≥ 0. */
  private static int key(double distance) {
    if (Double.isNaN(distance)) {
      return UNKNOWN;
    }
    return distance == 0
        ? 0
        : Float.floatToRawIntBits((float) distance); // -0.0 too: see sortExactly
  }

  /** Stably sorts {@code index[from..to)} by {@link Double#compare} of their distances. */
  private static void sortExactly(int[] index, int from, int to, double[] distances) {
    if (to - from <= SMALL_RUN) {
      for (int j = from + 1; j < to; j++) {
        int i = index[j];
        double d = distances[i];
        int k = j - 1;
        while (k >= from && Double.compare(distances[index[k]], d) > 0) {
          index[k + 1] = index[k];
          k--;
        }
        index[k + 1] = i;
      }
      return;
    }
    Integer[] boxed = new Integer[to - from];
    for (int j = from; j < to; j++) {
      boxed[j - from] = index[j];
    }
    Arrays.sort(boxed, Comparator.comparingDouble(i -> distances[i])); // stable
    for (int j = from; j < to; j++) {
      index[j] = boxed[j - from];
    }
  }
}
