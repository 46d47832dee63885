/** The public trial pages: published trials and their sites as view models for the portal. */
package org.opentrials.portal.services.trials;
