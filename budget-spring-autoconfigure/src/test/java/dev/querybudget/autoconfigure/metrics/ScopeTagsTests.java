package dev.querybudget.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.querybudget.Budget;
import dev.querybudget.ScopeKind;
import dev.querybudget.ScopeReport;
import dev.querybudget.Verdict;
import dev.querybudget.autoconfigure.RequestOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tag values stay bounded whatever a client sends.
 */
class ScopeTagsTests {

	@Test
	void requestIsTaggedByItsTemplateMethodAndStatus() {
		assertThat(ScopeTags.of(report(ScopeKind.REQUEST, "GET /owners/{id}"),
				new RequestOutcome("GET", "/owners/{id}", 200)))
			.isEqualTo(new ScopeTags("request", "GET /owners/{id}", "GET", "/owners/{id}", "200", "SUCCESS"));
	}

	@Test
	void handledRequestIsTaggedWithItsScopeNameWithoutBuildingItAgain() {
		String name = "GET /owners/{id}";
		assertThat(
				ScopeTags.of(report(ScopeKind.REQUEST, name), new RequestOutcome("GET", "/owners/{id}", 200)).scope())
			.isSameAs(name);
	}

	@Test
	void requestScopeNamedOtherwiseIsTaggedByItsMethodAndTemplate() {
		assertThat(ScopeTags
			.of(report(ScopeKind.REQUEST, "GET /owners/17"), new RequestOutcome("GET", "/owners/{id}", 200))
			.scope()).isEqualTo("GET /owners/{id}");
		assertThat(ScopeTags.of(report(ScopeKind.REQUEST, "GETX/owners"), new RequestOutcome("GET", "/owners", 200))
			.scope()).isEqualTo("GET /owners");
		assertThat(ScopeTags.of(report(ScopeKind.REQUEST, "GET /ownerz"), new RequestOutcome("GET", "/owners", 200))
			.scope()).isEqualTo("GET /owners");
		assertThat(ScopeTags.of(report(ScopeKind.REQUEST, "PUT /owners"), new RequestOutcome("GET", "/owners", 200))
			.scope()).isEqualTo("GET /owners");
	}

	@Test
	void everyHttpStatusIsTaggedWithItsCode() {
		for (int status = 100; status < 600; status++) {
			assertThat(
					ScopeTags.of(report(ScopeKind.REQUEST, "GET /x"), new RequestOutcome("GET", "/x", status)).status())
				.isEqualTo(Integer.toString(status));
		}
		assertThat(ScopeTags.of(report(ScopeKind.REQUEST, "GET /x"), new RequestOutcome("GET", "/x", 600)).status())
			.isEqualTo("UNKNOWN");
	}

	@Test
	void madeUpMethodAndUnmatchedPathAreTaggedWithFixedValues() {
		assertThat(ScopeTags.of(report(ScopeKind.REQUEST, "VERB42"), new RequestOutcome("VERB42", null, 404)))
			.isEqualTo(new ScopeTags("request", "UNKNOWN NOT_FOUND", "UNKNOWN", "NOT_FOUND", "404", "CLIENT_ERROR"));
		assertThat(ScopeTags.of(report(ScopeKind.REQUEST, "GET"), new RequestOutcome("GET", null, 302)).uri())
			.isEqualTo("REDIRECTION");
	}

	@Test
	void unknownStatusIsTaggedUnknown() {
		ScopeTags tags = ScopeTags.of(report(ScopeKind.REQUEST, "GET /x"), new RequestOutcome("GET", "/x", 0));
		assertThat(tags.status()).isEqualTo("UNKNOWN");
		assertThat(tags.outcome()).isEqualTo("UNKNOWN");
	}

	@Test
	void requestClosedOutsideTheFilterIsTaggedUnknown() {
		assertThat(ScopeTags.of(report(ScopeKind.REQUEST, "GET /owners/17"), null))
			.isEqualTo(new ScopeTags("request", "UNKNOWN", "UNKNOWN", "UNKNOWN", "UNKNOWN", "UNKNOWN"));
	}

	@Test
	void jobIsTaggedByItsNameAndNoHttpValues() {
		assertThat(ScopeTags.of(report(ScopeKind.JOB, "NightlyJob#run"), new RequestOutcome("GET", "/x", 200)))
			.isEqualTo(new ScopeTags("job", "NightlyJob#run", "NONE", "NONE", "NONE", "NONE"));
	}

	@Test
	void tagsAreEqualByValueAndDifferWhenAnyValueDiffers() {
		String[] values = { "request", "GET /x", "GET", "/x", "200", "SUCCESS" };
		ScopeTags tags = tags(values);
		ScopeTags copy = tags(copies(values));
		assertThat(copy).isEqualTo(tags).hasSameHashCodeAs(tags);
		for (int i = 0; i < values.length; i++) {
			String[] other = copies(values);
			other[i] = other[i] + "'";
			assertThat(tags(other)).isNotEqualTo(tags);
		}
		assertThat(tags).isNotEqualTo(null).isNotEqualTo(values[1]);
	}

	@Test
	void standardMethodIsTaggedWithOneSharedString() {
		String method = new String("DELETE");
		assertThat(ScopeTags.of(report(ScopeKind.REQUEST, "DELETE /x"), new RequestOutcome(method, "/x", 204)).method())
			.isEqualTo("DELETE")
			.isNotSameAs(method);
	}

	private static ScopeTags tags(String[] values) {
		return new ScopeTags(values[0], values[1], values[2], values[3], values[4], values[5]);
	}

	private static String[] copies(String[] values) {
		String[] copies = new String[values.length];
		for (int i = 0; i < values.length; i++) {
			copies[i] = new String(values[i]);
		}
		return copies;
	}

	private static ScopeReport report(ScopeKind kind, String name) {
		return new ScopeReport(kind, name, Budget.unlimited(), 0, Map.of(), 0, 0, 0, 0, 0, Duration.ZERO, List.of(), 0,
				false, Verdict.WITHIN, List.of());
	}

}
