package io.mandate.refhost.plugin;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The host reads {@code jql-function}, {@code customfield-type} and {@code customfield-searcher} as
 * Jira does (fname and list are child elements; attributes are ignored) and refuses to start a plugin
 * whose search modules name a class or template that is not there.
 */
public class JiraSearchModulesTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private static PluginDescriptor read(String modules) {
        String xml = "<atlassian-plugin key=\"io.mandate.mandate\" name=\"T\">" + modules + "</atlassian-plugin>";
        return PluginDescriptor.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "jira");
    }

    /** The start check, with the test class path as the plugin (it holds Mandate's classes and templates). */
    private static String checkFailure(String modules) {
        try {
            JiraModuleChecks.check(JiraSearchModulesTest.class.getClassLoader(), read(modules));
        } catch (PluginStartException e) {
            return e.getMessage();
        }
        fail("the plugin must not start");
        return null;
    }

    private static final String OWNER_TYPE = "<customfield-type key=\"decision-owner\" name=\"Decision owner\""
            + " class=\"io.mandate.decision.DecisionOwnerField\">"
            + "<resource type=\"velocity\" name=\"view\" location=\"templates/decision/decision-owner-view.vm\"/></customfield-type>";

    @Test
    public void functionNameAndListFlagAreReadFromChildElements() {
        PluginDescriptor d = read("<jql-function key=\"f\" class=\"C\"><fname>decisionsOverdue</fname><list>true</list></jql-function>");
        assertEquals(List.of(new PluginDescriptor.JqlFunction("f", "C", "decisionsOverdue", true)), d.jqlFunctions());
    }

    @Test
    public void aListAttributeIsIgnoredAsJiraIgnoresIt() {
        PluginDescriptor d = read("<jql-function key=\"f\" class=\"C\" list=\"true\"><fname>x</fname></jql-function>");
        assertFalse(d.jqlFunctions().get(0).list());
    }

    @Test
    public void aFunctionNamedOnlyByAttributeIsRefusedWithTheReason() {
        try {
            read("<jql-function key=\"f\" class=\"C\" fname=\"decisionsOverdue\"><list>true</list></jql-function>");
            fail("fname must be a child element");
        } catch (PluginStartException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("jql-function> module f")
                    && e.getMessage().contains("<fname> child element") && e.getMessage().contains("attribute is ignored"));
        }
    }

    @Test
    public void confluenceLeavesOutJiraSearchModules() {
        String xml = "<atlassian-plugin key=\"k\" name=\"T\"><jql-function key=\"f\" class=\"C\" application=\"jira\">"
                + "<fname>x</fname></jql-function>" + OWNER_TYPE.replace("<customfield-type ", "<customfield-type application=\"jira\" ")
                + "</atlassian-plugin>";
        PluginDescriptor d = PluginDescriptor.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "confluence");
        assertEquals(List.of(), d.jqlFunctions());
        assertEquals(List.of(), d.customFieldTypes());
    }

    @Test
    public void customFieldTypeAndSearcherAreRead() {
        PluginDescriptor d = read(OWNER_TYPE + "<customfield-searcher key=\"s\" class=\"S\">"
                + "<resource type=\"velocity\" name=\"search\" location=\"a.vm\"/>"
                + "<valid-customfield-type package=\"io.mandate.mandate\" key=\"decision-owner\"/></customfield-searcher>");
        assertEquals("Decision owner", d.customFieldTypes().get(0).name());
        assertEquals(Map.of("view", "templates/decision/decision-owner-view.vm"), d.customFieldTypes().get(0).templates());
        assertEquals(List.of(new PluginDescriptor.ValidCustomFieldType("io.mandate.mandate", "decision-owner")),
                d.customFieldSearchers().get(0).validTypes());
    }

    @Test
    public void mandatesOwnDescriptorPassesTheChecks() {
        ClassLoader loader = JiraSearchModulesTest.class.getClassLoader();
        PluginDescriptor d = PluginInstance.readDescriptor(loader, "jira");
        JiraModuleChecks.check(loader, d);
        assertEquals(List.of("decisionsApprovedBy", "decisionsDrivenBy", "decisionsOverdue", "decisionsDueForReview", "decisionsInStatus",
                        "decisionsInDomain", "decisionsWithViolation", "decisionsWithConsultationGap"),
                d.jqlFunctions().stream().map(PluginDescriptor.JqlFunction::fname).toList());
        assertTrue("every function is a list function", d.jqlFunctions().stream().allMatch(PluginDescriptor.JqlFunction::list));
        assertEquals(List.of("view", "column-view", "xml"), List.copyOf(d.customFieldTypes().get(0).templates().keySet()));
        assertEquals("decision-owner", d.customFieldSearchers().get(0).validTypes().get(0).key());
    }

    @Test
    public void missingFunctionClassIsNamed() {
        String message = checkFailure("<jql-function key=\"f\" class=\"com.example.Missing\"><fname>x</fname></jql-function>");
        assertTrue(message, message.contains("jql-function module f") && message.contains("com.example.Missing"));
    }

    @Test
    public void aFunctionClassThatIsNoJqlFunctionIsNamed() {
        String message = checkFailure("<jql-function key=\"f\" class=\"io.mandate.decision.DecisionStore\"><fname>x</fname></jql-function>");
        assertTrue(message, message.contains("io.mandate.decision.DecisionStore") && message.contains("JqlFunction"));
    }

    @Test
    public void aFunctionNameDeclaredTwiceIsRefused() {
        String f = "<jql-function key=\"KEY\" class=\"io.mandate.decision.DecisionsOverdueFunction\"><fname>decisionsOverdue</fname></jql-function>";
        String message = checkFailure(f.replace("KEY", "a") + f.replace("KEY", "b").replace("decisionsOverdue<", "DECISIONSOVERDUE<"));
        assertTrue(message, message.contains("declared twice"));
    }

    @Test
    public void missingCustomFieldTemplateIsNamed() {
        String message = checkFailure(OWNER_TYPE.replace("decision-owner-view.vm", "missing.vm"));
        assertTrue(message, message.contains("customfield-type module decision-owner") && message.contains("templates/decision/missing.vm"));
    }

    @Test
    public void aSearcherMayUseJirasOwnSearcherAndTemplates() {
        JiraModuleChecks.check(JiraSearchModulesTest.class.getClassLoader(), read(OWNER_TYPE
                + "<customfield-searcher key=\"s\" class=\"com.atlassian.jira.issue.customfields.searchers.UserPickerSearcher\">"
                + "<resource type=\"velocity\" name=\"search\" location=\"templates/plugins/fields/edit-searcher/search-userpicker.vm\"/>"
                + "<valid-customfield-type package=\"io.mandate.mandate\" key=\"decision-owner\"/></customfield-searcher>"));
    }

    @Test
    public void aSearcherClassNeitherInThePluginNorJirasIsNamed() {
        String message = checkFailure(OWNER_TYPE + "<customfield-searcher key=\"s\" class=\"com.example.Searcher\">"
                + "<valid-customfield-type package=\"io.mandate.mandate\" key=\"decision-owner\"/></customfield-searcher>");
        assertTrue(message, message.contains("customfield-searcher module s") && message.contains("com.example.Searcher"));
    }

    @Test
    public void aSearcherForATypeThePluginDoesNotDeclareIsRefused() {
        String message = checkFailure(OWNER_TYPE
                + "<customfield-searcher key=\"s\" class=\"com.atlassian.jira.issue.customfields.searchers.UserPickerSearcher\">"
                + "<valid-customfield-type package=\"io.mandate.mandate\" key=\"decision-ownr\"/></customfield-searcher>");
        assertTrue(message, message.contains("decision-ownr"));
    }

    @Test
    public void theHostDoesNotStartAPluginWhoseFunctionClassIsMissing() throws Exception {
        File root = folder.newFolder();
        Files.writeString(new File(root, "atlassian-plugin.xml").toPath(), "<atlassian-plugin key=\"t\" name=\"T\">"
                + "<jql-function key=\"overdue\" class=\"com.example.OverdueFunction\"><fname>overdue</fname><list>true</list>"
                + "</jql-function></atlassian-plugin>", StandardCharsets.UTF_8);
        try (URLClassLoader loader = new URLClassLoader(new URL[]{root.toURI().toURL()}, ClassLoader.getPlatformClassLoader())) {
            PluginInstance.start("jira", loader, PluginInstance.readDescriptor(loader, "jira"), new HostServices(), null);
            fail("the plugin must not start");
        } catch (PluginStartException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("jql-function module overdue")
                    && e.getMessage().contains("com.example.OverdueFunction"));
        }
    }
}
