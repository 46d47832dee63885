/** Staff accounts: password hashing and generation. */
package org.opentrials.portal.services.staff;
