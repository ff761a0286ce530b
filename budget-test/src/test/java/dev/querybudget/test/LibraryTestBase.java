package dev.querybudget.test;

import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.test.app.AuthorService;
import dev.querybudget.test.app.LibraryApplication;
import dev.querybudget.test.app.LibraryData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The library application over real PostgreSQL with MockMvc, as a
 * {@link QueryBudgetTest @QueryBudgetTest}: one application context for every test class
 * that extends it.
 */
@SpringBootTest(classes = LibraryApplication.class)
@AutoConfigureMockMvc
@QueryBudgetTest
abstract class LibraryTestBase {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuthorService service;

	@Autowired
	LibraryData data;

	@Autowired
	QueryBudgetTracker tracker;

}
