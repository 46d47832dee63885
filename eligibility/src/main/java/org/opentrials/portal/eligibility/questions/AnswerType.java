package org.opentrials.portal.eligibility.questions;

/**
 * How a question is answered. Every type also accepts "I don't know".
 *
 * <ul>
 *   <li>{@link #YES_NO}: yes or no.
 *   <li>{@link #CHOICE}: one of the question's options.
 *   <li>{@link #WHOLE_NUMBER}: a whole number within the question's range (age, a count, a score).
 *   <li>{@link #AMOUNT}: a number with a unit the visitor picks from the question's units (weight
 *       in kg or lb, a dose in mg).
 *   <li>{@link #DATE_OR_NEVER}: a date not in the future, or "never".
 * </ul>
 */
public enum AnswerType {
  YES_NO,
  CHOICE,
  WHOLE_NUMBER,
  AMOUNT,
  DATE_OR_NEVER
}
