/**
 * The audit trail: an append-only chain of entries, each saying who changed what (entity and field,
 * old and new value, reason) and when, and each carrying a SHA-256 hash over the previous entry's
 * hash and its own content, so that a changed, removed or reordered entry shows (21 CFR 11.10(e)).
 */
package org.opentrials.portal.domain.audit;
