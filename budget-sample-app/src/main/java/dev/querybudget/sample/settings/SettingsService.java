package dev.querybudget.sample.settings;

import java.time.Instant;

import dev.querybudget.sample.user.PrivacySettings;
import dev.querybudget.sample.user.PrivacySettingsRepository;
import dev.querybudget.sample.user.Profile;
import dev.querybudget.sample.user.ProfileRepository;
import dev.querybudget.sample.user.User;
import dev.querybudget.sample.user.UserRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Saves privacy settings with an audit entry, the careless way and the fixed way.
 */
@Service
class SettingsService {

	private static final String PRIVACY = "privacy";

	private final ProfileRepository profiles;

	private final PrivacySettingsRepository privacySettings;

	private final UserRepository users;

	private final SettingsAuditRepository audit;

	SettingsService(ProfileRepository profiles, PrivacySettingsRepository privacySettings, UserRepository users,
			SettingsAuditRepository audit) {
		this.profiles = profiles;
		this.privacySettings = privacySettings;
		this.users = users;
		this.audit = audit;
	}

	/**
	 * Without a transaction around it: the settings are loaded, changed while detached
	 * and saved with a merge, which selects them again before the update, and the user is
	 * looked up again for the audit entry.
	 */
	PrivacyView saveDetached(String username, PrivacyForm form) {
		Profile profile = this.profiles.findByUserUsername(username)
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
		PrivacySettings settings = this.privacySettings.findById(profile.getPrivacy().getId())
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
		Instant now = Instant.now();
		settings.change(form.showGamePassports(), form.showFollowers(), now);
		PrivacySettings saved = this.privacySettings.save(settings);
		User user = this.users.findByUsername(username).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
		this.audit.save(new SettingsAuditEntry(user, PRIVACY, now));
		return PrivacyView.of(saved);
	}

	/**
	 * The fix: one transaction; profile, user and settings in one statement; the change
	 * flushed by dirty checking; the loaded user reused for the audit entry.
	 */
	@Transactional
	PrivacyView save(String username, PrivacyForm form) {
		Profile profile = this.profiles.findWithUserAndPrivacyByUserUsername(username)
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
		Instant now = Instant.now();
		profile.getPrivacy().change(form.showGamePassports(), form.showFollowers(), now);
		this.audit.save(new SettingsAuditEntry(profile.getUser(), PRIVACY, now));
		return PrivacyView.of(profile.getPrivacy());
	}

}
