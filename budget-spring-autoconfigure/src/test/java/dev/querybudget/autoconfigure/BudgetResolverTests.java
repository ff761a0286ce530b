package dev.querybudget.autoconfigure;

import java.lang.reflect.Method;
import java.util.List;

import dev.querybudget.EnforcementMode;
import dev.querybudget.QueryBudget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precedence, matching and forced modes of {@link BudgetResolver}.
 */
class BudgetResolverTests {

	private final QueryBudgetProperties properties = new QueryBudgetProperties();

	@Test
	void methodAnnotationWinsOverClassAnnotation() throws Exception {
		BudgetResolver resolver = new BudgetResolver(this.properties);
		ResolvedBudget onMethod = resolver.annotated(Annotated.class.getMethod("method"), Annotated.class);
		ResolvedBudget onClass = resolver.annotated(Annotated.class.getMethod("inherited"), Annotated.class);
		assertThat(onMethod.budget().maxStatements()).isEqualTo(3);
		assertThat(onMethod.mode()).isEqualTo(EnforcementMode.FAIL);
		assertThat(onMethod.origin()).isEqualTo(Annotated.class.getName() + "#method");
		assertThat(onClass.budget().maxStatements()).isEqualTo(7);
		assertThat(onClass.origin()).isEqualTo(Annotated.class.getName());
		assertThat(onClass.source()).isEqualTo(BudgetSource.ANNOTATION);
	}

	@Test
	void forcedModeReplacesTheModeOfEveryBudget() throws Exception {
		this.properties.setMode(EnforcementMode.RECORD);
		this.properties.getEndpoints().put("GET /admin/**", budget(5, EnforcementMode.FAIL));
		BudgetResolver resolver = new BudgetResolver(this.properties);
		Method method = Annotated.class.getMethod("method");
		assertThat(resolver.annotated(method, Annotated.class).mode()).isEqualTo(EnforcementMode.RECORD);
		assertThat(resolver.endpoint("GET", "/admin/users", "/admin/users").mode()).isEqualTo(EnforcementMode.RECORD);
		assertThat(resolver.defaultBudget().mode()).isEqualTo(EnforcementMode.RECORD);
		assertThat(resolver.unlimited("job").mode()).isEqualTo(EnforcementMode.RECORD);
	}

	@Test
	void propertyBudgetsDefaultToLogMode() {
		this.properties.getEndpoints().put("GET /admin/**", budget(5, null));
		BudgetResolver resolver = new BudgetResolver(this.properties);
		assertThat(resolver.endpoint("GET", "/admin/{id}", "/admin/1").mode()).isEqualTo(EnforcementMode.LOG);
		assertThat(resolver.unlimited("job").mode()).isEqualTo(EnforcementMode.RECORD);
	}

	@Test
	void firstMatchingEndpointEntryWinsAndMethodlessKeysMatchEveryMethod() {
		this.properties.getEndpoints().put("GET /owners/{id}", budget(1, null));
		this.properties.getEndpoints().put("/owners/**", budget(2, null));
		BudgetResolver resolver = new BudgetResolver(this.properties);
		assertThat(resolver.endpoint("GET", "/owners/{id}", "/owners/7").budget().maxStatements()).isEqualTo(1);
		assertThat(resolver.endpoint("POST", "/owners/{id}", "/owners/7").budget().maxStatements()).isEqualTo(2);
		assertThat(resolver.endpoint("get", "/pets", "/pets")).isNull();
		assertThat(resolver.endpointKeys()).containsExactly("GET /owners/{id}", "/owners/**");
	}

	@Test
	void endpointKeyMatchesHandlerMappingsByMethodAndTemplate() {
		BudgetResolver resolver = new BudgetResolver(this.properties);
		assertThat(resolver.endpointKeyMatches("GET /admin/**", List.of("GET"), "/admin/users/{id}")).isTrue();
		assertThat(resolver.endpointKeyMatches("GET /admin/**", List.of(), "/admin/users")).isTrue();
		assertThat(resolver.endpointKeyMatches("POST /admin/**", List.of("GET"), "/admin/users")).isFalse();
		assertThat(resolver.endpointKeyMatches("GET /owners/{id}", List.of("GET"), "/owners/{id}")).isTrue();
	}

	private static QueryBudgetProperties.BudgetProperties budget(int max, EnforcementMode mode) {
		QueryBudgetProperties.BudgetProperties budget = new QueryBudgetProperties.BudgetProperties();
		budget.setMax(max);
		budget.setMode(mode);
		return budget;
	}

	@QueryBudget(max = 7)
	static class Annotated {

		@QueryBudget(max = 3, mode = EnforcementMode.FAIL)
		public void method() {
		}

		public void inherited() {
		}

	}

}
