/** Value objects shared by several aggregates: geographic points, person names, contact details. */
package org.opentrials.portal.domain.shared;
