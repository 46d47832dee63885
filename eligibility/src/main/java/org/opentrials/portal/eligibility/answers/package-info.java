/**
 * A visitor's answers: question ids, typed answer values (including an explicit "I don't know"),
 * units, and the time windows ("within the 2 months before screening") that dated answers are
 * compared against.
 */
package org.opentrials.portal.eligibility.answers;
