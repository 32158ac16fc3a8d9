package io.mandate.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.Test;

import java.util.Set;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The rules bite: applied to a small planted plugin (package {@code io.mandate.architecture.planted},
 * test classes only) with a package cycle, a platform class that knows a capability, a decision class
 * that reaches into authority, an authority class that uses accountability, and a capability class that uses a
 * host type, each rule fails and names the offender.
 */
public class ArchitectureRulesCatchViolationsTest {

    private static final String ROOT = "io.mandate.architecture.planted";
    private static final JavaClasses PLANTED = new ClassFileImporter().importPackages(ROOT);

    @Test
    public void aPlantedCycleFailsTheCycleRule() {
        assertFails(Architecture.noCyclesBetweenPackages(ROOT), "Cycle detected");
    }

    @Test
    public void aPlatformClassThatKnowsACapabilityFails() {
        assertFails(Architecture.platformDependsOnNoCapability(ROOT), "platform.KnowsDecision");
    }

    @Test
    public void aDecisionClassThatReachesIntoAuthorityFails() {
        assertFails(Architecture.decisionDoesNotReachIntoAuthority(ROOT), "decision.UsesGrants");
    }

    @Test
    public void aClassThatDependsOnAccountabilityFails() {
        assertFails(Architecture.onlyCharterDependsOnAccountability(ROOT), "authority.ShowsReport");
    }

    @Test
    public void aCapabilityClassThatUsesAHostTypeFailsUnlessItIsAnEntryPoint() {
        assertFails(Architecture.hostTypesOnlyInEntryPointsAndPlatform(ROOT, Set.of()), "decision.TouchesHost");
        // declared as a module in the descriptor, the same class is an entry point and passes
        Architecture.hostTypesOnlyInEntryPointsAndPlatform(ROOT, Set.of(ROOT + ".decision.TouchesHost"))
                .check(PLANTED);
    }

    private static void assertFails(ArchRule rule, String expected) {
        try {
            rule.check(PLANTED);
            fail("the rule should have failed on the planted violation: " + rule.getDescription());
        } catch (AssertionError e) {
            assertTrue(e.getMessage(), e.getMessage().contains(expected));
        }
    }
}
