package io.mandate.decision;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.customfields.impl.FieldValidationException;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import io.mandate.refhost.plugin.PluginDescriptor;
import io.mandate.refhost.sal.RefI18nResolver;
import io.mandate.refhost.sal.RefTemplateRenderer;
import io.mandate.refhost.sal.VelocityAllowlist;
import io.mandate.refhost.web.RequestContext;
import org.junit.Before;
import org.junit.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The "Decision owner" custom field type: the approver of the issue's decision, or nothing. */
public class DecisionOwnerFieldTest {

    private DecisionStore store;
    private UserManager userManager;
    private DecisionOwnerField field;
    private final ApplicationUser carol = mock(ApplicationUser.class);
    /** The plugin's real texts, in the language of the request ({@code RequestContext}). */
    private static final RefI18nResolver TEXTS = new RefI18nResolver(List.of("i18n/mandate"), DecisionOwnerFieldTest.class.getClassLoader());

    @Before
    public void setUp() {
        store = mock(DecisionStore.class);
        userManager = mock(UserManager.class);
        when(store.approverKey(anyLong())).thenReturn(Optional.empty());
        when(userManager.getUserByKey("k-carol")).thenReturn(carol);
        when(userManager.getUserByName("carol")).thenReturn(carol);
        when(carol.getUsername()).thenReturn("carol");
        field = new DecisionOwnerField(store, userManager, TEXTS);
    }

    private static Issue issue(Long id) {
        Issue issue = mock(Issue.class);
        when(issue.getId()).thenReturn(id);
        return issue;
    }

    @Test
    public void valueIsTheApproverOfTheIssuesDecision() {
        when(store.approverKey(10004L)).thenReturn(Optional.of("k-carol"));
        assertSame(carol, field.getValueFromIssue(null, issue(10004L)));
    }

    @Test
    public void noDecisionOrNoApproverIsNoValue() {
        assertNull(field.getValueFromIssue(null, issue(10005L)));
    }

    @Test
    public void anIssueBeingCreatedHasNoValueAndCostsNoQuery() {
        assertNull(field.getValueFromIssue(null, issue(null)));
        verify(store, never()).approverKey(anyLong());
    }

    @Test
    public void anApproverTheHostNoLongerKnowsIsNoValue() {
        when(store.approverKey(10006L)).thenReturn(Optional.of("k-gone"));
        assertNull(field.getValueFromIssue(null, issue(10006L)));
    }

    @Test
    public void usersAreWrittenAndReadAsUsernames() {
        assertEquals("carol", field.getStringFromSingularObject(carol));
        assertNull(field.getStringFromSingularObject(null));
        assertSame(carol, field.getSingularObjectFromString(" carol "));
        assertNull(field.getSingularObjectFromString(""));
    }

    @Test
    public void anUnknownUsernameIsAValidationError() {
        try {
            field.getSingularObjectFromString("nobody");
            fail("an unknown user must be refused");
        } catch (FieldValidationException e) {
            assertEquals("No user nobody", e.getMessage());
        }
    }

    @Test
    public void aDatabaseThatDoesNotAnswerIsNoValueRatherThanABrokenIssueView() {
        when(store.approverKey(10004L)).thenThrow(io.mandate.platform.rest.ApiException.unavailable(
                new java.sql.SQLTransientConnectionException("pool", "08001")));
        assertNull(field.getValueFromIssue(null, issue(10004L)));

        when(store.approverKey(10005L)).thenThrow(new IllegalStateException("a bug"));
        org.junit.Assert.assertThrows("any other failure is not hidden", IllegalStateException.class,
                () -> field.getValueFromIssue(null, issue(10005L)));
    }

    // ---- the views: a deactivated approver is marked, in the viewer's language, escaped -------------------------

    private static ApplicationUser user(String displayName, boolean active) {
        ApplicationUser u = mock(ApplicationUser.class);
        when(u.getDisplayName()).thenReturn(displayName);
        when(u.getUsername()).thenReturn("ivy");
        when(u.isActive()).thenReturn(active);
        return u;
    }

    /**
     * A view template of the field rendered as the host renders it: the type's parameters, then the value; the host's
     * renderer (Atlassian's escaping, the allowlist with the entries of the shipped descriptor), for a viewer in that
     * language.
     */
    private String render(String template, ApplicationUser value, Locale locale) throws Exception {
        PluginDescriptor plugin;
        try (InputStream xml = Files.newInputStream(Path.of("atlassian-plugin.xml"))) {
            plugin = PluginDescriptor.read(xml, "jira");
        }
        PluginDescriptor.CustomFieldType type = plugin.customFieldTypes().stream()
                .filter(t -> t.key().equals("decision-owner")).findFirst().orElseThrow();
        ClassLoader loader = getClass().getClassLoader();
        RefTemplateRenderer templates = new RefTemplateRenderer(loader, VelocityAllowlist.host());
        templates.allow(VelocityAllowlist.forPlugin(loader, plugin.velocityAllowlist()));
        return RequestContext.runAs(new RequestContext("alice", locale, null), () -> {
            Map<String, Object> context = new HashMap<>(field.getVelocityParameters(issue(10004L), null, null));
            context.put("value", value);
            return templates.renderToString(type.templates().get(template), context).strip();
        });
    }

    @Test
    public void theViewsMarkADeactivatedApproverAsThePanelDoes() throws Exception {
        ApplicationUser ivy = user("Ivy Inactive", false);
        assertEquals("<span class=\"mandate-decision-owner mandate-person-inactive\">Ivy Inactive (inactive)</span>",
                render("view", ivy, Locale.ENGLISH));
        assertEquals("<span class=\"mandate-decision-owner mandate-person-inactive\">Ivy Inactive (inaktiv)</span>",
                render("view", ivy, Locale.GERMAN));
        assertEquals("Ivy Inactive (inactive)", render("column-view", ivy, Locale.ENGLISH));
        assertEquals("Ivy Inactive (inaktiv)", render("column-view", ivy, Locale.GERMAN));
        assertEquals("the XML view writes the username, as Jira writes user fields",
                "<customfieldvalue>ivy</customfieldvalue>", render("xml", ivy, Locale.ENGLISH));
    }

    @Test
    public void anActiveApproverIsShownByNameAlone() throws Exception {
        ApplicationUser carolActive = user("Carol Active", true);
        assertEquals("<span class=\"mandate-decision-owner\">Carol Active</span>", render("view", carolActive, Locale.ENGLISH));
        assertEquals("Carol Active", render("column-view", carolActive, Locale.GERMAN));
        assertEquals("", render("view", null, Locale.ENGLISH));
        assertEquals("", render("column-view", null, Locale.ENGLISH));
    }

    @Test
    public void aDeactivatedApproversNameIsEscapedOnceInsideTheMarkedText() throws Exception {
        String payload = "<img src=x onerror=alert(1)>&amp;'\"";
        String escaped = "&lt;img src=x onerror=alert(1)&gt;&amp;amp;&#39;&quot;";
        String view = render("view", user(payload, false), Locale.ENGLISH);
        assertTrue(view, view.contains(">" + escaped + " (inactive)</span>"));
        assertEquals(escaped + " (inactive)", render("column-view", user(payload, false), Locale.ENGLISH));
        assertEquals("<span class=\"mandate-decision-owner\">" + escaped + "</span>", render("view", user(payload, true), Locale.ENGLISH));
    }

    @Test
    public void theTemplatesGetMandatesTextsAndJirasParametersAreKept() {
        Map<String, Object> parameters = field.getVelocityParameters(issue(10004L), null, null);
        assertTrue(parameters.get(DecisionOwnerField.TEXTS) instanceof io.mandate.platform.TemplateTexts);
        assertEquals("the field adds only its texts (a default value has no issue: the same)", 1, parameters.size());
        assertEquals(1, field.getVelocityParameters(null, null, null).size());
        verify(store, never()).approverKey(anyLong());
    }
}
