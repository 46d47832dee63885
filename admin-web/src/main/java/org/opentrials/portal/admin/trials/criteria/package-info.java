/**
 * The structured criteria editor's model, plain Java: a trial's criteria document (the eligibility
 * module's {@code CriteriaJson}) opened as form fields, edited, checked field by field with
 * messages from the administration's bundle, and built back into a document the pre-screener reads.
 * The page /trials/criteria.xhtml and its backing bean only bind to it.
 */
package org.opentrials.portal.admin.trials.criteria;
