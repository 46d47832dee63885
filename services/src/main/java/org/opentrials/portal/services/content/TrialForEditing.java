package org.opentrials.portal.services.content;

import java.time.Instant;

/** A trial in the list of those the caller may edit, with the state of its draft. */
public record TrialForEditing(
    String nct,
    String acronym,
    String briefTitle,
    boolean published,
    boolean hasDraft,
    String draftSavedBy,
    Instant draftSavedAt) {}
