package org.opentrials.portal.admin.support;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import org.opentrials.portal.domain.site.SiteContact;

/**
 * An email address a patient can write to: the same rule the site itself enforces (SiteContact).
 */
@FacesValidator("admin.email")
public class EmailValidator implements Validator<Object> {
  @Override
  public void validate(FacesContext faces, UIComponent component, Object value) {
    if (value != null && !value.toString().isBlank() && !SiteContact.isEmail(value.toString())) {
      throw new ValidatorException(Texts.error(faces, "validation.email"));
    }
  }
}
