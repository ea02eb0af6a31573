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
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.NullMarked;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
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
     * Floor plan: a module's one settings class is {@code <module>.config.<Module>Settings}, and the
     * configuration that enables it lives beside it, in every module alike.
     */
    @ArchTest
    static final ArchRule settingsLiveInTheModulesConfigPackage = CompositeArchRule.of(ModuleActivation.MODULES.stream()
                    .map(module -> (ArchRule) classes()
                            .that()
                            .resideInAPackage("com.lightpress." + module + "..")
                            .and()
                            .areAnnotatedWith(ConfigurationProperties.class)
                            .should()
                            .haveFullyQualifiedName("com.lightpress.%s.config.%sSettings"
                                    .formatted(module, Character.toUpperCase(module.charAt(0)) + module.substring(1)))
                            .allowEmptyShould(true))
                    .toList())
            .and(classes()
                    .that()
                    .resideInAnyPackage(BUSINESS_MODULES)
                    .and()
                    .areAnnotatedWith(EnableConfigurationProperties.class)
                    .should()
                    .resideInAPackage("com.lightpress.*.config")
                    .allowEmptyShould(true));

    /**
     * Floor plan: whatever a module does when another module's event arrives is found in its
     * {@code reactions} package; listeners of the module's own events stay with their feature.
     */
    @ArchTest
    static final ArchRule reactionsToOtherModulesLiveInReactionsPackages = methods()
            .that()
            .areMetaAnnotatedWith(EventListener.class)
            .and()
            .areDeclaredInClassesThat()
            .resideInAnyPackage(BUSINESS_MODULES)
            .should(liveInReactionsWhenTheyListenToAnotherModule());

    private static ArchCondition<JavaMethod> liveInReactionsWhenTheyListenToAnotherModule() {
        return new ArchCondition<>(
                "be declared in their module's reactions package if they take another module's event") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                var module = moduleOf(method.getOwner()).orElseThrow();
                var foreign = method.getRawParameterTypes().stream()
                        .filter(type -> moduleOf(type)
                                .filter(other -> !other.equals(module))
                                .isPresent())
                        .findFirst();
                var home = "com.lightpress." + module + ".reactions";
                if (foreign.isPresent() && !method.getOwner().getPackageName().equals(home)) {
                    events.add(SimpleConditionEvent.violated(
                            method,
                            "%s listens to %s of another module but is not in %s"
                                    .formatted(
                                            method.getFullName(), foreign.get().getName(), home)));
                }
            }
        };
    }

    private static Optional<String> moduleOf(JavaClass type) {
        var name = type.getPackageName();
        if (!name.startsWith("com.lightpress.")) {
            return Optional.empty();
        }
        var rest = name.substring("com.lightpress.".length());
        return Optional.of(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
    }

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
