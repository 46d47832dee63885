/**
 * Contact requests and waitlist entries: consent, encryption at rest, idempotent submission,
 * erasure.
 */
package org.opentrials.portal.services.contact;
