package dev.querybudget.testapp;

import java.util.concurrent.CompletableFuture;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

@Component
public class AsyncCounter {

	private final PetRepository pets;

	public AsyncCounter(PetRepository pets) {
		this.pets = pets;
	}

	@Async
	public CompletableFuture<String> countPets() {
		return CompletableFuture.completedFuture(Thread.currentThread().getName() + ":" + this.pets.count());
	}

}
