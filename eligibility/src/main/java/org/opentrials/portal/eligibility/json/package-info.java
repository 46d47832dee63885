/**
 * JSON (JSON-P) encoding of trial criteria, as stored and edited through the sponsor's forms, and
 * of answers, as posted to the pre-screening API.
 */
package org.opentrials.portal.eligibility.json;
