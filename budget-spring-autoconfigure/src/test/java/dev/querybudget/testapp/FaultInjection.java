package dev.querybudget.testapp;

import dev.querybudget.autoconfigure.QueryBudgetCustomizer;

import org.springframework.context.annotation.Bean;

/**
 * Extra beans of the fault tests: a meter registry that can be made to fail, and a
 * listener the customizer adds after every other, so that it shows whether listeners
 * after a failing one still see each scope. Registered explicitly (no stereotype), so
 * that component scanning of the test application never picks it up.
 */
class FaultInjection {

	private final CapturedReports lastListener = new CapturedReports();

	@Bean
	FaultyMeterRegistry faultyMeterRegistry() {
		return new FaultyMeterRegistry();
	}

	@Bean
	QueryBudgetCustomizer lastListenerCustomizer() {
		return (settings) -> settings.addListener(this.lastListener);
	}

	CapturedReports lastListener() {
		return this.lastListener;
	}

}
