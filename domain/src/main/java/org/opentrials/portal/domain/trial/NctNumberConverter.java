package org.opentrials.portal.domain.trial;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an {@link NctNumber} as its text. */
@Converter(autoApply = true)
public class NctNumberConverter implements AttributeConverter<NctNumber, String> {
  @Override
  public String convertToDatabaseColumn(NctNumber attribute) {
    return attribute == null ? null : attribute.value();
  }

  @Override
  public NctNumber convertToEntityAttribute(String dbData) {
    return dbData == null ? null : new NctNumber(dbData);
  }
}
