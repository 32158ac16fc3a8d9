package io.mandate.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.BeforeClass;
import org.junit.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.Assert.assertTrue;

/** The plugin as built (src/main only) keeps the rules of {@link Architecture}. */
public class ArchitectureTest {

    private static JavaClasses plugin;
    private static Set<String> descriptorClasses;

    @BeforeClass
    public static void importPlugin() throws Exception {
        plugin = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.mandate");
        descriptorClasses = descriptorClasses(new File("atlassian-plugin.xml"));
    }

    /**
     * Every class="…" attribute of the descriptor that names a plugin class, and every ao
     * {@code <upgradeTask>} (named by its text): the modules the host creates.
     */
    static Set<String> descriptorClasses(File descriptor) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList all = factory.newDocumentBuilder().parse(descriptor).getElementsByTagName("*");
        Set<String> classes = new TreeSet<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String c = e.getTagName().equals("upgradeTask") ? e.getTextContent().trim() : e.getAttribute("class");
            if (c.startsWith("io.mandate.")) {
                classes.add(c);
            }
        }
        return classes;
    }

    @Test
    public void thePluginClassesAreImported() {
        assertTrue("the rules must see the plugin", plugin.contain("io.mandate.decision.DecisionService"));
        assertTrue("and not the reference host", !plugin.contain("io.mandate.refhost.RefHost"));
        assertTrue(descriptorClasses.contains("io.mandate.decision.DecisionPanel"));
    }

    @Test
    public void platformDependsOnNoCapability() {
        Architecture.platformDependsOnNoCapability("io.mandate").check(plugin);
    }

    @Test
    public void thereAreNoPackageCycles() {
        Architecture.noCyclesBetweenPackages("io.mandate").check(plugin);
    }

    @Test
    public void decisionReachesAuthorityOnlyThroughItsOwnInterface() {
        Architecture.decisionDoesNotReachIntoAuthority("io.mandate").check(plugin);
    }

    @Test
    public void onlyCharterDependsOnAccountability() {
        Architecture.onlyCharterDependsOnAccountability("io.mandate").check(plugin);
    }

    @Test
    public void hostTypesAppearOnlyInEntryPointsAndPlatform() {
        Architecture.hostTypesOnlyInEntryPointsAndPlatform("io.mandate", descriptorClasses).check(plugin);
    }
}
