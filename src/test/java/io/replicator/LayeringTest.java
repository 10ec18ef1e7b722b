package io.replicator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * The package layering: the engines (s3sync, delta, psk, volume, config, jobs and kube) are plain
 * Java that Camel drives, never the reverse. Camel lives in camel/ (wiring, routes, health),
 * processors/, cli/, demo/ and platform/ (the Kubernetes glue, leader election included).
 */
@AnalyzeClasses(packages = "io.replicator", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    private static final String[] ENGINES = {"io.replicator.s3sync..", "io.replicator.delta..", "io.replicator.psk..",
        "io.replicator.volume..", "io.replicator.config..", "io.replicator.jobs..", "io.replicator.kube.."};
    private static final String[] APPLICATION = {"io.replicator.cli..", "io.replicator.camel..", "io.replicator.demo..",
        "io.replicator.platform..", "io.replicator.processors.."};

    // @ArchTest methods, not ArchRule fields: Surefire 3.5.3 does not run fields (TNG/ArchUnit#1442).
    @ArchTest
    void enginesDoNotUseCamel(JavaClasses classes) {
        noClasses().that().resideInAnyPackage(ENGINES)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..")
                .because("the engines run and are tested without Camel; Camel calls them")
                .check(classes);
    }

    @ArchTest
    void enginesDoNotUseTheApplication(JavaClasses classes) {
        noClasses().that().resideInAnyPackage(ENGINES)
                .should().dependOnClassesThat().resideInAnyPackage(APPLICATION)
                .because("the command line, the Camel wiring, the demo and the platform glue sit on top of the engines")
                .check(classes);
    }

    @ArchTest
    void packagesAreFreeOfCycles(JavaClasses classes) {
        slices().matching("io.replicator.(**)").should().beFreeOfCycles().check(classes);
    }
}
