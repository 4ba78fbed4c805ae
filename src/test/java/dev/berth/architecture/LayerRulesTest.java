package dev.berth.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency direction of STYLE.md, enforced: the pure core knows nothing of the edges, and each edge only of
 * what is below it. Every rule selects classes that exist, so none of them can pass by matching nothing.
 */
class LayerRulesTest {
    private static final JavaClasses BERTH = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.berth");

    private static final String CLI = "dev.berth.cli..";
    private static final String SSH = "dev.berth.ssh..";
    private static final String EXEC = "dev.berth.exec..";
    private static final String STATE = "dev.berth.state..";
    private static final String CONFIG = "dev.berth.config..";
    private static final String LAB = "dev.berth.lab..";
    private static final String PICOCLI = "picocli..";
    private static final String MINA = "org.apache.sshd..";

    /** What the pure core (records, planner, manifests, docker argv and output) may never reach. */
    private static final String[] EDGES = {CLI, SSH, EXEC, STATE, CONFIG, LAB, PICOCLI, MINA};

    @Test
    void modelImportsNoEdge() {
        noClasses().that().resideInAPackage("dev.berth.model..")
                .should().dependOnClassesThat().resideInAnyPackage(EDGES)
                .check(BERTH);
    }

    @Test
    void planImportsNoEdge() {
        noClasses().that().resideInAPackage("dev.berth.plan..")
                .should().dependOnClassesThat().resideInAnyPackage(EDGES)
                .check(BERTH);
    }

    @Test
    void manifestLoadingAndDockerCommandsImportNoEdge() {
        noClasses().that().resideInAnyPackage("dev.berth.manifest..", "dev.berth.docker..", "dev.berth.shell..",
                        "dev.berth.archive..")
                .should().dependOnClassesThat().resideInAnyPackage(EDGES)
                .check(BERTH);
    }

    /** nginx configuration is rendered from records alone: no transport, no process, no verb. */
    @Test
    void proxyRenderingImportsNoEdge() {
        noClasses().that().resideInAPackage("dev.berth.proxy..")
                .should().dependOnClassesThat().resideInAnyPackage(EDGES)
                .orShould().dependOnClassesThat().resideInAnyPackage("dev.berth.manifest..", "dev.berth.plan..",
                        "dev.berth.docker..", "java.nio.file..", "java.net..")
                .orShould().dependOnClassesThat().belongToAnyOf(java.io.File.class, ProcessBuilder.class, Runtime.class)
                .check(BERTH);
    }

    /** The cluster-held record and lock talk to nodes through the transport; they know no verb, executor or lab. */
    @Test
    void stateKnowsNoVerbExecutorOrLab() {
        noClasses().that().resideInAPackage(STATE)
                .should().dependOnClassesThat().resideInAnyPackage(CLI, EXEC, LAB, CONFIG, PICOCLI, MINA)
                .check(BERTH);
    }

    /** The executor applies plans through the transport for any front end; it knows no verb, context or lab. */
    @Test
    void execKnowsNoVerbContextOrLab() {
        noClasses().that().resideInAPackage(EXEC)
                .should().dependOnClassesThat().resideInAnyPackage(CLI, LAB, CONFIG, PICOCLI, MINA)
                .check(BERTH);
    }

    /** Contexts are a file on this machine that names an inventory; they reach no server. */
    @Test
    void configKnowsNothingButErrors() {
        noClasses().that().resideInAPackage(CONFIG)
                .should().dependOnClassesThat(resideInAPackage("dev.berth..")
                        .and(resideOutsideOfPackage(CONFIG)).and(resideOutsideOfPackage("dev.berth.error..")))
                .orShould().dependOnClassesThat().resideInAnyPackage(PICOCLI, MINA)
                .check(BERTH);
    }

    /** The SSH transport knows targets and argv, not what berth does with them. */
    @Test
    void sshKnowsNoLayerAboveIt() {
        noClasses().that().resideInAPackage(SSH)
                .should().dependOnClassesThat().resideInAnyPackage(CLI, EXEC, STATE, CONFIG, LAB,
                        "dev.berth.plan..", "dev.berth.manifest..", "dev.berth.model..", PICOCLI)
                .check(BERTH);
    }

    /** MINA types never leave dev.berth.ssh (ADR 0003). */
    @Test
    void onlySshUsesMina() {
        noClasses().that().resideOutsideOfPackage(SSH)
                .should().dependOnClassesThat().resideInAPackage(MINA)
                .check(BERTH);
    }

    @Test
    void errorsDependOnNothingOfBerth() {
        noClasses().that().resideInAPackage("dev.berth.error..")
                .should().dependOnClassesThat(resideInAPackage("dev.berth..")
                        .and(resideOutsideOfPackage("dev.berth.error..")))
                .check(BERTH);
    }
}
