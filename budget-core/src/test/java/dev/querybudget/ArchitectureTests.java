package dev.querybudget;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Pins the architecture of the core with ArchUnit's plain API inside a Jupiter test, so
 * that it runs whatever JUnit Platform version is in use.
 */
class ArchitectureTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.querybudget");

	@Test
	void packagesHaveNoCycles() {
		slices().matching("dev.querybudget.(*)..").should().beFreeOfCycles().check(classes);
		noClasses().that()
			.resideInAPackage("dev.querybudget.internal..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.querybudget", "dev.querybudget.jdbc..")
			.check(classes);
		noClasses().that()
			.resideInAPackage("dev.querybudget.sql..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.querybudget", "dev.querybudget.jdbc..")
			.check(classes);
		noClasses().that()
			.resideInAPackage("dev.querybudget")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.querybudget.jdbc..")
			.check(classes);
	}

	@Test
	void coreDependsOnlyOnJdkDatasourceProxyAndJSpecify() {
		noClasses().should()
			.dependOnClassesThat(
					not(resideInAnyPackage("java..", "javax..", "org.jspecify..", "net.ttddyy..", "dev.querybudget..")))
			.check(classes);
	}

	@Test
	void recordingPathUsesNoRegex() {
		noClasses().that()
			.resideInAnyPackage("dev.querybudget.jdbc..", "dev.querybudget.internal..")
			.or(simpleName("ActiveScopes").or(simpleName("QueryScope"))
				.or(simpleName("Shape"))
				.or(simpleName("CallSiteLocator"))
				.or(simpleName("CurrentScopes"))
				.or(simpleName("QueryBudgetTracker")))
			.should()
			.dependOnClassesThat()
			.resideInAPackage("java.util.regex..")
			.check(classes);
	}

	@Test
	void caseConversionAlwaysNamesALocale() {
		noClasses().should()
			.callMethod(String.class, "toLowerCase")
			.orShould()
			.callMethod(String.class, "toUpperCase")
			.check(classes);
	}

}
