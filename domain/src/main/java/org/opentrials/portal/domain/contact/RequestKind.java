package org.opentrials.portal.domain.contact;

/** Whether the visitor asked to be contacted now or to be put on the site's waitlist. */
public enum RequestKind {
  CONTACT,
  WAITLIST
}
