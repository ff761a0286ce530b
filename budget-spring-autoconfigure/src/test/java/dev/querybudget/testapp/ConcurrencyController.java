package dev.querybudget.testapp;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import dev.querybudget.QueryBudget;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Endpoints that run a requested number of statements on the container thread and, for
 * all but {@code /sync}, the same number again on the thread the work is handed to. A
 * {@link TestComponent} so that only the tests that import it have these endpoints.
 * {@code /timeout} leaves its result unset, so that the container times it out.
 */
@TestComponent
@RestController
@RequestMapping("/concurrency")
@QueryBudget(max = 6)
class ConcurrencyController {

	static final String REQUEST_HEADER = "X-Request-Number";

	private final WitnessedStatements statements;

	private final AsyncTaskExecutor executor;

	ConcurrencyController(WitnessedStatements statements, AsyncTaskExecutor applicationTaskExecutor) {
		this.statements = statements;
		this.executor = applicationTaskExecutor;
	}

	@GetMapping("/sync")
	String sync(@RequestHeader(REQUEST_HEADER) int request, @RequestParam int n) {
		this.statements.run(request, n, 0);
		return "ok";
	}

	@GetMapping("/callable")
	Callable<String> callable(@RequestHeader(REQUEST_HEADER) int request, @RequestParam int n) {
		this.statements.run(request, n, 0);
		return () -> {
			this.statements.run(request, n, n);
			return "ok";
		};
	}

	@GetMapping("/deferred")
	DeferredResult<String> deferred(@RequestHeader(REQUEST_HEADER) int request, @RequestParam int n) {
		this.statements.run(request, n, 0);
		DeferredResult<String> result = new DeferredResult<>();
		this.executor.execute(() -> {
			try {
				this.statements.run(request, n, n);
				result.setResult("ok");
			}
			catch (RuntimeException ex) {
				result.setErrorResult(ex);
			}
		});
		return result;
	}

	@GetMapping("/timeout")
	DeferredResult<String> timeout(@RequestHeader(REQUEST_HEADER) int request, @RequestParam int n) {
		this.statements.run(request, n, 0);
		// Never set: the container times the request out, Spring MVC answers 503
		return new DeferredResult<>(50L);
	}

	@GetMapping("/future")
	CompletableFuture<String> future(@RequestHeader(REQUEST_HEADER) int request, @RequestParam int n) {
		this.statements.run(request, n, 0);
		return CompletableFuture.supplyAsync(() -> {
			this.statements.run(request, n, n);
			return "ok";
		}, this.executor);
	}

	@GetMapping("/async-method")
	String asyncMethod(@RequestHeader(REQUEST_HEADER) int request, @RequestParam int n) {
		this.statements.run(request, n, 0);
		return this.statements.runAsync(request, n, n).join();
	}

	@GetMapping("/async-method-future")
	CompletableFuture<String> asyncMethodFuture(@RequestHeader(REQUEST_HEADER) int request, @RequestParam int n) {
		this.statements.run(request, n, 0);
		return this.statements.runAsync(request, n, n);
	}

}
