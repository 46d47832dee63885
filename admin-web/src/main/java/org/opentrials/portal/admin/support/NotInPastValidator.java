package org.opentrials.portal.admin.support;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import org.opentrials.portal.services.sites.SiteUpdate;

/**
 * A date that has not passed anywhere yet (the service's rule, {@link SiteUpdate#earliestUntil}). A
 * date left as it was stored is accepted even if it has passed since: the editor did not type it.
 */
@FacesValidator("admin.notInPast")
public class NotInPastValidator implements Validator<LocalDate> {
  @Override
  public void validate(FacesContext faces, UIComponent component, LocalDate value) {
    if (value == null) {
      return;
    }
    Object stored = component instanceof UIInput input ? input.getValue() : null;
    if (!Objects.equals(stored, value)
        && value.isBefore(SiteUpdate.earliestUntil(Clock.systemUTC()))) {
      throw new ValidatorException(Texts.error(faces, "validation.notInPast"));
    }
  }
}
