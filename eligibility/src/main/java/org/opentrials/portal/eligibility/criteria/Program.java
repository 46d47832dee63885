package org.opentrials.portal.eligibility.criteria;

import static org.opentrials.portal.eligibility.answers.PreparedAnswers.AMOUNT;
import static org.opentrials.portal.eligibility.answers.PreparedAnswers.CHOICE;
import static org.opentrials.portal.eligibility.answers.PreparedAnswers.DATE;
import static org.opentrials.portal.eligibility.answers.PreparedAnswers.MISSING;
import static org.opentrials.portal.eligibility.answers.PreparedAnswers.NEVER;
import static org.opentrials.portal.eligibility.answers.PreparedAnswers.NO;
import static org.opentrials.portal.eligibility.answers.PreparedAnswers.WHOLE_NUMBER;
import static org.opentrials.portal.eligibility.answers.PreparedAnswers.YES;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opentrials.portal.eligibility.answers.PreparedAnswers;
import org.opentrials.portal.eligibility.answers.QuestionId;
import org.opentrials.portal.eligibility.answers.TimeWindow;
import org.opentrials.portal.eligibility.answers.Unit;

/**
 * A trial's rules compiled into one flat {@code int[]}, evaluated by a small interpreter: the fast
 * path for checking one answer set against many trials.
 *
 * <p>Why: evaluating the rule objects directly chases pointers through a few dozen small objects
 * per trial, scattered over the heap between texts and labels; with 100,000 trials that is memory
 * bound (microseconds per trial). A program is a few contiguous cache lines. The rule objects
 * remain the reference semantics: {@link Rule#test} must always agree with the program, which a
 * randomized test checks for every rule kind.
 *
 * <p>Layout: for each criterion, a 1 (inclusion) or 0 (exclusion), then its rule as a node. A node
 * is {@code [opcode, length, operands...]}, {@code length} counting the whole node, so a parent can
 * step over a child. Question operands are {@link QuestionId#index()}es, windows are {@link
 * PreparedAnswers#windowCode} codes. Truth values: {@link #F}, {@link #T}, {@link #U}.
 */
final class Program {
  static final int F = 0;
  static final int T = 1;
  static final int U = 2;

  private static final int CONST_TRUE = 1;
  private static final int CONST_UNKNOWN = 2;
  private static final int AGE = 3; // q, min or -1, max or -1
  private static final int SEX = 4; // q, constant index of the slug
  private static final int YES_MEANS_TRUE = 5; // q
  private static final int NO_MEANS_TRUE = 6; // q
  private static final int DIAGNOSIS_CONFIRMED = 7; // diagnosis q, count q, at least
  private static final int ACTIVITY = 8; // activity q, score q or -1, at least
  private static final int DATED = 9; // q, window
  private static final int DOSE = 10; // last q, window, weight q, dose q, threshold as 2 ints
  private static final int CONDITION_EXCEPT = 11; // last q, window, kind q, constant of String[]
  private static final int PREGNANCY = 12; // pregnancy q, contraception q or -1
  private static final int ANY_YES = 13; // q...
  private static final int NOT = 14; // child
  private static final int AND = 15; // children...
  private static final int OR = 16; // children...
  private static final int IF = 17; // condition, then

  private static final Truth[] TRUTHS = {Truth.FALSE, Truth.TRUE, Truth.UNKNOWN};
  private static final Verdict[] VERDICTS = Verdict.values();
  // Verdicts as ordinals, for the arena loop.
  private static final int LIKELY_ELIGIBLE = Verdict.LIKELY_ELIGIBLE.ordinal();
  private static final int NEEDS_REVIEW = Verdict.NEEDS_REVIEW.ordinal();
  private static final int NOT_ELIGIBLE = Verdict.NOT_ELIGIBLE.ordinal();

  private final int[] code;
  private final Object[] constants;
  private final int[] criterionStarts;

  private Program(int[] code, Object[] constants, int[] criterionStarts) {
    this.code = code;
    this.constants = constants;
    this.criterionStarts = criterionStarts;
  }

  static Program compile(List<Criterion> criteria) {
    Compiler c = new Compiler();
    int[] starts = new int[criteria.size()];
    for (int i = 0; i < starts.length; i++) {
      Criterion criterion = criteria.get(i);
      starts[i] = c.size();
      c.emit(criterion.isInclusion() ? 1 : 0);
      c.node(criterion.rule());
    }
    return new Program(c.toArray(), c.constants.toArray(), starts);
  }

  int[] code() {
    return code;
  }

  Object[] constants() {
    return constants;
  }

  /**
   * The verdict of the program {@code c} with its {@code constants}: stops at the first criterion
   * not met. Static and on arrays so that a caller holding them avoids one memory indirection per
   * trial.
   */
  static Verdict verdict(int[] c, Object[] constants, PreparedAnswers answers) {
    return VERDICTS[verdict(c, 0, c.length, constants, answers)];
  }

  /**
   * As {@link #verdict(int[], Object[], PreparedAnswers)} for the program in {@code c[from..to)},
   * e.g. one trial's in a {@link CompiledTrials} arena, as the {@link Verdict#ordinal()}.
   */
  static int verdict(int[] c, int from, int to, Object[] constants, PreparedAnswers answers) {
    if (from == to) {
      return NEEDS_REVIEW; // nothing to go on: see Verdict
    }
    boolean allMet = true;
    int pc = from;
    while (pc < to) {
      boolean inclusion = c[pc] == 1;
      int node = pc + 1;
      int t = eval(c, constants, node, answers);
      if (t == U) {
        allMet = false;
      } else if ((t == T) != inclusion) {
        return NOT_ELIGIBLE;
      }
      pc = node + c[node + 1];
    }
    return allMet ? LIKELY_ELIGIBLE : NEEDS_REVIEW;
  }

  /**
   * Appends this program to {@code arena}, its constant operands renumbered into {@code pool}
   * (equal constants shared), so many programs can run from one array and one constant pool.
   */
  void appendTo(IntArena arena, ConstantPool pool) {
    int base = arena.size();
    arena.append(code);
    int[] a = arena.array();
    for (int start : criterionStarts) {
      relocate(a, base + start + 1, pool);
    }
  }

  private void relocate(int[] a, int pc, ConstantPool pool) {
    switch (a[pc]) {
      case SEX:
        a[pc + 3] = pool.indexOf(constants[a[pc + 3]]);
        break;
      case CONDITION_EXCEPT:
        a[pc + 5] = pool.indexOf(constants[a[pc + 5]]);
        break;
      case NOT:
      case AND:
      case OR:
      case IF:
        {
          int end = pc + a[pc + 1];
          for (int child = pc + 2; child < end; child += a[child + 1]) {
            relocate(a, child, pool);
          }
          break;
        }
      default:
        break; // a leaf without constants
    }
  }

  /** A growing {@code int[]}. */
  static final class IntArena {
    private int[] array;
    private int size;

    IntArena(int capacity) {
      array = new int[Math.max(capacity, 16)];
    }

    int size() {
      return size;
    }

    int[] array() {
      return array;
    }

    void append(int[] values) {
      if (size + values.length > array.length) {
        array = Arrays.copyOf(array, Math.max(size + values.length, array.length * 2));
      }
      System.arraycopy(values, 0, array, size, values.length);
      size += values.length;
    }

    int[] toArray() {
      return Arrays.copyOf(array, size);
    }
  }

  /** Constants shared by many programs, each distinct value once. */
  static final class ConstantPool {
    private final Map<Object, Integer> indexes = new HashMap<>();
    private final List<Object> values = new ArrayList<>();

    int indexOf(Object value) {
      // String[] (the excepted subtypes) compares by identity; a List key compares by content.
      Object key = value instanceof String[] s ? List.of(s) : value;
      return indexes.computeIfAbsent(
          key,
          k -> {
            values.add(value);
            return values.size() - 1;
          });
    }

    Object[] toArray() {
      return values.toArray();
    }
  }

  /** The truth of one criterion's rule; for tests that compare with {@link Rule#test}. */
  Truth truth(int criterionIndex, PreparedAnswers answers) {
    return TRUTHS[eval(code, constants, criterionStarts[criterionIndex] + 1, answers)];
  }

  private static int eval(int[] c, Object[] constants, int pc, PreparedAnswers a) {
    switch (c[pc]) {
      case CONST_TRUE:
        return T;
      case CONST_UNKNOWN:
        return U;
      case AGE:
        {
          int q = c[pc + 2];
          if (a.kind(q) != WHOLE_NUMBER) {
            return U;
          }
          long age = a.number(q);
          int min = c[pc + 3];
          int max = c[pc + 4];
          return (min < 0 || age >= min) && (max < 0 || age <= max) ? T : F;
        }
      case SEX:
        {
          String said = choice(a, c[pc + 2]);
          return said == null ? U : said.equals(constants[c[pc + 3]]) ? T : F;
        }
      case YES_MEANS_TRUE:
        return yesNo(a.kind(c[pc + 2]));
      case NO_MEANS_TRUE:
        return not(yesNo(a.kind(c[pc + 2])));
      case DIAGNOSIS_CONFIRMED:
        {
          int diagnosed = yesNo(a.kind(c[pc + 2]));
          if (diagnosed != T) {
            return diagnosed;
          }
          int count = c[pc + 3];
          return a.kind(count) == WHOLE_NUMBER ? (a.number(count) >= c[pc + 4] ? T : F) : U;
        }
      case ACTIVITY:
        {
          byte said = a.kind(c[pc + 2]);
          int active = yesNo(said);
          if (active == F || said == MISSING) {
            return active;
          }
          int score = c[pc + 3];
          if (score >= 0 && a.kind(score) == WHOLE_NUMBER) {
            return a.number(score) >= c[pc + 4] ? T : F;
          }
          return active;
        }
      case DATED:
        return dated(a, c[pc + 2], c[pc + 3]);
      case DOSE:
        {
          int recent = dated(a, c[pc + 2], c[pc + 3]);
          if (recent != T) {
            return recent;
          }
          int weight = c[pc + 4];
          int dose = c[pc + 5];
          if (a.kind(weight) != AMOUNT
              || a.kind(dose) != AMOUNT
              || a.unit(weight).dimension() != Unit.Dimension.BODY_WEIGHT
              || a.unit(dose).dimension() != Unit.Dimension.DOSE) {
            return U;
          }
          double kg = a.amountInBaseUnit(weight);
          if (!(kg > 0)) {
            return U;
          }
          double threshold =
              Double.longBitsToDouble(((long) c[pc + 6] << 32) | (c[pc + 7] & 0xFFFF_FFFFL));
          return a.amountInBaseUnit(dose) / kg > threshold ? T : F;
        }
      case CONDITION_EXCEPT:
        {
          int recent = dated(a, c[pc + 2], c[pc + 3]);
          if (recent != T) {
            return recent;
          }
          String kind = choice(a, c[pc + 4]);
          return kind == null ? U : contains((String[]) constants[c[pc + 5]], kind) ? F : T;
        }
      case PREGNANCY:
        {
          int pregnant = yesNo(a.kind(c[pc + 2]));
          int contraception = c[pc + 3];
          if (pregnant != T || contraception < 0) {
            return pregnant;
          }
          return not(yesNo(a.kind(contraception)));
        }
      case ANY_YES:
        {
          int end = pc + c[pc + 1];
          int result = F;
          for (int i = pc + 2; i < end; i++) {
            int t = yesNo(a.kind(c[i]));
            if (t == T) {
              return T;
            }
            if (t == U) {
              result = U;
            }
          }
          return result;
        }
      case NOT:
        return not(eval(c, constants, pc + 2, a));
      case AND:
        {
          int end = pc + c[pc + 1];
          int result = T;
          for (int child = pc + 2; child < end; child += c[child + 1]) {
            int t = eval(c, constants, child, a);
            if (t == F) {
              return F;
            }
            if (t == U) {
              result = U;
            }
          }
          return result;
        }
      case OR:
        {
          int end = pc + c[pc + 1];
          int result = F;
          for (int child = pc + 2; child < end; child += c[child + 1]) {
            int t = eval(c, constants, child, a);
            if (t == T) {
              return T;
            }
            if (t == U) {
              result = U;
            }
          }
          return result;
        }
      case IF:
        {
          int condition = pc + 2;
          int applies = eval(c, constants, condition, a);
          if (applies == F) {
            return T;
          }
          int then = eval(c, constants, condition + c[condition + 1], a);
          return then == T ? T : applies == T ? then : U;
        }
      default:
        throw new IllegalStateException("bad opcode " + c[pc] + " at " + pc);
    }
  }

  /** The option value of a choice answer (yes and no included), or null for any other answer. */
  private static String choice(PreparedAnswers a, int q) {
    byte k = a.kind(q);
    return k == CHOICE ? a.choice(q) : k == YES ? "yes" : k == NO ? "no" : null;
  }

  private static int yesNo(byte kind) {
    return kind == YES ? T : kind == NO ? F : U;
  }

  private static int not(int t) {
    return t == U ? U : 1 - t;
  }

  /** Like {@link Reasons#dated}: TRUE within the window, FALSE before it or never. */
  private static int dated(PreparedAnswers a, int q, int window) {
    byte k = a.kind(q);
    if (k == DATE) {
      return a.number(q) >= a.windowStart(window) ? T : F;
    }
    return k == NEVER ? F : U;
  }

  private static boolean contains(String[] values, String value) {
    for (String v : values) {
      if (v.equals(value)) {
        return true;
      }
    }
    return false;
  }

  /** Emits nodes into a growing int array. */
  private static final class Compiler {
    private int[] code = new int[64];
    private int size;
    final List<Object> constants = new ArrayList<>();

    int size() {
      return size;
    }

    void emit(int value) {
      if (size == code.length) {
        code = Arrays.copyOf(code, size * 2);
      }
      code[size++] = value;
    }

    int[] toArray() {
      return Arrays.copyOf(code, size);
    }

    private int constant(Object value) {
      constants.add(value);
      return constants.size() - 1;
    }

    /** Starts a node; returns its position so {@link #end} can fill in its length. */
    private int begin(int opcode) {
      int start = size;
      emit(opcode);
      emit(0);
      return start;
    }

    private void end(int start) {
      code[start + 1] = size - start;
    }

    private void leaf(int opcode, int... operands) {
      int start = begin(opcode);
      for (int operand : operands) {
        emit(operand);
      }
      end(start);
    }

    private static int window(TimeWindow w) {
      return PreparedAnswers.windowCode(w);
    }

    void node(Rule rule) {
      if (rule instanceof AgeRange r) {
        leaf(
            AGE,
            StandardQuestions.AGE_ID.index(),
            r.minYears() == null ? -1 : r.minYears(),
            r.maxYears() == null ? -1 : r.maxYears());
      } else if (rule instanceof SexRule r) {
        if (r.allowed() == SexRule.Sex.ALL) {
          leaf(CONST_TRUE);
        } else {
          leaf(SEX, StandardQuestions.SEX_ID.index(), constant(r.allowed().slug()));
        }
      } else if (rule instanceof Diagnosis r) {
        int diagnosis = r.condition().diagnosisId().index();
        if (!r.present()) {
          leaf(NO_MEANS_TRUE, diagnosis);
        } else if (r.confirmedBy() == null) {
          leaf(YES_MEANS_TRUE, diagnosis);
        } else {
          leaf(
              DIAGNOSIS_CONFIRMED,
              diagnosis,
              r.confirmedBy().classification().countId().index(),
              r.confirmedBy().atLeast());
        }
      } else if (rule instanceof DiseaseActivity r) {
        leaf(
            ACTIVITY,
            r.condition().activityId().index(),
            r.threshold() == null ? -1 : r.threshold().score().questionId().index(),
            r.threshold() == null ? 0 : r.threshold().atLeast());
      } else if (rule instanceof MedicationTaken r) {
        leaf(DATED, r.medication().lastTakenId().index(), window(r.within()));
      } else if (rule instanceof MedicationChanged r) {
        leaf(DATED, r.medication().lastChangedId().index(), window(r.within()));
      } else if (rule instanceof MedicationDose r) {
        long threshold = Double.doubleToLongBits(r.mgPerKgPerDay());
        leaf(
            DOSE,
            r.medication().lastTakenId().index(),
            window(r.within()),
            StandardQuestions.WEIGHT_ID.index(),
            r.medication().dailyDoseId().index(),
            (int) (threshold >>> 32),
            (int) threshold);
      } else if (rule instanceof ConditionWithin r) {
        if (r.except().isEmpty()) {
          leaf(DATED, r.condition().lastId().index(), window(r.within()));
        } else {
          String[] excepted = new String[r.except().size()];
          for (int i = 0; i < excepted.length; i++) {
            excepted[i] = r.except().get(i).id();
          }
          leaf(
              CONDITION_EXCEPT,
              r.condition().lastId().index(),
              window(r.within()),
              r.condition().kindId().index(),
              constant(excepted));
        }
      } else if (rule instanceof PregnancyOrBreastfeeding r) {
        leaf(
            PREGNANCY,
            StandardQuestions.PREGNANCY_ID.index(),
            r.unlessUsingContraception() ? StandardQuestions.CONTRACEPTION_ID.index() : -1);
      } else if (rule instanceof PositiveTest r) {
        int start = begin(ANY_YES);
        for (Infection i : r.infections()) {
          emit(i.questionId().index());
        }
        end(start);
      } else if (rule instanceof Dialysis) {
        leaf(YES_MEANS_TRUE, StandardQuestions.DIALYSIS_ID.index());
      } else if (rule instanceof OrganTransplant) {
        leaf(YES_MEANS_TRUE, StandardQuestions.ORGAN_TRANSPLANT_ID.index());
      } else if (rule instanceof SelfReport r) {
        leaf(YES_MEANS_TRUE, r.questionId().index());
      } else if (rule instanceof CoordinatorCheck) {
        leaf(CONST_UNKNOWN);
      } else if (rule instanceof Not r) {
        int start = begin(NOT);
        node(r.rule());
        end(start);
      } else if (rule instanceof And r) {
        composite(AND, r.rules());
      } else if (rule instanceof Or r) {
        composite(OR, r.rules());
      } else if (rule instanceof IfThen r) {
        int start = begin(IF);
        node(r.condition());
        node(r.then());
        end(start);
      } else {
        throw new IllegalArgumentException("cannot compile " + rule);
      }
    }

    private void composite(int opcode, List<Rule> rules) {
      int start = begin(opcode);
      for (Rule r : rules) {
        node(r);
      }
      end(start);
    }
  }
}
