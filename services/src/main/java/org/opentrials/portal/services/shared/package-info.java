/** What every use case shares: the clock and the business exceptions. */
package org.opentrials.portal.services.shared;
