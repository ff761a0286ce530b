package dev.querybudget.benchmarks;

import java.util.StringJoiner;

import jakarta.servlet.Filter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * What the request benchmarks share: the argument that starts an application without the
 * Query Budget starter, and MockMvc over a started application with its servlet filters,
 * as a server would run them.
 */
final class StarterApplications {

	private StarterApplications() {
	}

	/**
	 * The command-line argument that excludes every auto-configuration of the starter, as
	 * the starter declares them in its {@code AutoConfiguration.imports}.
	 */
	static String excludeStarter() {
		StringJoiner names = new StringJoiner(",", "--spring.autoconfigure.exclude=", "");
		for (String name : ImportCandidates.load(AutoConfiguration.class, StarterApplications.class.getClassLoader())) {
			if (name.startsWith("dev.querybudget.")) {
				names.add(name);
			}
		}
		return names.toString();
	}

	/**
	 * MockMvc over the started application, its registered filters (the Query Budget
	 * request filter among them) applied in front of the {@code DispatcherServlet}.
	 */
	static MockMvc mockMvc(ConfigurableApplicationContext context) {
		DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context);
		for (FilterRegistrationBean<?> registration : context.getBeansOfType(FilterRegistrationBean.class).values()) {
			Filter filter = registration.getFilter();
			builder.addFilters(filter);
		}
		return builder.build();
	}

}
