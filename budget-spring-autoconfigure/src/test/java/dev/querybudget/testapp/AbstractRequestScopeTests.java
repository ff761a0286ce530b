package dev.querybudget.testapp;

import java.util.ArrayList;

import dev.querybudget.EnforcementMode;
import dev.querybudget.QueryBudgetExceededException;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.ScopeKind;
import dev.querybudget.ScopeReport;
import dev.querybudget.Verdict;
import dev.querybudget.autoconfigure.BudgetSource;
import dev.querybudget.autoconfigure.web.QueryBudgetHandlerInterceptor;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Request, method and job scopes of the test application through MockMvc, with exact
 * statement counts. Subclasses choose the database.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractRequestScopeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CapturedReports reports;

	@Autowired
	QueryBudgetTracker tracker;

	@Autowired
	QueryBudgetHandlerInterceptor interceptor;

	@Autowired
	NightlyJob nightlyJob;

	@BeforeEach
	void clearReports() {
		this.reports.clear();
	}

	@AfterEach
	void noScopeIsLeftOnTheTestThread() {
		assertThat(this.tracker.current()).isNull();
	}

	@Test
	void annotatedEndpointIsNamedAfterItsUriTemplateAndCountsExactlyItsStatements() throws Exception {
		this.mvc.perform(get("/owners/1")).andExpect(status().isOk()).andExpect(content().string("owner-1"));
		ScopeReport report = this.reports.only("GET /owners/{id}");
		assertThat(report.kind()).isEqualTo(ScopeKind.REQUEST);
		assertThat(report.statementCount()).isEqualTo(1);
		assertThat(report.budget().maxStatements()).isEqualTo(2);
		assertThat(report.verdict()).isEqualTo(Verdict.WITHIN);
		assertThat(this.interceptor.appliedBudgets().get("GET /owners/{id}").source())
			.isEqualTo(BudgetSource.ANNOTATION);
	}

	@Test
	void metaAnnotatedBudgetApplies() throws Exception {
		this.mvc.perform(get("/owners/2/name")).andExpect(status().isOk());
		ScopeReport report = this.reports.only("GET /owners/{id}/name");
		assertThat(report.budget().maxStatements()).isEqualTo(1);
		assertThat(report.budget().maxDuplicates()).isZero();
		assertThat(report.statementCount()).isEqualTo(2);
		assertThat(report.duplicateCount()).isEqualTo(1);
		assertThat(report.verdict()).isEqualTo(Verdict.OVER);
	}

	@Test
	void endpointPropertyBudgetAppliesToHandlersWithoutAnnotation() throws Exception {
		this.mvc.perform(get("/admin/owners/count")).andExpect(status().isOk()).andExpect(content().string("3"));
		ScopeReport report = this.reports.only("GET /admin/owners/count");
		assertThat(report.statementCount()).isEqualTo(1);
		assertThat(report.budget().maxStatements()).isEqualTo(5);
		assertThat(this.interceptor.appliedBudgets().get("GET /admin/owners/count").origin())
			.isEqualTo("query-budget.endpoints[GET /admin/**]");
		assertThat(this.interceptor.appliedBudgets().get("GET /admin/owners/count").source())
			.isEqualTo(BudgetSource.PROPERTY);
	}

	@Test
	void defaultBudgetAppliesToEverythingElse() throws Exception {
		this.mvc.perform(get("/pets/count")).andExpect(status().isOk()).andExpect(content().string("6"));
		ScopeReport report = this.reports.only("GET /pets/count");
		assertThat(report.statementCount()).isEqualTo(1);
		assertThat(report.budget().maxStatements()).isEqualTo(10);
		assertThat(this.interceptor.appliedBudgets().get("GET /pets/count").source()).isEqualTo(BudgetSource.DEFAULT);
	}

	@Test
	void logModeWarnsOncePerBreachingRequestNamingHandlerBudgetAndCallSite(CapturedOutput output) throws Exception {
		this.mvc.perform(get("/owners/pets")).andExpect(status().isOk());
		ScopeReport report = this.reports.only("GET /owners/pets");
		assertThat(report.statementCount()).isEqualTo(4);
		assertThat(report.nPlusOneSuspects()).hasSize(1);
		String warning = "Request GET /owners/pets broke its query budget (handler OwnerController#pets;"
				+ " budget from ANNOTATION dev.querybudget.testapp.OwnerController#pets)";
		assertThat(output.getOut().split(java.util.regex.Pattern.quote(warning), -1)).hasSize(2);
		assertThat(output.getOut()).contains("Scope 'GET /owners/pets' executed 4 statements, budget is 2")
			.contains("N+1 suspect: 3 executions of")
			.contains("at dev.querybudget.testapp.OwnerService.petNamesOneByOne(OwnerService.java:");
	}

	@Test
	void requestWithinBudgetLogsNothing(CapturedOutput output) throws Exception {
		this.mvc.perform(get("/owners/1")).andExpect(status().isOk());
		assertThat(output.getOut()).doesNotContain("broke its query budget");
	}

	@Test
	void failModeThrowsTheReportToTheTest() {
		Throwable thrown = catchThrowable(() -> this.mvc.perform(get("/owners/pets/strict")));
		assertThat(thrown).isInstanceOf(QueryBudgetExceededException.class);
		ScopeReport report = ((QueryBudgetExceededException) thrown).report();
		assertThat(report.name()).isEqualTo("GET /owners/pets/strict");
		assertThat(report.statementCount()).isEqualTo(4);
		assertThat(thrown).hasMessageContaining("Scope 'GET /owners/pets/strict' executed 4 statements, budget is 2");
	}

	@Test
	void failFastModeRejectsTheStatementOverBudgetBeforeItRuns() {
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> this.mvc.perform(get("/owners/pets/fail-fast")))
			.havingRootCause()
			.isInstanceOf(QueryBudgetExceededException.class);
		ScopeReport report = this.reports.only("GET /owners/pets/fail-fast");
		assertThat(report.statementCount()).isEqualTo(2);
		assertThat(report.rejectedStatementCount()).isEqualTo(1);
	}

	@Test
	void callableStatementsCountForTheRequestAndTheScopeClosesAfterAsyncCompletion() throws Exception {
		MvcResult started = this.mvc.perform(get("/async/callable")).andExpect(request().asyncStarted()).andReturn();
		started.getAsyncResult();
		assertThat(this.reports.all()).extracting(ScopeReport::name).doesNotContain("GET /async/callable");
		this.mvc.perform(asyncDispatch(started)).andExpect(status().isOk());
		ScopeReport report = this.reports.only("GET /async/callable");
		assertThat(report.statementCount()).isEqualTo(2);
		assertThat(report.budget().maxStatements()).isEqualTo(2);
	}

	@Test
	void deferredResultCompletedOnAnExecutorCountsForTheRequest() throws Exception {
		MvcResult started = this.mvc.perform(get("/async/deferred")).andExpect(request().asyncStarted()).andReturn();
		started.getAsyncResult();
		this.mvc.perform(asyncDispatch(started)).andExpect(status().isOk());
		assertThat(this.reports.only("GET /async/deferred").statementCount()).isEqualTo(1);
	}

	@Test
	void deferredResultThatTimesOutClosesItsScopeOnceAndLogsTheBreachOnce(CapturedOutput output) throws Exception {
		MvcResult started = this.mvc.perform(get("/async/timeout")).andExpect(request().asyncStarted()).andReturn();
		assertThat(this.reports.all()).extracting(ScopeReport::name).doesNotContain("GET /async/timeout");
		// MockMvc runs no container timer: report the timeout to the listeners as the
		// container would, with no dispatch after it
		MockAsyncContext asyncContext = (MockAsyncContext) started.getRequest().getAsyncContext();
		for (AsyncListener listener : new ArrayList<>(asyncContext.getListeners())) {
			listener.onTimeout(new AsyncEvent(asyncContext));
		}
		// Spring MVC's listener answers the timeout with a dispatch: that dispatch closes
		// the scope, with the 503 the client gets; the completion does not report again
		assertThat(this.reports.all()).extracting(ScopeReport::name).doesNotContain("GET /async/timeout");
		this.mvc.perform(asyncDispatch(started)).andExpect(status().isServiceUnavailable());
		ScopeReport report = this.reports.only("GET /async/timeout");
		assertThat(report.statementCount()).isEqualTo(2);
		assertThat(report.budget().maxStatements()).isEqualTo(1);
		assertThat(report.verdict()).isEqualTo(Verdict.OVER);
		asyncContext.complete();
		assertThat(this.reports.all()).extracting(ScopeReport::name).containsOnlyOnce("GET /async/timeout");
		assertThat(output.getOut())
			.containsOnlyOnce("Request GET /async/timeout broke its query budget before its asynchronous processing"
					+ " timed out (handler OwnerController#timeout;")
			.containsOnlyOnce("Scope 'GET /async/timeout' executed 2 statements, budget is 1");
	}

	@Test
	void asyncRequestCompletedWithoutAFurtherDispatchClosesItsScopeOnce() throws Exception {
		MvcResult started = this.mvc.perform(get("/async/timeout")).andExpect(request().asyncStarted()).andReturn();
		// An error reported by the container, then its completion
		MockAsyncContext asyncContext = (MockAsyncContext) started.getRequest().getAsyncContext();
		for (AsyncListener listener : new ArrayList<>(asyncContext.getListeners())) {
			listener.onError(new AsyncEvent(asyncContext, new IllegalStateException("client went away")));
		}
		asyncContext.complete();
		assertThat(this.reports.only("GET /async/timeout").statementCount()).isEqualTo(2);
	}

	@Test
	void completableFutureOnAnExecutorCountsForTheRequest() throws Exception {
		MvcResult started = this.mvc.perform(get("/async/future")).andExpect(request().asyncStarted()).andReturn();
		started.getAsyncResult();
		this.mvc.perform(asyncDispatch(started)).andExpect(status().isOk());
		assertThat(this.reports.only("GET /async/future").statementCount()).isEqualTo(1);
	}

	@Test
	void asyncMethodStatementsCountForTheRequestThatCalledIt() throws Exception {
		String body = this.mvc.perform(get("/async/annotated"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).startsWith("task-").endsWith(":6/3");
		assertThat(this.reports.only("GET /async/annotated").statementCount()).isEqualTo(2);
	}

	@Test
	void annotatedServiceMethodRunsInAMethodScopeNestedInTheRequest() throws Exception {
		this.mvc.perform(get("/owners/summary")).andExpect(status().isOk()).andExpect(content().string("3/6"));
		ScopeReport method = this.reports.only("OwnerService#summary");
		assertThat(method.kind()).isEqualTo(ScopeKind.METHOD);
		assertThat(method.statementCount()).isEqualTo(1);
		assertThat(method.budget().maxStatements()).isEqualTo(5);
		assertThat(this.reports.only("GET /owners/summary").statementCount()).isEqualTo(2);
		assertThat(this.reports.all()).extracting(ScopeReport::name)
			.containsExactly("OwnerService#summary", "GET /owners/summary");
	}

	@Test
	void scheduledMethodRunsInAJobScopeWithItsPropertyBudget() {
		this.nightlyJob.run();
		ScopeReport job = this.reports.only("NightlyJob#run");
		assertThat(job.kind()).isEqualTo(ScopeKind.JOB);
		assertThat(job.statementCount()).isEqualTo(2);
		assertThat(job.budget().maxStatements()).isEqualTo(1);
		assertThat(job.verdict()).isEqualTo(Verdict.OVER);
	}

	@Test
	void repositoryCallOutsideAnyScopeIsNotCounted(@Autowired PetRepository pets) {
		assertThat(pets.count()).isEqualTo(6);
		assertThat(this.reports.all()).isEmpty();
		assertThat(EnforcementMode.LOG).isNotNull();
	}

}
