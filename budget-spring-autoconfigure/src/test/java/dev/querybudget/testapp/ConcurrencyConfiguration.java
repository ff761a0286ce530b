package dev.querybudget.testapp;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.springframework.boot.task.SimpleAsyncTaskExecutorCustomizer;
import org.springframework.boot.task.ThreadPoolTaskExecutorCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.task.TaskDecorator;

/**
 * The concurrency endpoints with the probes around them: an outermost servlet filter and
 * a task decorator around the one the library registers, on the thread pool and on the
 * virtual-thread executor alike.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ ConcurrencyController.class, WitnessedStatements.class, ThreadStateProbe.class })
class ConcurrencyConfiguration {

	@Bean
	FilterRegistrationBean<Filter> threadStateProbeFilter(ThreadStateProbe probe) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(probe.filter());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	ThreadPoolTaskExecutorCustomizer threadStateProbeThreadPoolCustomizer(ThreadStateProbe probe,
			TaskDecorator decorator) {
		return (executor) -> executor.setTaskDecorator(probe.around(decorator));
	}

	@Bean
	SimpleAsyncTaskExecutorCustomizer threadStateProbeVirtualThreadsCustomizer(ThreadStateProbe probe,
			TaskDecorator decorator) {
		return (executor) -> executor.setTaskDecorator(probe.around(decorator));
	}

}
