/**
 * Pages under /sites/: the caller's sites, and the form an investigator keeps a site current with.
 */
package org.opentrials.portal.admin.sites;
