package org.opentrials.portal.admin.support;

import jakarta.faces.FacesException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.Iterator;
import org.opentrials.portal.services.shared.AccessDenied;
import org.opentrials.portal.services.sites.InvalidSiteUpdate;
import org.opentrials.portal.services.sites.SiteNotFound;
import org.opentrials.portal.services.staff.AccountNotFound;

/**
 * An object the caller may not see (AccessDenied from a service) must look exactly like one that
 * does not exist: this answers both with the generic not-found page and status 404, in whatever
 * phase a page raised them (a view action on GET, an action on POST). Input a service refused (Bean
 * Validation on its parameters, or a value a site cannot take) that escaped the page's own checks
 * came from a hand-made request: the generic bad-request page. Registered in faces-config after
 * OmniFaces' handler, so it sees each exception first; everything else goes on to that one.
 */
public class NotFoundExceptionHandlerFactory extends ExceptionHandlerFactory {

  public NotFoundExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new NotFoundExceptionHandler(getWrapped().getExceptionHandler());
  }

  static final class NotFoundExceptionHandler extends ExceptionHandlerWrapper {
    NotFoundExceptionHandler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      FacesContext faces = FacesContext.getCurrentInstance();
      for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
          events.hasNext(); ) {
        Throwable error = events.next().getContext().getException();
        if (isNotFound(error)) {
          events.remove();
          answer(faces, 404);
        } else if (isRefusedInput(error)) {
          events.remove();
          answer(faces, 400);
        }
      }
      getWrapped().handle();
    }

    static boolean isNotFound(Throwable error) {
      for (Throwable t = error; t != null; t = t.getCause()) {
        if (t instanceof AccessDenied
            || t instanceof SiteNotFound
            || t instanceof AccountNotFound
            || t instanceof org.opentrials.portal.services.content.TrialNotFound) {
          return true;
        }
      }
      return false;
    }

    /**
     * A service's Bean Validation refused its parameters: the request did not come through the form
     * (which checks the same rules field by field), so it gets the generic bad-request page.
     */
    static boolean isRefusedInput(Throwable error) {
      for (Throwable t = error; t != null; t = t.getCause()) {
        if (t instanceof ConstraintViolationException || t instanceof InvalidSiteUpdate) {
          return true;
        }
      }
      return false;
    }

    private static void answer(FacesContext faces, int status) {
      if (faces.getResponseComplete()) {
        return;
      }
      ExternalContext external = faces.getExternalContext();
      try {
        if (!external.isResponseCommitted()) {
          external.responseReset();
          external.responseSendError(status, null);
        }
      } catch (IOException e) {
        throw new FacesException(e);
      }
      faces.responseComplete();
    }
  }
}
