package dev.querybudget.sample.settings;

import dev.querybudget.QueryBudget;

import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Saving the privacy settings, with the audit's budget of 5 statements per save.
 */
@RestController
class SettingsController {

	private final SettingsService service;

	SettingsController(SettingsService service) {
		this.service = service;
	}

	@PutMapping("/naive/settings/privacy")
	@QueryBudget(max = 5)
	PrivacyView savePrivacyNaive(@RequestHeader("X-User") String username, @RequestBody PrivacyForm form) {
		return this.service.saveDetached(username, form);
	}

	@PutMapping("/fixed/settings/privacy")
	@QueryBudget(max = 5)
	PrivacyView savePrivacy(@RequestHeader("X-User") String username, @RequestBody PrivacyForm form) {
		return this.service.save(username, form);
	}

}
