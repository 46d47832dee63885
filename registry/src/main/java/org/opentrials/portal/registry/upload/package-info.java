/**
 * Uploads of ClinicalTrials.gov records from the administration: who may upload (administrators),
 * the import running in the background on the server's managed executor, its progress and its
 * report for the page that started it.
 */
package org.opentrials.portal.registry.upload;
