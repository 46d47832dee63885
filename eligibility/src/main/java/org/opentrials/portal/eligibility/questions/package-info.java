/**
 * The questionnaire derived from criteria: plain-language questions with follow-up conditions,
 * deduplicated and grouped into short steps, and the reading and validation of form input into
 * {@link org.opentrials.portal.eligibility.answers.Answers}.
 */
package org.opentrials.portal.eligibility.questions;
