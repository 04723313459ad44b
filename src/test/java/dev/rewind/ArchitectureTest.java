package dev.rewind;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of STYLE.md: only the catalog speaks SQL (and the MLflow importer, to read the source store), only the UI
 * imports JavaFX, dependencies point inward.
 */
@AnalyzeClasses(packages = "dev.rewind", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule onlySqliteCatalogSpeaksSql = noClasses().that()
            .resideOutsideOfPackages("dev.rewind.catalog.sqlite..", "dev.rewind.importer.mlflow..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..");

    @ArchTest
    static final ArchRule onlyUiImportsJavaFx = noClasses().that().resideOutsideOfPackage("dev.rewind.ui..")
            .and().doNotHaveFullyQualifiedName("dev.rewind.Main")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule domainDependsOnNothingOfOurs = noClasses().that().resideInAPackage("dev.rewind.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.rewind.catalog..", "dev.rewind.service..",
                    "dev.rewind.cli..", "dev.rewind.ui..");

    @ArchTest
    static final ArchRule servicesDoNotKnowTheirCallers = noClasses().that().resideInAPackage("dev.rewind.service..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.rewind.cli..", "dev.rewind.ui..");

    @ArchTest
    static final ArchRule servicesUseThePortNotSqlite = noClasses().that().resideOutsideOfPackages("dev.rewind.catalog..",
                    "dev.rewind.cli..", "dev.rewind.ui")
            .and().doNotHaveFullyQualifiedName("dev.rewind.Main")
            .should().dependOnClassesThat().resideInAPackage("dev.rewind.catalog.sqlite..");

    @ArchTest
    static final ArchRule cliAndUiAreSeparate = noClasses().that().resideInAPackage("dev.rewind.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.rewind.ui..");

    @ArchTest
    static final ArchRule viewsNeverTouchRepositories = noClasses().that().resideInAPackage("dev.rewind.ui..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository");
}
