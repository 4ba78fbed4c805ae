package dev.berth.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency direction of STYLE.md, enforced: the pure core knows nothing of the edges. */
class LayerRulesTest {
    private static final JavaClasses BERTH = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.berth");

    private static final String[] EDGES = {
            "dev.berth.cli..", "dev.berth.ssh..", "dev.berth.exec..", "dev.berth.lab..",
            "picocli..", "org.apache.sshd.."};

    @Test
    void modelImportsNoEdge() {
        noClasses().that().resideInAPackage("dev.berth.model..")
                .should().dependOnClassesThat().resideInAnyPackage(EDGES)
                .allowEmptyShould(true)
                .check(BERTH);
    }

    @Test
    void planImportsNoEdge() {
        noClasses().that().resideInAPackage("dev.berth.plan..")
                .should().dependOnClassesThat().resideInAnyPackage(EDGES)
                .allowEmptyShould(true)
                .check(BERTH);
    }

    @Test
    void manifestLoadingImportsNoEdge() {
        noClasses().that().resideInAnyPackage("dev.berth.manifest..", "dev.berth.docker..", "dev.berth.proxy..")
                .should().dependOnClassesThat().resideInAnyPackage(EDGES)
                .allowEmptyShould(true)
                .check(BERTH);
    }

    @Test
    void errorsDependOnNothingOfBerth() {
        noClasses().that().resideInAPackage("dev.berth.error..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.berth.cli..", "dev.berth.model..",
                        "dev.berth.manifest..", "dev.berth.ssh..")
                .check(BERTH);
    }
}
