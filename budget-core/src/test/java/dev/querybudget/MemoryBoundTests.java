package dev.querybudget;

import dev.querybudget.sql.FingerprintSettings;
import dev.querybudget.sql.SqlFingerprinter;
import dev.querybudget.testing.MeasuredJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jol.info.GraphLayout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a scope keeps in memory when a job misbehaves: a million statements of distinct
 * shapes, a million parameter sets of one shape, a 10 MB statement. The statements go
 * through the datasource-proxy listener, and the bytes a scope retains (its object graph
 * less the tracker's) are measured with JOL and held to bounds derived from the
 * configured caps: past a cap, memory stops growing.
 */
class MemoryBoundTests {

	private static final int MILLION = 1_000_000;

	@ParameterizedTest(name = "maxFingerprintsPerScope={0}")
	@ValueSource(ints = { 16, TrackerSettings.DEFAULT_MAX_FINGERPRINTS_PER_SCOPE })
	void aMillionStatementsOfDistinctShapesStayWithinTheShapeCapAndItsMemory(int cap) {
		MeasuredJob job = new MeasuredJob(
				TrackerSettings.builder().maxFingerprintsPerScope(cap).fingerprinter(uncached()).build());
		long empty = job.retained();
		job.run(0, 1, (i) -> distinctShape(i), (i) -> 0);
		long perShape = job.retained() - empty;
		job.run(1, cap, (i) -> distinctShape(i), (i) -> 0);
		long atCap = job.retained();
		job.run(cap, MILLION, (i) -> distinctShape(i), (i) -> 0);
		long pastCap = job.retained();
		ScopeReport report = job.close();
		assertThat(report.statementCount()).isEqualTo(MILLION);
		assertThat(report.fingerprints()).hasSize(cap);
		assertThat(report.overflowCount()).isEqualTo(MILLION - cap);
		assertThat(report.format())
			.contains("overflow: " + (MILLION - cap) + " statements of shapes beyond the per-scope cap");
		// a shape's entry costs what the first one did, give or take the map's table
		assertThat(atCap).isLessThanOrEqualTo(empty + cap * perShape * 5 / 4);
		assertThat(pastCap).as("bytes retained after %d shapes past the cap", MILLION - cap).isLessThanOrEqualTo(atCap);
	}

	@Test
	void aMillionParameterSetsOfOneShapeStayWithinTheParameterSetCapAndItsMemory() {
		int cap = TrackerSettings.DEFAULT_MAX_PARAMETER_SETS_PER_FINGERPRINT;
		MeasuredJob job = new MeasuredJob(TrackerSettings.builder().fingerprinter(uncached()).build());
		job.run(0, 1, (i) -> "select * from item where id = ?", (i) -> i);
		long oneSet = job.retained();
		job.run(1, cap, (i) -> "select * from item where id = ?", (i) -> i);
		long atCap = job.retained();
		job.run(cap, MILLION, (i) -> "select * from item where id = ?", (i) -> i);
		long pastCap = job.retained();
		ScopeReport report = job.close();
		FingerprintCount shape = report.fingerprints().get(0);
		assertThat(shape.executions()).isEqualTo(MILLION);
		assertThat(shape.distinctParameterSets()).isEqualTo(cap);
		assertThat(shape.parameterSetsCapped()).isTrue();
		// a parameter set is a long in a hash set that stays at most half full and
		// doubles: at most four slots of eight bytes each
		assertThat(atCap - oneSet).isLessThanOrEqualTo(32L * cap);
		assertThat(pastCap).as("bytes retained after %d parameter sets past the cap", MILLION - cap)
			.isLessThanOrEqualTo(atCap);
	}

	@Test
	void aTenMegabyteStatementIsCountedAndRetainedAsItsPrefixOnly() {
		FingerprintSettings fingerprinting = FingerprintSettings.ofDefaults();
		SqlFingerprinter fingerprinter = SqlFingerprinter.create(fingerprinting);
		MeasuredJob job = new MeasuredJob(TrackerSettings.builder().fingerprinter(fingerprinter).build());
		String huge = "select * from item where id in (" + "?,".repeat(5 * 1024 * 1024) + "?)";
		long empty = job.retained();
		job.run(0, 1, (i) -> "select * from item where id = ?", (i) -> 0);
		long oneShape = job.retained() - empty;
		long cache = GraphLayout.parseInstance(fingerprinter).totalSize();
		job.run(0, 1, (i) -> huge, (i) -> 0);
		long bytes = job.retained() - empty - oneShape;
		ScopeReport report = job.close();
		assertThat(report.statementCount()).isEqualTo(2);
		FingerprintCount shape = MeasuredJob.truncatedShape(report);
		assertThat(shape.fingerprint().sqlLength()).isEqualTo(huge.length());
		// the shape of a short statement plus at most maxSqlLength characters of two
		// bytes
		assertThat(bytes).as("bytes retained by the scope for a %d character statement", huge.length())
			.isLessThanOrEqualTo(oneShape + 2L * fingerprinting.maxSqlLength());
		assertThat(GraphLayout.parseInstance(fingerprinter).totalSize())
			.as("bytes retained by the fingerprint cache after a statement longer than maxCachedSqlLength")
			.isEqualTo(cache);
	}

	private static SqlFingerprinter uncached() {
		// no cache: every fingerprint the scope holds is its own, so its bytes count
		return SqlFingerprinter.create(new FingerprintSettings(64 * 1024, 0, 0));
	}

	private static String distinctShape(int i) {
		return "select c" + i + " from item where id = ?";
	}

}
