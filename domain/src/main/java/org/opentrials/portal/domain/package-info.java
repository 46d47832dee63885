/** The portal's domain model in plain Java: one package per aggregate. */
package org.opentrials.portal.domain;
