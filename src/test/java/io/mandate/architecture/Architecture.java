package io.mandate.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of the house (docs/design/architecture.md), for the plugin under {@code root}: written once
 * and applied to the real plugin ({@link ArchitectureTest}) and to planted violations
 * ({@link ArchitectureRulesCatchViolationsTest}), so the rules themselves are shown to bite.
 */
final class Architecture {

    static final List<String> CAPABILITIES = List.of("decision", "authority", "accountability", "charter", "backup");

    private Architecture() {
    }

    /** Capabilities depend on platform, never the reverse. */
    static ArchRule platformDependsOnNoCapability(String root) {
        return noClasses().that().resideInAPackage(root + ".platform..")
                .should().dependOnClassesThat().resideInAnyPackage(capabilityPackages(root))
                .because("platform is what capabilities stand on; it must not know them");
    }

    /** No package cycles between the top-level packages (capabilities and platform). */
    static ArchRule noCyclesBetweenPackages(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /**
     * decision reaches authority only through the interface decision owns (DecisionAuthority), which
     * authority implements: no class of decision names a class of authority.
     */
    static ArchRule decisionDoesNotReachIntoAuthority(String root) {
        return noClasses().that().resideInAPackage(root + ".decision..")
                .should().dependOnClassesThat().resideInAPackage(root + ".authority..")
                .because("decision owns DecisionAuthority; authority implements it");
    }

    /**
     * accountability reads the capabilities it measures (decision, authority) and platform; they never depend on it,
     * so the reports can change without touching what they measure. Only charter, which shows Jira's reports in
     * Confluence (the report macro draws them with the same charts), may use it.
     */
    static ArchRule onlyCharterDependsOnAccountability(String root) {
        return noClasses().that().resideOutsideOfPackages(root + ".accountability..", root + ".charter..")
                .should().dependOnClassesThat().resideInAPackage(root + ".accountability..")
                .because("accountability measures the other capabilities; they must not know it");
    }

    /**
     * Host types only in module entry points (classes the host instantiates or calls: descriptor
     * modules, REST resources and providers, event subscribers) and in platform. Spring Scanner's
     * annotations are wiring metadata and allowed everywhere.
     */
    static ArchRule hostTypesOnlyInEntryPointsAndPlatform(String root, Set<String> descriptorClasses) {
        DescribedPredicate<JavaClass> entryPoint = new DescribedPredicate<>("module entry points") {
            @Override
            public boolean test(JavaClass c) {
                JavaClass outer = c.getEnclosingClass().orElse(c);
                return descriptorClasses.contains(outer.getName())
                        || outer.isAnnotatedWith("javax.ws.rs.Path")
                        || outer.isAnnotatedWith("javax.ws.rs.ext.Provider")
                        || outer.isAssignableTo(root + ".platform.EventSubscriber")
                        || isJqlFunctionBase(outer);
            }

            private boolean isJqlFunctionBase(JavaClass c) {
                return c.getRawSuperclass().map(s -> s.getName().startsWith("com.atlassian.jira.plugin.jql.function.")).orElse(false);
            }
        };
        DescribedPredicate<JavaClass> hostType = new DescribedPredicate<>("host types (com.atlassian.*, except Spring Scanner annotations)") {
            @Override
            public boolean test(JavaClass c) {
                return c.getPackageName().startsWith("com.atlassian")
                        && !c.getPackageName().startsWith("com.atlassian.plugin.spring.scanner.annotation");
            }
        };
        return noClasses().that().resideInAnyPackage(capabilityPackages(root)).and(DescribedPredicate.not(entryPoint))
                .should().dependOnClassesThat(hostType)
                .because("capabilities use the platform seams; only entry points and platform touch the host");
    }

    private static String[] capabilityPackages(String root) {
        return CAPABILITIES.stream().map(c -> root + "." + c + "..").toArray(String[]::new);
    }
}
