package org.opentrials.portal.web.support;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.ResourceBundle;
import org.opentrials.portal.services.trials.RegistryDetails;
import org.opentrials.portal.services.trials.TrialPageView.InterventionView;

/** Formats values for people in their language: doses, distances, dates. */
@Named
@RequestScoped
public class Formats {
  private static final String SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

  private LocaleBacking locale;

  /** For the container's proxies only (see README, "Injection"). */
  protected Formats() {}

  @Inject
  public Formats(LocaleBacking locale) {
    this.locale = locale;
  }

  /** "1 × 10⁶ cells/kg": large round amounts in scientific notation, as the sponsor writes them. */
  public String dose(InterventionView intervention) {
    if (intervention == null || !intervention.hasDose()) {
      return "";
    }
    String amount = amount(intervention.doseAmount());
    String key = intervention.perKilogram() ? "format.dose.perKg" : "format.dose";
    return bundle().getString(key).replace("{0}", amount).replace("{1}", intervention.doseUnit());
  }

  String amount(BigDecimal value) {
    BigDecimal v = value.stripTrailingZeros();
    int exponent = v.precision() - v.scale() - 1;
    if (exponent >= 4 && v.scale() <= 0) {
      BigDecimal mantissa = v.movePointLeft(exponent).stripTrailingZeros();
      return NumberFormat.getInstance(locale.getLocale()).format(mantissa)
          + " × 10"
          + superscript(exponent);
    }
    return NumberFormat.getInstance(locale.getLocale()).format(v);
  }

  private static String superscript(int n) {
    StringBuilder sb = new StringBuilder();
    for (char c : Integer.toString(n).toCharArray()) {
      sb.append(SUPERSCRIPT.charAt(c - '0'));
    }
    return sb.toString();
  }

  /**
   * A site's name as a visitor reads it: the facility, or "Study site in Palo Alto" where the
   * sponsor has named only the city.
   */
  public String siteName(org.opentrials.portal.services.trials.SiteView site) {
    if (site == null) {
      return "";
    }
    if (site.facility() != null) {
      return site.name();
    }
    return bundle().getString("trial.locations.unnamed").replace("{0}", site.place());
  }

  /** A distance in whole miles (one decimal under 10), in the visitor's number format. */
  public String distance(Double value) {
    if (value == null) {
      return "";
    }
    NumberFormat nf = NumberFormat.getInstance(locale.getLocale());
    nf.setMaximumFractionDigits(value < 10 ? 1 : 0);
    return nf.format(value);
  }

  public String date(LocalDate date) {
    return date == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(locale.getLocale())
            .format(date);
  }

  /** "August 2025", for dates the sponsor gives to the month. */
  public String month(LocalDate date) {
    return date == null
        ? ""
        : DateTimeFormatter.ofPattern("LLLL yyyy", locale.getLocale()).format(date);
  }

  /**
   * A registry date at its own precision: "2020" for a year, "April 2020" for a month, the full
   * date for a day; "(estimated)" when the registry says so.
   */
  public String partialDate(RegistryDetails.PartialDate date) {
    if (date == null) {
      return "";
    }
    String text =
        switch (date.precision()) {
          case "YEAR" -> date.value();
          case "MONTH" -> month(YearMonth.parse(date.value()).atDay(1));
          default -> date(LocalDate.parse(date.value()));
        };
    return date.estimated()
        ? bundle().getString("trial.details.estimated").replace("{0}", text)
        : text;
  }

  /** Names joined by commas: "Dupixent, REGN668". */
  public String joined(List<String> items) {
    return items == null ? "" : String.join(", ", items);
  }

  /**
   * A registry enumeration value in words from the bundle ({@code prefix + value}); a value the
   * bundle does not know yet is shown as the registry writes it, without underscores.
   */
  public String label(String prefix, String value) {
    if (value == null) {
      return "";
    }
    ResourceBundle b = bundle();
    return b.containsKey(prefix + value) ? b.getString(prefix + value) : value.replace('_', ' ');
  }

  private ResourceBundle bundle() {
    return ResourceBundle.getBundle("org.opentrials.portal.web.messages", locale.getLocale());
  }
}
