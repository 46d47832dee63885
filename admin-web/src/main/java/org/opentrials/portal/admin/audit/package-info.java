/**
 * Pages under /audit/ (administrators only): the audit trail, its verification and its CSV export.
 */
package org.opentrials.portal.admin.audit;
