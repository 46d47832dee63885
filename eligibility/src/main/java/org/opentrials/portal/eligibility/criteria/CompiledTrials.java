package org.opentrials.portal.eligibility.criteria;

import java.util.List;
import org.opentrials.portal.eligibility.answers.PreparedAnswers;

/**
 * The compiled criteria of many trials in one contiguous store, for checking one answer set against
 * all of them: build it once whenever the set of trials changes, then call {@link #verdicts} per
 * answer set. Immutable and thread-safe.
 *
 * <p>Why: each {@link TrialCriteria} keeps its own compiled program next to its criteria objects,
 * so a pass over 100,000 trials misses the cache for every trial (the interpreter itself costs
 * about a tenth of that). Here all programs lie back to back in one {@code int[]} with one shared
 * constant pool, and {@link #verdicts} reads them in a single forward pass the hardware prefetcher
 * follows. The verdicts are those of {@link TrialCriteria#verdict(PreparedAnswers)}: the same
 * programs run in the same interpreter.
 */
public final class CompiledTrials {
  private static final Verdict[] VERDICTS = Verdict.values();

  private final int[] code;
  // starts[i] .. starts[i + 1]: the program of trial i.
  private final int[] starts;
  private final Object[] constants;

  private CompiledTrials(int[] code, int[] starts, Object[] constants) {
    this.code = code;
    this.starts = starts;
    this.constants = constants;
  }

  /** Compiles the trials in this order; trial {@code i} here is {@code trials.get(i)}. */
  public static CompiledTrials of(List<TrialCriteria> trials) {
    int[] starts = new int[trials.size() + 1];
    long total = 0;
    for (TrialCriteria t : trials) {
      total += t.program().code().length;
    }
    if (total > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(
          "too many criteria to compile together: " + total + " ints");
    }
    Program.IntArena arena = new Program.IntArena((int) total);
    Program.ConstantPool pool = new Program.ConstantPool();
    for (int i = 0; i < trials.size(); i++) {
      starts[i] = arena.size();
      trials.get(i).program().appendTo(arena, pool);
    }
    starts[trials.size()] = arena.size();
    return new CompiledTrials(arena.toArray(), starts, pool.toArray());
  }

  /** How many trials. */
  public int size() {
    return starts.length - 1;
  }

  /** The verdict of trial {@code i}. */
  public Verdict verdict(int i, PreparedAnswers answers) {
    return VERDICTS[Program.verdict(code, starts[i], starts[i + 1], constants, answers)];
  }

  /**
   * Every trial's verdict, as its {@link Verdict#ordinal()}, into {@code out[0 .. size())}.
   * Allocates nothing.
   */
  public void verdicts(PreparedAnswers answers, byte[] out) {
    int n = size();
    if (out.length < n) {
      throw new IllegalArgumentException("out holds " + out.length + " verdicts, not " + n);
    }
    int[] c = code;
    int[] s = starts;
    Object[] k = constants;
    int from = s[0];
    for (int i = 0; i < n; i++) {
      int to = s[i + 1];
      out[i] = (byte) Program.verdict(c, from, to, k, answers);
      from = to;
    }
  }
}
