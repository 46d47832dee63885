/** HTTP concerns both web applications share: security headers on every response. */
package org.opentrials.portal.websupport;
