package org.opentrials.portal.domain.trial;

/** The kind of intervention, as ClinicalTrials.gov API v2 names it. */
public enum InterventionType {
  BEHAVIORAL,
  BIOLOGICAL,
  COMBINATION_PRODUCT,
  DEVICE,
  DIAGNOSTIC_TEST,
  DIETARY_SUPPLEMENT,
  DRUG,
  GENETIC,
  PROCEDURE,
  RADIATION,
  OTHER
}
