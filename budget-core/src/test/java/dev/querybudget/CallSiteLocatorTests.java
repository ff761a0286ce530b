package dev.querybudget;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CallSiteLocator}: which frames can never be the application line that
 * issued a statement.
 */
class CallSiteLocatorTests {

	private final CallSiteLocator locator = new CallSiteLocator(List.of("org.hibernate.", "com.zaxxer.hikari."));

	@ParameterizedTest
	@ValueSource(strings = { "org.hibernate.internal.SessionImpl", "com.zaxxer.hikari.pool.ProxyStatement",
			"dev.querybudget.ActiveScopes", "dev.querybudget.QueryScope$Counts" })
	void skipsExcludedPackagesAndTheEngine(String className) {
		assertThat(this.locator.isExcluded(className)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdk.proxy2.$Proxy112", "com.example.OwnerService$$SpringCGLIB$$0",
			"com.example.Tournament$HibernateProxy", "com.example.Tournament$HibernateProxy$TUnjRuXC",
			"com.example.Owner$ByteBuddy$Mock" })
	void skipsGeneratedProxiesSoThatALazyLoadNamesTheLineThatTouchedTheProxy(String className) {
		assertThat(this.locator.isExcluded(className)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "com.example.OwnerService", "com.example.RegistrationView$Row",
			"dev.querybudget.sample.Tournament", "dev.querybudget.QueryScopeTests" })
	void keepsApplicationClasses(String className) {
		assertThat(this.locator.isExcluded(className)).isFalse();
	}

}
