/**
 * The import page, /imports/: uploading ClinicalTrials.gov records, following the import, its
 * report.
 */
package org.opentrials.portal.admin.imports;
