/**
 * Sponsor staff keep a trial's patient-facing content current: they edit a draft, preview the
 * public page with it, and publish it; a check warns about recruiting claims the FDA advises
 * against.
 */
package org.opentrials.portal.services.content;
