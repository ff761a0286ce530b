package dev.querybudget.sample.user;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Finds and saves privacy settings.
 */
public interface PrivacySettingsRepository extends JpaRepository<PrivacySettings, Long> {

}
