/** The pre-screener's use cases: a published trial's structured criteria and their evaluation. */
package org.opentrials.portal.services.prescreen;
