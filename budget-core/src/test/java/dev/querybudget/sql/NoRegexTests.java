package dev.querybudget.sql;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Checks that fingerprinting stays free of regular expressions and streams.
 */
class NoRegexTests {

	@Test
	void fingerprintingUsesNoRegularExpressionsOrStreams() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.querybudget.sql");
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("java.util.regex..", "java.util.stream..")
			.check(classes);
	}

}
