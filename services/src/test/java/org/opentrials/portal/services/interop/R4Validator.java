package org.opentrials.portal.services.interop;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * HAPI FHIR's instance validator against the R4 core structure definitions and code systems,
 * offline. Building it reads the whole R4 specification (a few seconds): make one per test class.
 */
public final class R4Validator {
  private final FhirValidator validator;

  public R4Validator() {
    FhirContext r4 = FhirContext.forR4Cached();
    ValidationSupportChain support =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(r4),
            new InMemoryTerminologyServerValidationSupport(r4),
            new CommonCodeSystemsTerminologyService(r4));
    validator = r4.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
  }

  /** Every message of the given severity or worse, as "severity location: message". */
  public List<String> messages(String json, ResultSeverityEnum atLeast) {
    return validator.validateWithResult(json).getMessages().stream()
        .filter(m -> m.getSeverity().ordinal() >= atLeast.ordinal())
        .map(R4Validator::describe)
        .toList();
  }

  public List<String> errors(String json) {
    return messages(json, ResultSeverityEnum.ERROR);
  }

  private static String describe(SingleValidationMessage m) {
    return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
  }
}
