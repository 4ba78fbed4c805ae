package dev.berth.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** No two top-level classes of berth share a simple name: one name, one idea. */
class OneNamePerIdeaTest {
    @Test
    void everyTopLevelClassHasANameOfItsOwn() {
        List<JavaClass> classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.berth").stream().filter(JavaClass::isTopLevelClass).toList();
        Map<String, List<String>> byName = classes.stream().collect(Collectors.groupingBy(JavaClass::getSimpleName,
                Collectors.mapping(JavaClass::getName, Collectors.toList())));

        assertThat(classes).hasSizeGreaterThan(100);
        assertThat(byName.values()).as("classes sharing a simple name").allSatisfy(names ->
                assertThat(names).hasSize(1));
    }
}
