/**
 * Investigators keep their sites current: status, places left, principal investigator and contact.
 * Which sites a caller may see and change is decided here from the caller's account, never from the
 * ids a request carries; every changed field goes through the audit trail with its old and new
 * value.
 */
package org.opentrials.portal.services.sites;
