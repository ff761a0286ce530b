package dev.querybudget.testapp;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.cumulative.CumulativeDistributionSummary;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A meter registry that fails Query Budget's distribution summaries, on registration or
 * on every record, as a broken registry or backend would; every other meter works.
 */
final class FaultyMeterRegistry extends SimpleMeterRegistry {

	enum Fault {

		NONE, REGISTER, RECORD

	}

	private volatile Fault fault = Fault.NONE;

	void fail(Fault fault) {
		this.fault = fault;
	}

	@Override
	protected DistributionSummary newDistributionSummary(Meter.Id id,
			DistributionStatisticConfig distributionStatisticConfig, double scale) {
		Fault fault = this.fault;
		if (!id.getName().startsWith("query.budget.") || fault == Fault.NONE) {
			return super.newDistributionSummary(id, distributionStatisticConfig, scale);
		}
		if (fault == Fault.REGISTER) {
			throw new IllegalStateException("Registry refused " + id.getName());
		}
		return new CumulativeDistributionSummary(id, this.clock, distributionStatisticConfig, scale, false) {

			@Override
			protected void recordNonNegative(double amount) {
				throw new IllegalStateException("Registry failed to record " + id.getName());
			}

		};
	}

}
