package dev.querybudget.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

final class SequentialConnectionIdManagerTests {

	private final SequentialConnectionIdManager ids = new SequentialConnectionIdManager();

	@Test
	void numbersConnectionsFromOneAsDatasourceProxyDoes() {
		assertThat(List.of(this.ids.getId(null), this.ids.getId(null), this.ids.getId(null))).containsExactly("1", "2",
				"3");
		this.ids.addClosedId("2");
		assertThat(this.ids.getId(null)).isEqualTo("4");
	}

	@Test
	void concurrentConnectionsGetDistinctIds() throws Exception {
		Set<String> seen = ConcurrentHashMap.newKeySet();
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> tasks = new ArrayList<>();
			for (int task = 0; task < 4; task++) {
				tasks.add(executor.submit(() -> {
					for (int i = 0; i < 10_000; i++) {
						seen.add(this.ids.getId(null));
					}
				}));
			}
			for (Future<?> task : tasks) {
				task.get();
			}
		}
		finally {
			executor.shutdown();
		}
		assertThat(seen).hasSize(40_000);
		assertThat(seen).contains("1", "40000");
	}

	@Test
	void openIdsAreNotKeptAndAskingForThemSaysSo() {
		this.ids.getId(null);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(this.ids::getOpenConnectionIds)
			.withMessageContaining("DefaultConnectionIdManager");
	}

}
