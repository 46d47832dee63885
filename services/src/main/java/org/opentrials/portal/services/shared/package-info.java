/** What every use case shares: the clock. */
package org.opentrials.portal.services.shared;
