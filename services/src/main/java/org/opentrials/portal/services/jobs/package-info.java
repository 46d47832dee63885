/**
 * Scheduled work that runs once across all server instances over one database: a job takes its
 * lease row ({@link org.opentrials.portal.services.jobs.ClusterJobs}) before it runs.
 */
package org.opentrials.portal.services.jobs;
