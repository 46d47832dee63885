/**
 * Pre-screener engine: evaluates a visitor's answers against trials' structured criteria with
 * three-valued (Kleene) logic and ranks trials by verdict; {@link
 * org.opentrials.portal.eligibility.PreScreener} is the entry point for the web layer.
 */
package org.opentrials.portal.eligibility;
