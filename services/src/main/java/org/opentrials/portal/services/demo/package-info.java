/** Demo content: the MiSLE lupus trial from the seed pages and sample staff accounts. */
package org.opentrials.portal.services.demo;
