package org.opentrials.portal.admin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentrials.portal.admin.support.NotFoundExceptionHandlerFactory.NotFoundExceptionHandler.isNotFound;
import static org.opentrials.portal.admin.support.NotFoundExceptionHandlerFactory.NotFoundExceptionHandler.isRefusedInput;

import jakarta.el.ELException;
import jakarta.faces.FacesException;
import jakarta.validation.ConstraintViolationException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.services.shared.AccessDenied;
import org.opentrials.portal.services.sites.SiteNotFound;

/** However deep Faces and EL wrap a service's refusal, the page answers "not found". */
class NotFoundExceptionHandlerTest {

  @Test
  void aRefusalOrAnUnknownSiteIsNotFound() {
    assertThat(isNotFound(new FacesException(new ELException(new AccessDenied("no"))))).isTrue();
    assertThat(isNotFound(new SiteNotFound("NCT00000000/x"))).isTrue();
    assertThat(isNotFound(new FacesException(new IllegalStateException("bug")))).isFalse();
  }

  @Test
  void parametersAServiceRefusedAreABadRequest() {
    assertThat(isRefusedInput(new FacesException(new ConstraintViolationException(Set.of()))))
        .isTrue();
    assertThat(isRefusedInput(new FacesException(new AccessDenied("no")))).isFalse();
  }
}
