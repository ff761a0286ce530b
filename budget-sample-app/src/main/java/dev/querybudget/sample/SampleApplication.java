package dev.querybudget.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Starts the sample: an esports platform whose endpoints reproduce the N+1 and duplicate
 * queries of real performance audits, each under {@code /naive} next to its fix under
 * {@code /fixed}.
 */
@SpringBootApplication
@EnableScheduling
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
