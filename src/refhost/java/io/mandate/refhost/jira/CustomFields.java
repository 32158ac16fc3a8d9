package io.mandate.refhost.jira;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.customfields.CustomFieldType;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.user.ApplicationUser;
import io.mandate.refhost.ProductNode;
import io.mandate.refhost.plugin.PluginDescriptor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.mandate.refhost.sal.HtmlEscapingPolicy.escape;

/**
 * The custom fields of the host's Jira. Jira has a custom field only once an administrator creates
 * one from a type; the host has no such screen, so it creates one field per {@code customfield-type}
 * module, named like the module, with ids {@code customfield_10000}, {@code customfield_10001}, … in
 * descriptor order. Values are computed by the plugin's type; views are the type's velocity templates.
 */
public final class CustomFields {

    /** Jira's own searchers that the host implements (exact match on the value's text form). */
    private static final Set<String> SYSTEM_SEARCHERS = Set.of(
            "com.atlassian.jira.issue.customfields.searchers.UserPickerSearcher",
            "com.atlassian.jira.issue.customfields.searchers.ExactTextSearcher");

    /** The package (plugin key) of Jira's own custom field types in {@code valid-customfield-type}. */
    public static final String SYSTEM_TYPES_PACKAGE = "com.atlassian.jira.plugin.system.customfieldtypes";

    private static final long FIRST_ID = 10000;

    /** One custom field: its type module and the searcher serving that type, if any. */
    public record Field(long id, PluginDescriptor.CustomFieldType type, PluginDescriptor.CustomFieldSearcher searcher)
            implements CustomField {
        @Override
        public String getId() {
            return "customfield_" + id;
        }

        @Override
        public Long getIdAsLong() {
            return id;
        }

        @Override
        public String getName() {
            return type.name();
        }
    }

    private final ProductNode node;
    private final List<Field> fields;

    public CustomFields(ProductNode node) {
        this.node = node;
        PluginDescriptor d = node.plugin().descriptor();
        List<Field> list = new ArrayList<>();
        long id = FIRST_ID;
        for (PluginDescriptor.CustomFieldType type : d.customFieldTypes()) {
            PluginDescriptor.CustomFieldSearcher searcher = d.customFieldSearchers().stream()
                    .filter(s -> s.validTypes().stream().anyMatch(v -> v.pluginKey().equals(d.key()) && v.key().equals(type.key())))
                    .findFirst().orElse(null);
            list.add(new Field(id++, type, searcher));
        }
        this.fields = List.copyOf(list);
    }

    public static boolean isSystemSearcher(String className) {
        return SYSTEM_SEARCHERS.contains(className);
    }

    /** Jira's own field templates ship with Jira, not with a plugin. */
    public static boolean isSystemTemplate(String location) {
        return location.replaceFirst("^/", "").startsWith("templates/plugins/fields/");
    }

    public List<Field> all() {
        return fields;
    }

    /** The field a JQL clause names: its name (any case), {@code cf[10000]} or {@code customfield_10000}. */
    public Optional<Field> byClauseName(String clauseName) {
        String n = clauseName.trim().toLowerCase(Locale.ROOT);
        return fields.stream().filter(f -> f.getName().toLowerCase(Locale.ROOT).equals(n)
                || n.equals("cf[" + f.id() + "]") || n.equals(f.getId())).findFirst();
    }

    @SuppressWarnings("unchecked")
    private CustomFieldType<Object, Object> type(Field field) {
        return node.plugin().moduleObject(field.type().className(), CustomFieldType.class);
    }

    /** The field's value on the issue (the type's transport object), or null. */
    public Object value(Field field, Issue issue) {
        return type(field).getValueFromIssue(field, issue);
    }

    /** The value as text, as the type writes it ({@code getStringFromSingularObject}); null for no value. */
    public String text(Field field, Object value) {
        return value == null ? null : type(field).getStringFromSingularObject(value);
    }

    /** Reads a JQL literal with the type, so an unknown user is reported as Jira does; throws the type's exception. */
    public Object parse(Field field, String literal) {
        return type(field).getSingularObjectFromString(literal);
    }

    /**
     * The value rendered by the type's template ({@code view}, {@code column-view}, {@code xml}), as Jira does: the
     * type's own {@code getVelocityParameters} (no field layout here: null), then the value, the field and the issue.
     */
    public String render(Field field, String templateName, Issue issue, Object value) {
        Map<String, Object> context = new HashMap<>(type(field).getVelocityParameters(issue, field, null));
        context.put("value", value);
        context.put("customField", field);
        context.put("issue", issue);
        return node.templates().renderToString(field.type().templates().get(templateName), context);
    }

    /** Rows of the issue view's details table: one per field with a value (Jira hides empty fields there). */
    public String viewRows(Issue issue) {
        StringBuilder html = new StringBuilder();
        for (Field field : fields) {
            Object value = value(field, issue);
            if (value != null) {
                html.append("<tr><th>").append(escape(field.getName())).append("</th><td id=\"")
                        .append(escape(field.getId())).append("-val\">").append(render(field, "view", issue, value))
                        .append("</td></tr>");
            }
        }
        return html.toString();
    }

    /** The fields' values as Jira's REST API shows them ({@code customfield_10000}: a user object, text, or null). */
    public Map<String, Object> restValues(Issue issue) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : fields) {
            Object value = value(field, issue);
            if (value instanceof ApplicationUser u) {
                Map<String, Object> user = new LinkedHashMap<>();
                user.put("key", u.getKey());
                user.put("name", u.getUsername());
                user.put("displayName", u.getDisplayName());
                values.put(field.getId(), user);
            } else {
                values.put(field.getId(), text(field, value));
            }
        }
        return values;
    }
}
