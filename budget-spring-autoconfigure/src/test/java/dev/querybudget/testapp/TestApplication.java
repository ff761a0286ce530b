package dev.querybudget.testapp;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableAsync
@EnableScheduling
public class TestApplication {

	@Bean
	CapturedReports capturedReports() {
		return new CapturedReports();
	}

	@Bean
	ApplicationRunner sampleData(OwnerRepository owners, PetRepository pets, JdbcTemplate jdbc) {
		return (args) -> {
			if (owners.count() == 0) {
				for (long id = 1; id <= 3; id++) {
					Owner owner = owners.save(new Owner(id, "owner-" + id));
					pets.save(new Pet(id * 10, "pet-" + id + "a", owner));
					pets.save(new Pet(id * 10 + 1, "pet-" + id + "b", owner));
				}
			}
		};
	}

}
