/**
 * What partners read about a published trial: the public page as a documented JSON document ({@link
 * org.opentrials.portal.services.interop.TrialJson}) and as a FHIR R4 ResearchStudy ({@link
 * org.opentrials.portal.services.interop.ResearchStudyR4}). Both are built from the page's view
 * model, so they never show more than the page does.
 */
package org.opentrials.portal.services.interop;
