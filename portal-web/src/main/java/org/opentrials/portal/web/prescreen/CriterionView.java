package org.opentrials.portal.web.prescreen;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One criterion of the result: its wording, whether the visitor meets it ("met", "not-met",
 * "unknown") and why, in the visitor's language; for a time-limited exclusion that rules her out,
 * the last day it does ({@code until}); {@code medication} when the rule is about a medicine.
 */
public record CriterionView(
    String text,
    boolean inclusion,
    String status,
    String reasons,
    LocalDate until,
    boolean medication)
    implements Serializable {}
