/**
 * The trial aggregate: what a study tests, who can join, treatment groups and doses, evidence,
 * safety and approvals elsewhere, in ClinicalTrials.gov API v2 terms where those exist.
 */
package org.opentrials.portal.domain.trial;
