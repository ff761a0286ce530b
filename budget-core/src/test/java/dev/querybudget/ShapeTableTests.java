package dev.querybudget;

import java.util.ArrayList;
import java.util.List;

import dev.querybudget.sql.SqlDialect;
import dev.querybudget.sql.SqlFingerprinter;
import dev.querybudget.sql.StatementFingerprint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ShapeTable}.
 */
class ShapeTableTests {

	private final SqlFingerprinter fingerprinter = SqlFingerprinter.create();

	@ParameterizedTest
	@ValueSource(ints = { 1, ShapeTable.SCAN_LIMIT, ShapeTable.SCAN_LIMIT + 1, 100 })
	void findsEveryShapeByItsFingerprintAndKeepsTheOrderTheyWereFirstSeenIn(int count) {
		ShapeTable table = new ShapeTable();
		List<Shape> added = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Shape shape = new Shape(fingerprint("select c" + i + " from t where id = ?"));
			table.add(shape);
			added.add(shape);
		}
		assertThat(table.size()).isEqualTo(count);
		for (int i = 0; i < count; i++) {
			// The same shape from another string with the same text: found by its hash
			assertThat(table.get(fingerprint(new String("select c" + i + " from t where id = 42"))))
				.isSameAs(added.get(i));
			assertThat(table.get(i)).isSameAs(added.get(i));
		}
		assertThat(table.get(fingerprint("select other from t"))).isNull();
	}

	@ParameterizedTest
	@ValueSource(ints = { ShapeTable.SCAN_LIMIT, ShapeTable.SCAN_LIMIT + 1 })
	void findsShapesAddedAfterTheFirstLookups(int before) {
		ShapeTable table = new ShapeTable();
		for (int i = 0; i < before; i++) {
			table.add(new Shape(fingerprint("select c" + i + " from t")));
		}
		StatementFingerprint later = fingerprint("select later from t");
		assertThat(table.get(later)).isNull();
		Shape shape = new Shape(later);
		table.add(shape);
		assertThat(table.get(later)).isSameAs(shape);
		assertThat(table.get(before)).isSameAs(shape);
	}

	private StatementFingerprint fingerprint(String sql) {
		return this.fingerprinter.fingerprint(sql, SqlDialect.POSTGRESQL);
	}

}
