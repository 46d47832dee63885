/**
 * What every page of the administration shares: refusals shown as "not found", validators whose
 * messages come from the bundle, and no caching of staff pages.
 */
package org.opentrials.portal.admin.support;
