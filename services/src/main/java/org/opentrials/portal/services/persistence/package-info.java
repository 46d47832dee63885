/** The database: the application's datasource, Flyway migrations and the JPA repositories. */
package org.opentrials.portal.services.persistence;
