/** The site aggregate: where a trial enrols, its recruitment status, places left and contacts. */
package org.opentrials.portal.domain.site;
