package org.opentrials.portal.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.opentrials.portal.eligibility.PreScreener;
import org.opentrials.portal.eligibility.Screening;
import org.opentrials.portal.eligibility.TrialIndex;
import org.opentrials.portal.eligibility.TrialMatch;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.PreparedAnswers;
import org.opentrials.portal.eligibility.criteria.CompiledTrials;
import org.opentrials.portal.eligibility.criteria.TrialCriteria;
import org.opentrials.portal.eligibility.criteria.Verdict;
import org.opentrials.portal.eligibility.json.AnswersJson;
import org.opentrials.portal.eligibility.json.CriteriaJson;
import org.opentrials.portal.eligibility.questions.FormResult;
import org.opentrials.portal.eligibility.questions.Option;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.questions.Questionnaire;

/**
 * Issue 4's acceptance figure: one answer set against 100,000 generated trials with realistic
 * criteria, on one thread; target at most 50 ms.
 *
 * <ul>
 *   <li>{@link #rank}: the matching use case as the application calls it, {@link
 *       PreScreener#rank(TrialIndex, java.util.function.ToDoubleFunction, Answers)} on the index
 *       built once per set of trials: prepares the answers, takes each trial's verdict from the
 *       contiguous store of compiled criteria, sorts the 100,000 matches by verdict and distance,
 *       and reads every match. {@link #rankUnindexed}: the same from a plain list of trials.
 *   <li>{@link #verdicts}: the fast path alone, {@link PreScreener#prepare} once and {@link
 *       CompiledTrials#verdicts} for all trials, no sorting. {@link #verdictsUnindexed}: {@link
 *       TrialCriteria#verdict(PreparedAnswers)} per trial, each program where its trial lies.
 *   <li>{@link #screenAll}: the explained path, {@link PreScreener#screen} (every criterion with
 *       its reasons) for every trial: what it would cost to explain all trials rather than the one
 *       a visitor opens. For comparison, not the target.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Threads(1)
public class MatchBenchmark {
  static final int TRIALS = 100_000;
  static final long SEED = 20260615L;
  static final LocalDate SCREENING_DATE = LocalDate.of(2026, 6, 15);
  static final String MISLE = "/criteria/NCT02633163.json";

  /** A trial as the portal lists it: its criteria and the distance to its nearest site. */
  public record Listing(TrialCriteria criteria, double km) {}

  private final PreScreener screener =
      new PreScreener(
          Clock.fixed(SCREENING_DATE.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

  private List<TrialCriteria> trials;
  private List<Listing> listings;
  private TrialIndex<Listing> index;
  private CompiledTrials compiled;
  private Answers answers;

  @Setup(Level.Trial)
  public void setUp() {
    long start = System.nanoTime();
    trials = new TrialGenerator(SEED).generate(TRIALS);
    // The demo trial's real criteria, decoded from its JSON document, replace the first one.
    trials.set(0, CriteriaJson.decode(resource(MISLE)));
    long generated = System.nanoTime();

    // Every generated trial is expressible in the sponsors' JSON format (a sample round-trips).
    for (int i = 0; i < 1000; i++) {
      TrialCriteria t = trials.get(i * (TRIALS / 1000));
      if (!CriteriaJson.decode(CriteriaJson.encode(t)).equals(t)) {
        throw new IllegalStateException("criteria do not round-trip through CriteriaJson: " + t);
      }
    }

    // The answers as the JSON API would receive them, read against the questionnaire of the
    // trials: every answer must be a valid answer to one of their questions. (Built from trials
    // that cover every question and option: merging the questions of all 100,000 trials nests one
    // ShowWhen.or per duplicate and overflows the stack; see README.md.)
    Answers built = Visitor.answers();
    Set<String> covered = new HashSet<>();
    List<TrialCriteria> covering = new ArrayList<>();
    for (TrialCriteria t : trials) {
      boolean adds = false;
      for (Question q : t.questions()) {
        adds |= covered.add(q.id().value());
        for (Option o : q.options()) {
          adds |= covered.add(q.id().value() + "=" + o.value());
        }
      }
      if (adds) {
        covering.add(t);
      }
    }
    Questionnaire questionnaire = screener.questionnaire(covering);
    FormResult read = AnswersJson.decode(AnswersJson.encode(built), questionnaire, SCREENING_DATE);
    if (!read.isValid() || !read.answers().equals(built)) {
      throw new IllegalStateException(
          "the visitor's answers do not fit the questionnaire: errors "
              + read.errors()
              + ", read "
              + read.answers().size()
              + " of "
              + built.size()
              + " answers");
    }
    answers = read.answers();

    Random random = new Random(SEED);
    listings = new ArrayList<>(TRIALS);
    for (TrialCriteria t : trials) {
      listings.add(
          new Listing(t, random.nextDouble() < 0.1 ? Double.NaN : random.nextDouble() * 3000));
    }

    // Built once per set of trials, as the portal does (Prescreening), not per visitor.
    long indexing = System.nanoTime();
    index = TrialIndex.of(listings, Listing::criteria);
    compiled = CompiledTrials.of(trials);
    long indexed = System.nanoTime();

    // Sanity: a non-degenerate verdict distribution, and the explained path agrees with both fast
    // ones (each trial's own program, and the contiguous store).
    PreparedAnswers prepared = screener.prepare(answers);
    byte[] stored = new byte[TRIALS];
    compiled.verdicts(prepared, stored);
    Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
    long criteria = 0;
    for (int i = 0; i < TRIALS; i++) {
      TrialCriteria t = trials.get(i);
      Verdict fast = t.verdict(prepared);
      Verdict explained = PreScreener.screen(t, answers, SCREENING_DATE).verdict();
      if (fast != explained || stored[i] != explained.ordinal()) {
        throw new IllegalStateException(
            t + ": verdict " + fast + ", stored " + stored[i] + ", but screen() says " + explained);
      }
      counts.merge(fast, 1, Integer::sum);
      criteria += t.criteria().size();
    }
    System.out.printf(
        "%n[setup] %,d trials generated in %d ms (seed %d), %.1f criteria per trial on average;"
            + " questionnaire (merged from %d trials covering every question): %d questions;"
            + " the visitor answered %d%n",
        trials.size(),
        (generated - start) / 1_000_000,
        SEED,
        (double) criteria / trials.size(),
        covering.size(),
        questionnaire.questions().size(),
        answers.size());
    System.out.printf("[setup] verdicts: %s%n", counts);
    System.out.printf(
        "[setup] trials indexed (TrialIndex, CompiledTrials) in %d ms%n",
        (indexed - indexing) / 1_000_000);
    // The ranking equals a plain comparator sort of the matches (verdict, Double.compare, stable).
    List<TrialMatch<Listing>> ranked = screener.rank(index, Listing::km, answers);
    List<TrialMatch<Listing>> expected = new ArrayList<>();
    for (int i = 0; i < TRIALS; i++) {
      Listing l = listings.get(i);
      expected.add(new TrialMatch<>(l, Verdict.values()[stored[i]], l.km()));
    }
    expected.sort(
        Comparator.<TrialMatch<Listing>>comparingInt(m -> m.verdict().ordinal())
            .thenComparing((a, b) -> Double.compare(a.distance(), b.distance())));
    if (!ranked.equals(expected)
        || !screener.rank(listings, Listing::criteria, Listing::km, answers).equals(expected)) {
      throw new IllegalStateException("the ranking differs from a comparator sort");
    }
    System.out.printf(
        "[setup] MiSLE (NCT02633163) for this visitor: %s%n",
        screener.verdict(trials.get(0), answers));
    for (Verdict v : Verdict.values()) {
      int n = counts.getOrDefault(v, 0);
      if (n < TRIALS / 100 || n > TRIALS * 9 / 10) {
        throw new IllegalStateException("degenerate verdict distribution: " + counts);
      }
    }
  }

  /**
   * The matching use case: all 100,000 trials ranked for one answer set, from the index the portal
   * keeps of its published trials, and every match read as the portal's list of matches reads it.
   */
  @Benchmark
  public void rank(Blackhole bh) {
    for (TrialMatch<Listing> m : screener.rank(index, Listing::km, answers)) {
      bh.consume(m);
    }
  }

  /** As {@link #rank} without an index: each trial's own compiled criteria, where they lie. */
  @Benchmark
  public void rankUnindexed(Blackhole bh) {
    for (TrialMatch<Listing> m : screener.rank(listings, Listing::criteria, Listing::km, answers)) {
      bh.consume(m);
    }
  }

  /** The fast path without sorting: verdict counts for all 100,000 trials from the store. */
  @Benchmark
  public int[] verdicts() {
    PreparedAnswers prepared = screener.prepare(answers);
    byte[] verdicts = new byte[compiled.size()];
    compiled.verdicts(prepared, verdicts);
    int[] counts = new int[3];
    for (byte v : verdicts) {
      counts[v]++;
    }
    return counts;
  }

  /** As {@link #verdicts} from each trial's own compiled criteria, where they lie. */
  @Benchmark
  public int[] verdictsUnindexed() {
    PreparedAnswers prepared = screener.prepare(answers);
    int[] counts = new int[3];
    for (int i = 0; i < trials.size(); i++) {
      counts[trials.get(i).verdict(prepared).ordinal()]++;
    }
    return counts;
  }

  /** The explained path for every trial (every criterion with its reasons). */
  @Benchmark
  public void screenAll(Blackhole bh) {
    LocalDate today = screener.screeningDate();
    for (int i = 0; i < trials.size(); i++) {
      Screening s = PreScreener.screen(trials.get(i), answers, today);
      bh.consume(s);
    }
  }

  private static String resource(String name) {
    try (InputStream in = MatchBenchmark.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
