package io.mandate.refhost.plugin;

import com.atlassian.jira.issue.customfields.CustomFieldType;
import com.atlassian.jira.plugin.jql.function.JqlFunction;
import io.mandate.refhost.jira.CustomFields;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Start checks of Jira's search modules ({@code jql-function}, {@code customfield-type},
 * {@code customfield-searcher}): every class and template they name must exist (in the plugin, or
 * be one of Jira's own searchers and templates that the host provides), function names must be
 * unique, and a searcher may only serve custom field types that exist.
 */
final class JiraModuleChecks {

    private JiraModuleChecks() {
    }

    static void check(ClassLoader loader, PluginDescriptor d) {
        Set<String> names = new HashSet<>();
        for (PluginDescriptor.JqlFunction f : d.jqlFunctions()) {
            String what = "jql-function module " + f.key();
            requireType(PluginInstance.loadClass(loader, f.className(), what), JqlFunction.class, what);
            if (!names.add(f.fname().toLowerCase(java.util.Locale.ROOT))) {
                throw new PluginStartException(what + ": the function name " + f.fname() + " is declared twice");
            }
        }
        Set<String> typeKeys = new HashSet<>();
        for (PluginDescriptor.CustomFieldType t : d.customFieldTypes()) {
            String what = "customfield-type module " + t.key();
            requireType(PluginInstance.loadClass(loader, t.className(), what), CustomFieldType.class, what);
            if (!t.templates().containsKey("view")) {
                throw new PluginStartException(what + " has no view resource");
            }
            requireTemplates(loader, t.templates(), what);
            typeKeys.add(t.key());
        }
        for (PluginDescriptor.CustomFieldSearcher s : d.customFieldSearchers()) {
            String what = "customfield-searcher module " + s.key();
            if (!CustomFields.isSystemSearcher(s.className())) {
                PluginInstance.loadClass(loader, s.className(), what);
            } else if (loader instanceof PluginClassLoader plugin
                    && !plugin.bundle().sees(BundleClassLoader.packageOf(s.className()))) {
                // Jira loads a module's class through the plugin's bundle, Jira's own searchers too
                throw new PluginStartException(what + ": Jira loads " + s.className() + " through the plugin, which does not"
                        + " import its package " + BundleClassLoader.packageOf(s.className()) + " (Import-Package)");
            }
            requireTemplates(loader, s.templates(), what);
            if (s.validTypes().isEmpty()) {
                throw new PluginStartException(what + " lists no valid-customfield-type");
            }
            for (PluginDescriptor.ValidCustomFieldType v : s.validTypes()) {
                boolean ours = v.pluginKey().equals(d.key()) && typeKeys.contains(v.key());
                if (!ours && !CustomFields.SYSTEM_TYPES_PACKAGE.equals(v.pluginKey())) {
                    throw new PluginStartException(what + ": valid-customfield-type " + v.pluginKey() + ":" + v.key()
                            + " names no customfield-type of this plugin");
                }
            }
        }
    }

    /** Templates of the plugin must be in it; Jira's own ({@code templates/plugins/fields/…}) come with the host. */
    private static void requireTemplates(ClassLoader loader, Map<String, String> templates, String what) {
        for (Map.Entry<String, String> t : templates.entrySet()) {
            if (!CustomFields.isSystemTemplate(t.getValue())) {
                String location = t.getValue().startsWith("/") ? t.getValue().substring(1) : t.getValue();
                if (loader.getResource(location) == null) {
                    throw new PluginStartException(what + " template " + t.getKey() + ": " + t.getValue() + " is not in the plugin");
                }
            }
        }
    }

    private static void requireType(Class<?> c, Class<?> expected, String what) {
        if (!expected.isAssignableFrom(c)) {
            throw new PluginStartException(what + ": class " + c.getName() + " is not a " + expected.getName());
        }
    }
}
