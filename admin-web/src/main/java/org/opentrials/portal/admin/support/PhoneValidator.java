package org.opentrials.portal.admin.support;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import org.opentrials.portal.domain.site.SiteContact;

/** A phone number a patient can dial: the same rule the site itself enforces (SiteContact). */
@FacesValidator("admin.phone")
public class PhoneValidator implements Validator<Object> {
  @Override
  public void validate(FacesContext faces, UIComponent component, Object value) {
    if (value != null && !value.toString().isBlank() && !SiteContact.isPhone(value.toString())) {
      throw new ValidatorException(Texts.error(faces, "validation.phone"));
    }
  }
}
