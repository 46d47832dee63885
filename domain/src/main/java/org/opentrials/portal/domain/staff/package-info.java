/**
 * Staff accounts of the administration: role, assignments to trials or sites, and sign-in state.
 */
package org.opentrials.portal.domain.staff;
