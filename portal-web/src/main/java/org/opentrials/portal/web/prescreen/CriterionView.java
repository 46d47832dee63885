package org.opentrials.portal.web.prescreen;

import java.io.Serializable;

/**
 * One criterion of the result: its wording, whether the visitor meets it ("met", "not-met",
 * "unknown") and why, in the visitor's language.
 */
public record CriterionView(String text, boolean inclusion, String status, String reasons)
    implements Serializable {}
