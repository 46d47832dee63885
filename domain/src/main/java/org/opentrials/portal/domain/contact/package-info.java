/**
 * Contact requests and waitlist entries a visitor leaves for a site, with their consent. The
 * personal part is held only as ciphertext; the domain never sees it in clear.
 */
package org.opentrials.portal.domain.contact;
