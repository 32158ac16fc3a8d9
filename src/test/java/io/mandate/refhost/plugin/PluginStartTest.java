package io.mandate.refhost.plugin;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** A descriptor entry whose class, template or resource is missing stops the start with a message naming it. */
public class PluginStartTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private String startFailure(String modules) throws Exception {
        File root = folder.newFolder();
        Files.writeString(new File(root, "atlassian-plugin.xml").toPath(),
                "<atlassian-plugin key=\"test.plugin\" name=\"Test\">" + modules + "</atlassian-plugin>", StandardCharsets.UTF_8);
        try (URLClassLoader loader = new URLClassLoader(new URL[]{root.toURI().toURL()}, ClassLoader.getPlatformClassLoader())) {
            PluginDescriptor d = PluginInstance.readDescriptor(loader, "jira");
            PluginInstance.start("jira", loader, d, new HostServices(), null);
            fail("the plugin must not start");
            return null;
        } catch (PluginStartException e) {
            return e.getMessage();
        }
    }

    @Test
    public void missingServletClassIsNamed() throws Exception {
        String message = startFailure("<servlet key=\"s\" class=\"com.example.Missing\"><url-pattern>/x</url-pattern></servlet>");
        assertTrue(message, message.contains("servlet module s") && message.contains("com.example.Missing"));
    }

    @Test
    public void missingPanelTemplateIsNamed() throws Exception {
        String message = startFailure("<web-panel key=\"p\" location=\"atl.jira.view.issue.right.context\">"
                + "<resource name=\"view\" type=\"velocity\" location=\"templates/missing.vm\"/></web-panel>");
        assertTrue(message, message.contains("web-panel module p") && message.contains("templates/missing.vm"));
    }

    @Test
    public void missingWebResourceFileIsNamed() throws Exception {
        String message = startFailure("<web-resource key=\"r\"><resource type=\"download\" name=\"a.css\" location=\"web/a.css\"/></web-resource>");
        assertTrue(message, message.contains("web-resource module r") && message.contains("web/a.css"));
    }

    @Test
    public void missingI18nBundleIsNamed() throws Exception {
        String message = startFailure("<resource type=\"i18n\" name=\"i18n\" location=\"i18n/nothing\"/>");
        assertTrue(message, message.contains("i18n/nothing"));
    }

    @Test
    public void anImportTheHostDoesNotProvideIsNamed() throws Exception {
        File root = folder.newFolder();
        Files.writeString(new File(root, "atlassian-plugin.xml").toPath(), "<atlassian-plugin key=\"t\" name=\"T\"/>", StandardCharsets.UTF_8);
        File index = new File(root, "META-INF/plugin-components");
        assertTrue(index.mkdirs());
        Files.writeString(new File(index, "imports-confluence").toPath(), "com.atlassian.jira.issue.IssueManager\n", StandardCharsets.UTF_8);
        try (URLClassLoader loader = new URLClassLoader(new URL[]{root.toURI().toURL()}, ClassLoader.getPlatformClassLoader())) {
            PluginInstance.start("confluence", loader, PluginInstance.readDescriptor(loader, "confluence"), new HostServices(), null);
            fail("the plugin must not start");
        } catch (PluginStartException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("com.atlassian.jira.issue.IssueManager")
                    && e.getMessage().contains("confluence"));
        }
    }
}
