package dev.querybudget.testapp;

import java.util.concurrent.Future;

import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.ScopeReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The test application over H2 with Boot's virtual-thread task executor: the request's
 * scope is propagated to the virtual threads that run its {@code @Async} work.
 */
@SpringBootTest(classes = TestApplication.class, properties = "spring.threads.virtual.enabled=true")
@AutoConfigureMockMvc
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadsRequestScopeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CapturedReports reports;

	@Autowired
	QueryBudgetTracker tracker;

	@BeforeEach
	void clearReports() {
		this.reports.clear();
	}

	@AfterEach
	void noScopeIsLeftOnTheTestThread() {
		assertThat(this.tracker.current()).isNull();
	}

	@Test
	void applicationTaskExecutorRunsTasksOnVirtualThreads(@Autowired AsyncTaskExecutor applicationTaskExecutor)
			throws Exception {
		Future<Object> virtual = applicationTaskExecutor
			.submit(() -> Thread.class.getMethod("isVirtual").invoke(Thread.currentThread()));
		assertThat(virtual.get()).isEqualTo(Boolean.TRUE);
	}

	@Test
	void asyncMethodStatementsOnAVirtualThreadCountForTheRequestThatCalledIt() throws Exception {
		String body = this.mvc.perform(get("/async/annotated"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).endsWith(":6/3");
		ScopeReport report = this.reports.only("GET /async/annotated");
		assertThat(report.statementCount()).isEqualTo(2);
		assertThat(this.tracker.current()).isNull();
	}

}
