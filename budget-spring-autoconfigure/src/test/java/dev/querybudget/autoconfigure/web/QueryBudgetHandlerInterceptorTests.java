package dev.querybudget.autoconfigure.web;

import dev.querybudget.Budget;
import dev.querybudget.EnforcementMode;
import dev.querybudget.QueryBudget;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeKind;
import dev.querybudget.autoconfigure.BudgetResolver;
import dev.querybudget.autoconfigure.BudgetSource;
import dev.querybudget.autoconfigure.QueryBudgetProperties;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names and budgets given by {@link QueryBudgetHandlerInterceptor}, resolved once per
 * handler method.
 */
class QueryBudgetHandlerInterceptorTests {

	private final QueryBudgetTracker tracker = QueryBudgetTracker.create();

	private final QueryBudgetProperties properties = new QueryBudgetProperties();

	@Test
	void requestsToTheSameHandlerAndTemplateShareOneResolvedBudgetAndName() throws Exception {
		QueryBudgetHandlerInterceptor interceptor = new QueryBudgetHandlerInterceptor(
				new BudgetResolver(this.properties));
		AppliedBudget first = preHandle(interceptor, "GET", "/owners/{id}", "/owners/1", handler("owner"));
		AppliedBudget second = preHandle(interceptor, "GET", "/owners/{id}", "/owners/2", handler("owner"));
		assertThat(second).isSameAs(first);
		assertThat(first.name()).isEqualTo("GET /owners/{id}");
		assertThat(first.handler()).isEqualTo("Controller#owner");
		assertThat(first.resolved().budget().maxStatements()).isEqualTo(2);
		assertThat(first.resolved().source()).isEqualTo(BudgetSource.ANNOTATION);
		assertThat(first.engineMode()).isEqualTo(EnforcementMode.RECORD);
	}

	@Test
	void anotherTemplateOrHttpMethodOfTheSameHandlerGetsItsOwnName() throws Exception {
		QueryBudgetHandlerInterceptor interceptor = new QueryBudgetHandlerInterceptor(
				new BudgetResolver(this.properties));
		AppliedBudget get = preHandle(interceptor, "GET", "/owners/{id}", "/owners/1", handler("owner"));
		AppliedBudget head = preHandle(interceptor, "HEAD", "/owners/{id}", "/owners/1", handler("owner"));
		AppliedBudget other = preHandle(interceptor, "GET", "/people/{id}", "/people/1", handler("owner"));
		assertThat(get.name()).isEqualTo("GET /owners/{id}");
		assertThat(head.name()).isEqualTo("HEAD /owners/{id}");
		assertThat(other.name()).isEqualTo("GET /people/{id}");
		assertThat(interceptor.appliedBudgets()).containsOnlyKeys("GET /owners/{id}", "HEAD /owners/{id}",
				"GET /people/{id}");
	}

	@Test
	void endpointBudgetsOfAnUnannotatedHandlerAreStillMatchedAgainstThePathOfEachRequest() throws Exception {
		QueryBudgetProperties.BudgetProperties one = new QueryBudgetProperties.BudgetProperties();
		one.setMax(1);
		this.properties.getEndpoints().put("GET /pets/1", one);
		this.properties.getDefault().setMax(10);
		QueryBudgetHandlerInterceptor interceptor = new QueryBudgetHandlerInterceptor(
				new BudgetResolver(this.properties));
		AppliedBudget first = preHandle(interceptor, "GET", "/pets/{id}", "/pets/1", handler("pet"));
		AppliedBudget second = preHandle(interceptor, "GET", "/pets/{id}", "/pets/2", handler("pet"));
		assertThat(first.resolved().budget().maxStatements()).isEqualTo(1);
		assertThat(first.resolved().source()).isEqualTo(BudgetSource.PROPERTY);
		assertThat(second.resolved().budget().maxStatements()).isEqualTo(10);
		assertThat(second.resolved().source()).isEqualTo(BudgetSource.DEFAULT);
		assertThat(first.name()).isEqualTo(second.name()).isEqualTo("GET /pets/{id}");
	}

	@Test
	void aHandlerMethodInheritedByTwoControllersTakesTheBudgetOfEachControllerInTurn() throws Exception {
		QueryBudgetHandlerInterceptor interceptor = new QueryBudgetHandlerInterceptor(
				new BudgetResolver(this.properties));
		HandlerMethod strict = new HandlerMethod(new StrictController(), BaseController.class.getMethod("list"));
		HandlerMethod lenient = new HandlerMethod(new LenientController(), BaseController.class.getMethod("list"));
		for (int round = 0; round < 2; round++) {
			assertThat(preHandle(interceptor, "GET", "/strict", "/strict", strict).resolved().budget().maxStatements())
				.isEqualTo(1);
			assertThat(
					preHandle(interceptor, "GET", "/lenient", "/lenient", lenient).resolved().budget().maxStatements())
				.isEqualTo(50);
		}
		assertThat(preHandle(interceptor, "GET", "/strict", "/strict", strict).handler())
			.isEqualTo("StrictController#list");
	}

	private AppliedBudget preHandle(QueryBudgetHandlerInterceptor interceptor, String httpMethod, String template,
			String path, HandlerMethod handler) {
		MockHttpServletRequest request = new MockHttpServletRequest(httpMethod, path);
		request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, template);
		QueryScope scope = this.tracker.openDetached(ScopeKind.REQUEST, httpMethod, Budget.unlimited(),
				EnforcementMode.RECORD);
		ScopedRequest scoped = new ScopedRequest(scope);
		request.setAttribute(ScopedRequest.ATTRIBUTE, scoped);
		assertThat(interceptor.preHandle(request, new MockHttpServletResponse(), handler)).isTrue();
		AppliedBudget applied = scoped.applied();
		assertThat(applied).isNotNull();
		assertThat(scope.name()).isEqualTo(applied.name());
		assertThat(scope.budget()).isEqualTo(applied.resolved().budget());
		scope.close();
		return applied;
	}

	private static HandlerMethod handler(String name) throws NoSuchMethodException {
		// Spring MVC hands each request a new HandlerMethod with the bean resolved
		return new HandlerMethod(new Controller(), Controller.class.getMethod(name));
	}

	static class Controller {

		@QueryBudget(max = 2)
		public String owner() {
			return "owner";
		}

		public String pet() {
			return "pet";
		}

	}

	abstract static class BaseController {

		public String list() {
			return "list";
		}

	}

	@QueryBudget(max = 1)
	static class StrictController extends BaseController {

	}

	@QueryBudget(max = 50)
	static class LenientController extends BaseController {

	}

}
