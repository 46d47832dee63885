package org.opentrials.portal.admin.support;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Texts from the administration's bundle (the same one pages read as #{i18n}), for Java code. */
public final class Texts {
  private static final String BUNDLE = "org.opentrials.portal.admin.messages";

  private Texts() {}

  public static String text(FacesContext faces, String key, Object... args) {
    String pattern =
        ResourceBundle.getBundle(BUNDLE, faces.getViewRoot().getLocale()).getString(key);
    return args.length == 0
        ? pattern
        : new MessageFormat(pattern, faces.getViewRoot().getLocale()).format(args);
  }

  public static FacesMessage error(FacesContext faces, String key, Object... args) {
    String text = text(faces, key, args);
    return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text);
  }

  public static FacesMessage info(FacesContext faces, String key, Object... args) {
    String text = text(faces, key, args);
    return new FacesMessage(FacesMessage.SEVERITY_INFO, text, text);
  }
}
