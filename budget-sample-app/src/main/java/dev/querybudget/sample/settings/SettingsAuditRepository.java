package dev.querybudget.sample.settings;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stores settings audit entries.
 */
interface SettingsAuditRepository extends JpaRepository<SettingsAuditEntry, Long> {

}
