package org.opentrials.portal.domain.staff;

import java.util.Optional;

/** Where staff accounts are kept. Implemented with JPA in the services module. */
public interface StaffRepository {
  Optional<StaffAccount> findByUsername(String username);

  long count();

  long countByRole(Role role);

  /** Every account, by username. */
  java.util.List<StaffAccount> findAll();

  void add(StaffAccount account);
}
