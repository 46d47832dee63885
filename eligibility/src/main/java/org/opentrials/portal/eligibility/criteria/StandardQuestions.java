package org.opentrials.portal.eligibility.criteria;

import java.util.List;
import org.opentrials.portal.eligibility.answers.QuestionId;
import org.opentrials.portal.eligibility.answers.Unit;
import org.opentrials.portal.eligibility.questions.Option;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.questions.Topic;
import org.opentrials.portal.eligibility.text.Message;

/**
 * Questions that do not depend on what a sponsor names: age, sex, weight, pregnancy, dialysis,
 * transplant. Their ids are fixed; rules that use them share them.
 */
public final class StandardQuestions {
  public static final QuestionId AGE_ID = QuestionId.of("age");
  public static final QuestionId SEX_ID = QuestionId.of("sex");
  public static final QuestionId WEIGHT_ID = QuestionId.of("weight");
  public static final QuestionId PREGNANCY_ID = QuestionId.of("pregnancy");
  public static final QuestionId CONTRACEPTION_ID = QuestionId.of("pregnancy.contraception");
  public static final QuestionId DIALYSIS_ID = QuestionId.of("dialysis");
  public static final QuestionId ORGAN_TRANSPLANT_ID = QuestionId.of("organ-transplant");

  /** Age in whole years, 0 to 120: a pre-screener does not need the date of birth. */
  public static final Question AGE =
      Question.wholeNumber(AGE_ID, Topic.ABOUT_YOU, Message.of("question.age"), 0, 120);

  public static final Question SEX =
      Question.choice(
              SEX_ID,
              Topic.ABOUT_YOU,
              Message.of("question.sex"),
              List.of(
                  new Option("female", Message.of("option.sex.female")),
                  new Option("male", Message.of("option.sex.male"))))
          .withHint(Message.of("hint.sex"));

  /** Body weight, 20 to 350 kg, in kg or lb. */
  public static final Question WEIGHT =
      Question.amount(
          WEIGHT_ID,
          Topic.ABOUT_YOU,
          Message.of("question.weight"),
          List.of(Unit.KG, Unit.LB),
          20,
          350);

  public static final Question PREGNANCY =
      Question.yesNo(PREGNANCY_ID, Topic.ABOUT_YOU, Message.of("question.pregnancy"));

  public static final Question CONTRACEPTION =
      Question.yesNo(CONTRACEPTION_ID, Topic.ABOUT_YOU, Message.of("question.contraception"))
          .withHint(Message.of("hint.contraception"));

  public static final Question DIALYSIS =
      Question.yesNo(DIALYSIS_ID, Topic.HEALTH_HISTORY, Message.of("question.dialysis"))
          .withHint(Message.of("hint.dialysis"));

  public static final Question ORGAN_TRANSPLANT =
      Question.yesNo(
          ORGAN_TRANSPLANT_ID, Topic.HEALTH_HISTORY, Message.of("question.organ-transplant"));

  private StandardQuestions() {}
}
