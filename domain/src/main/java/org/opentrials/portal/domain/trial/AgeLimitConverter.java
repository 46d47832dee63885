package org.opentrials.portal.domain.trial;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an {@link AgeLimit} in the registry's form ("18 Years"). */
@Converter(autoApply = true)
public class AgeLimitConverter implements AttributeConverter<AgeLimit, String> {
  @Override
  public String convertToDatabaseColumn(AgeLimit attribute) {
    return attribute == null ? null : attribute.registryText();
  }

  @Override
  public AgeLimit convertToEntityAttribute(String dbData) {
    return dbData == null ? null : AgeLimit.parse(dbData);
  }
}
