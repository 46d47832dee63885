/** Sponsor staff's pages: the trials they keep current, and a trial's content draft. */
package org.opentrials.portal.admin.trials;
