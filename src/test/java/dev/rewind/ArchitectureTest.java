package dev.rewind;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of STYLE.md: only the catalog speaks SQL (and the MLflow importer, to read the source store), only the
 * UI imports JavaFX, dependencies point inward, no cycles, view-models without a toolkit. A class that must break a
 * rule says so with {@link CompositionRoot}; no rule exempts a whole package.
 */
@AnalyzeClasses(packages = "dev.rewind", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule onlyTheCatalogBackendsAndTheMlflowImporterSpeakSql = noClasses().that()
            .resideOutsideOfPackages("dev.rewind.catalog.sqlite..", "dev.rewind.catalog.postgres..",
                    "dev.rewind.importer.mlflow..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..",
                    "org.postgresql..");

    @ArchTest
    static final ArchRule onlyUiImportsJavaFx = noClasses().that().resideOutsideOfPackage("dev.rewind.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule domainDependsOnNothingOfOurs = noClasses().that().resideInAPackage("dev.rewind.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.rewind.catalog..", "dev.rewind.service..",
                    "dev.rewind.importer..", "dev.rewind.cli..", "dev.rewind.ui..");

    @ArchTest
    static final ArchRule servicesDoNotKnowTheirCallers = noClasses().that()
            .resideInAnyPackage("dev.rewind.service..", "dev.rewind.importer..", "dev.rewind.catalog..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.rewind.cli..", "dev.rewind.ui..");

    /** Services, importers, the CLI and the window use the catalog port; only a composition root picks a backend. */
    @ArchTest
    static final ArchRule onlyACompositionRootNamesABackend = noClasses().that()
            .resideOutsideOfPackage("dev.rewind.catalog..")
            .and().areNotAnnotatedWith(CompositionRoot.class)
            .should().dependOnClassesThat().resideInAnyPackage("dev.rewind.catalog.sqlite..",
                    "dev.rewind.catalog.postgres..");

    /** The window reaches stored state through services only, never through the port or a repository. */
    @ArchTest
    static final ArchRule uiReachesTheCatalogOnlyThroughServices = noClasses().that().resideInAPackage("dev.rewind.ui..")
            .and().areNotAnnotatedWith(CompositionRoot.class)
            .should().dependOnClassesThat().resideInAPackage("dev.rewind.catalog..");

    @ArchTest
    static final ArchRule cliAndUiAreSeparate = noClasses().that().resideInAPackage("dev.rewind.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.rewind.ui..");

    @ArchTest
    static final ArchRule viewModelsNeedNoToolkit = classes().that().haveSimpleNameEndingWith("ViewModel")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("javafx.scene..", "javafx.application..",
                    "javafx.animation..", "javafx.stage..", "atlantafx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule layersAreFreeOfCycles = slices().matching("dev.rewind.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule uiFeaturesAreFreeOfCycles = slices().matching("dev.rewind.ui.(*)..").should().beFreeOfCycles();
}
