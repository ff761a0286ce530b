package dev.querybudget.testapp;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import dev.querybudget.EnforcementMode;
import dev.querybudget.QueryBudget;
import dev.querybudget.testing.UnhashableParameter;

import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

@RestController
public class OwnerController {

	private final OwnerRepository owners;

	private final PetRepository pets;

	private final OwnerService service;

	private final AsyncCounter asyncCounter;

	private final AsyncTaskExecutor executor;

	private final JdbcTemplate jdbc;

	public OwnerController(OwnerRepository owners, PetRepository pets, OwnerService service, AsyncCounter asyncCounter,
			AsyncTaskExecutor applicationTaskExecutor, JdbcTemplate jdbc) {
		this.owners = owners;
		this.pets = pets;
		this.service = service;
		this.asyncCounter = asyncCounter;
		this.executor = applicationTaskExecutor;
		this.jdbc = jdbc;
	}

	@GetMapping("/owners/{id}")
	@QueryBudget(max = 2)
	public String owner(@PathVariable long id) {
		return this.owners.findById(id).map(Owner::getName).orElse("none");
	}

	@GetMapping("/owners/{id}/name")
	@ReadOnlyBudget
	public String ownerName(@PathVariable long id) {
		this.owners.findById(id);
		return this.owners.findById(id).map(Owner::getName).orElse("none");
	}

	@GetMapping("/owners/pets")
	@QueryBudget(max = 2)
	public List<String> pets() {
		return this.service.petNamesOneByOne();
	}

	@GetMapping("/owners/pets/strict")
	@QueryBudget(max = 2, mode = EnforcementMode.FAIL)
	public List<String> petsStrict() {
		return this.service.petNamesOneByOne();
	}

	@GetMapping("/owners/pets/fail-fast")
	@QueryBudget(max = 2, mode = EnforcementMode.FAIL_FAST)
	public List<String> petsFailFast() {
		return this.service.petNamesOneByOne();
	}

	@GetMapping("/owners/summary")
	@QueryBudget(max = 3)
	public String summary() {
		return this.service.summary() + "/" + this.pets.count();
	}

	@GetMapping("/admin/owners/count")
	public long adminCount() {
		return this.owners.count();
	}

	@GetMapping("/pets/count")
	public long petCount() {
		return this.pets.count();
	}

	@GetMapping("/async/callable")
	@QueryBudget(max = 2)
	public Callable<String> callable() {
		this.owners.count();
		return () -> Thread.currentThread().getName() + ":" + this.pets.count();
	}

	@GetMapping("/async/deferred")
	@QueryBudget(max = 2)
	public DeferredResult<String> deferred() {
		DeferredResult<String> result = new DeferredResult<>();
		this.executor.execute(() -> result.setResult(Thread.currentThread().getName() + ":" + this.pets.count()));
		return result;
	}

	@GetMapping("/async/timeout")
	@QueryBudget(max = 1)
	public DeferredResult<String> timeout() {
		this.owners.count();
		this.pets.count();
		return new DeferredResult<>(100L);
	}

	@GetMapping("/async/timeout/strict")
	@QueryBudget(max = 1, mode = EnforcementMode.FAIL)
	public DeferredResult<String> strictTimeout() {
		return timeout();
	}

	@GetMapping("/async/future")
	@QueryBudget(max = 2)
	public CompletableFuture<String> future() {
		return CompletableFuture.supplyAsync(() -> Thread.currentThread().getName() + ":" + this.pets.count(),
				this.executor);
	}

	@GetMapping("/async/annotated")
	@QueryBudget(max = 2)
	public String asyncAnnotated() {
		return this.asyncCounter.countPets().join() + "/" + this.owners.count();
	}

	@GetMapping("/fault")
	public long fault() {
		this.jdbc.update("insert into qb_fault_probe (v) values (?)", new UnhashableParameter("exploding-hash"));
		return this.pets.count();
	}

}
