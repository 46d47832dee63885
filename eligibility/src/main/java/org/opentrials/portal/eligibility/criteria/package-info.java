/**
 * The criteria model a sponsor fills in without code: a trial's ordered inclusion and exclusion
 * criteria, each with a structured, composable {@link
 * org.opentrials.portal.eligibility.criteria.Rule} that derives its questions and evaluates answers
 * with Kleene three-valued logic.
 */
package org.opentrials.portal.eligibility.criteria;
