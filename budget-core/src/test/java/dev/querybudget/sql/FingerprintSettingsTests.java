package dev.querybudget.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link FingerprintSettings} and {@link SqlDialect}.
 */
class FingerprintSettingsTests {

	@Test
	void hasBoundedDefaults() {
		FingerprintSettings settings = FingerprintSettings.ofDefaults();
		assertThat(settings.maxSqlLength()).isEqualTo(64 * 1024);
		assertThat(settings.cacheCapacity()).isEqualTo(2048);
		assertThat(settings.maxCachedSqlLength()).isEqualTo(4 * 1024);
	}

	@Test
	void rejectsInvalidLimits() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FingerprintSettings(0, 1, 1))
			.withMessageContaining("'maxSqlLength'");
		assertThatIllegalArgumentException().isThrownBy(() -> new FingerprintSettings(1, -1, 1))
			.withMessageContaining("'cacheCapacity'");
		assertThatIllegalArgumentException().isThrownBy(() -> new FingerprintSettings(1, 1, -1))
			.withMessageContaining("'maxCachedSqlLength'");
	}

	@Test
	void mapsJdbcProductNamesToDialects() {
		assertThat(SqlDialect.fromProductName("PostgreSQL")).isEqualTo(SqlDialect.POSTGRESQL);
		assertThat(SqlDialect.fromProductName("MySQL")).isEqualTo(SqlDialect.MYSQL);
		assertThat(SqlDialect.fromProductName("MariaDB")).isEqualTo(SqlDialect.MYSQL);
		assertThat(SqlDialect.fromProductName("H2")).isEqualTo(SqlDialect.H2);
		assertThat(SqlDialect.fromProductName("Oracle")).isEqualTo(SqlDialect.GENERIC);
		assertThat(SqlDialect.fromProductName(null)).isEqualTo(SqlDialect.GENERIC);
	}

}
