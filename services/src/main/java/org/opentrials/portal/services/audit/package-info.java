/**
 * The audit trail as a use case: appending entries to the hash chain (in the caller's transaction,
 * or in one of its own for refusals), and, for administrators only, finding entries, exporting them
 * as CSV and verifying the chain. Also who the caller is ({@link StaffCaller}), as every audited
 * use case needs to know.
 */
package org.opentrials.portal.services.audit;
