package dev.querybudget.testapp;

import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Component
public class NightlyJob {

	private final OwnerRepository owners;

	private final PetRepository pets;

	public NightlyJob(OwnerRepository owners, PetRepository pets) {
		this.owners = owners;
		this.pets = pets;
	}

	@Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.DAYS)
	public void run() {
		this.owners.count();
		this.pets.count();
	}

}
