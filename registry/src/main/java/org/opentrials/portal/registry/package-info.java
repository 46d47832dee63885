/**
 * Import of studies in the ClinicalTrials.gov API v2 JSON format: a streaming reader that yields
 * one {@link org.opentrials.portal.registry.RegistryStudy} at a time, a pure merger that applies it
 * to a new or existing trial and its sites (keeping what sites and sponsor staff maintain in the
 * portal) and reports every change, and the per-study transaction around it used by the application
 * service and by the bulk-load command.
 */
package org.opentrials.portal.registry;
