package dev.querybudget.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata that IDEs show for the {@code query-budget.*} properties, as
 * the annotation processor generated it from {@link QueryBudgetProperties} and the
 * additional metadata.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyHasADescription() throws IOException {
		List<Map<String, Object>> properties = metadata().read("$.properties[*]");
		assertThat(properties).filteredOn((property) -> property.get("name").toString().startsWith("query-budget."))
			.hasSizeGreaterThan(20)
			.allSatisfy((property) -> assertThat(property.get("description")).as("%s", property.get("name"))
				.asString()
				.isNotBlank());
	}

	@Test
	void dbTimeBucketsDefaultIsTheOneTheyBindTo() throws IOException {
		List<String> declared = metadata()
			.read("$.properties[?(@.name == 'query-budget.metrics.db-time-buckets')].defaultValue[*]");
		List<Duration> parsed = declared.stream().map(DurationStyle::detectAndParse).toList();
		assertThat(parsed).isEqualTo(new QueryBudgetProperties.Metrics().getDbTimeBuckets());
	}

	private static DocumentContext metadata() throws IOException {
		try (InputStream json = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return JsonPath.parse(json);
		}
	}

}
