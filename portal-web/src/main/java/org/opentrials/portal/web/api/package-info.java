/** The JSON API for partners and embedding: a trial's questionnaire and in-memory pre-screening. */
package org.opentrials.portal.web.api;
