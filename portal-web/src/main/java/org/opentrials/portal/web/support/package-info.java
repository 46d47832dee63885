/** What every public page shares: stable URLs, the visitor's language, formatting of values. */
package org.opentrials.portal.web.support;
