package com.lightpress;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static org.assertj.core.api.Assertions.assertThat;

import com.lightpress.platform.EveryInstance;
import com.lightpress.platform.modules.ModuleActivation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.NullMarked;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.Repository;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** Rules Spring Modulith's verification does not cover. */
@AnalyzeClasses(packages = "com.lightpress", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final String[] BUSINESS_MODULES = ModuleActivation.MODULES.stream()
            .map(module -> "com.lightpress." + module + "..")
            .toArray(String[]::new);

    @ArchTest
    static final ArchRule platformDependsOnNoBusinessModule = noClasses()
            .that()
            .resideInAPackage("com.lightpress.platform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(BUSINESS_MODULES);

    @ArchTest
    static final ArchRule internalsStayInsideTheirModule = CompositeArchRule.of(ModuleActivation.MODULES.stream()
            .map(module -> (ArchRule) noClasses()
                    .that()
                    .resideOutsideOfPackage("com.lightpress." + module + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("com.lightpress." + module + ".*..")
                    .as("no type outside " + module + " uses " + module + "'s internal packages"))
            .toList());

    @ArchTest
    static final ArchRule repositoriesAreNotPublic =
            classes().that().areAssignableTo(Repository.class).should().notHaveModifier(JavaModifier.PUBLIC);

    @ArchTest
    static final ArchRule aggregatesAreNotPublic =
            classes().that().areAnnotatedWith(Table.class).should().notHaveModifier(JavaModifier.PUBLIC);

    @ArchTest
    static final ArchRule noFieldInjection = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    /** A job without a lock would run once per instance: several times per deployment. */
    @ArchTest
    static final ArchRule scheduledJobsRunOncePerDeploymentOrSayWhyNot = methods()
            .that()
            .areAnnotatedWith(Scheduled.class)
            .should()
            .beAnnotatedWith(SchedulerLock.class)
            .orShould()
            .beAnnotatedWith(EveryInstance.class);

    @ArchTest
    static final ArchRule controllersLiveInWebPackages = classes()
            .that()
            .areAnnotatedWith(RestController.class)
            .or()
            .areAnnotatedWith(Controller.class)
            .should()
            .resideInAPackage("com.lightpress.*.web..")
            .andShould()
            .notHaveModifier(JavaModifier.PUBLIC);

    /**
     * JSpecify's {@code @NullMarked} on a package does not reach its subpackages, so every package
     * says it itself: an unannotated type means "never null" everywhere, and only {@code @Nullable}
     * marks the exceptions.
     */
    @ArchTest
    static void everyPackageIsNullMarked(JavaClasses classes) {
        var unmarked = classes.stream()
                .map(JavaClass::getPackage)
                .filter(javaPackage -> !javaPackage.isAnnotatedWith(NullMarked.class))
                .map(JavaPackage::getName)
                .distinct()
                .sorted()
                .toList();
        assertThat(unmarked)
                .as("packages without @NullMarked in their package-info.java")
                .isEmpty();
    }
}
