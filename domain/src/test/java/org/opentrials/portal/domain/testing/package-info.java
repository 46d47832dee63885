/**
 * Test-data builders for the domain's aggregates ({@code aTrial().withSite(aSite())}), valid by
 * default, shared with the services' and registry's tests through the domain test-jar.
 */
package org.opentrials.portal.domain.testing;
