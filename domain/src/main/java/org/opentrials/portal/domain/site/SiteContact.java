package org.opentrials.portal.domain.site;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.regex.Pattern;
import org.opentrials.portal.domain.shared.Require;

/** Whom a patient calls or writes to about a site: a name, a phone number and an email address. */
@Embeddable
public class SiteContact implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern PHONE =
      Pattern.compile("[+0-9 ()./-]{7,30}( ?(x|ext\\.?) ?\\d{1,6})?");

  /**
   * An address as mail systems write it (RFC 5321 dot-atom local part, LDH domain labels, a
   * letters-only or punycode top-level domain): no quotes, angle brackets, parentheses, spaces or
   * control characters, which no real contact address needs and markup injection does.
   */
  private static final Pattern EMAIL =
      Pattern.compile(
          "(?=.{6,254}$)(?=[^@]{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+([A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})");

  @Column(name = "contact_name", length = 200)
  private String name;

  @Column(name = "contact_phone", length = 40)
  private String phone;

  @Column(name = "contact_email", length = 254)
  private String email;

  protected SiteContact() {}

  public SiteContact(String name, String phone, String email) {
    this.name = Require.optionalText(name, "contact name", 200);
    this.phone = Require.optionalText(phone, "contact phone", 40);
    this.email = Require.optionalText(email, "contact email", 254);
    if (this.phone != null && !PHONE.matcher(this.phone).matches()) {
      throw new IllegalArgumentException("not a phone number: " + phone);
    }
    if (this.email != null && !EMAIL.matcher(this.email).matches()) {
      throw new IllegalArgumentException("not an email address: " + email);
    }
  }

  public static boolean isPhone(String text) {
    return text != null && PHONE.matcher(text.strip()).matches();
  }

  public static boolean isEmail(String text) {
    return text != null && EMAIL.matcher(text.strip()).matches();
  }

  public String name() {
    return name;
  }

  public String phone() {
    return phone;
  }

  public String email() {
    return email;
  }

  /** The phone number in the form a tel: link takes: digits and a leading plus only. */
  public String phoneForLink() {
    if (phone == null) {
      return null;
    }
    String main = phone.split("(?i)\\s*(x|ext\\.?)\\s*\\d")[0];
    return main.replaceAll("[^+0-9]", "");
  }
}
