/**
 * Translatable text: message keys with arguments, sponsor-written text in several languages, and
 * their rendering through the {@code org/opentrials/portal/eligibility/messages} resource bundle.
 */
package org.opentrials.portal.eligibility.text;
