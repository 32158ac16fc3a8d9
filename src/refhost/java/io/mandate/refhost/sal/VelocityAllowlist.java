package io.mandate.refhost.sal;

import io.mandate.refhost.plugin.PluginStartException;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Platform 7's Velocity method allowlist (Jira 10, Confluence 9): a template may invoke a method only
 * if it is on the product's global allowlist or on the allowlist of the plugin that owns the template.
 * Entries are written as Atlassian writes them: {@code fully.qualified.Type#method(param.Type, ...)}.
 *
 * <p>Checked against https://developer.atlassian.com/server/framework/atlassian-sdk/configuring-the-velocity-allowlist/
 * ("all method invocations in Velocity templates are subject to a strict method allowlist", "Products are
 * configured with a global method allowlist which contains appropriate JDK and Atlassian class methods",
 * "Plugins can only define allowlist entries for their own classes", "avoid invoking application services
 * or beans from templates, instead only exposing immutable DTOs") and
 * https://developer.atlassian.com/server/framework/atlassian-sdk/velocity-allowlist-plugin-module/ (the
 * {@code <velocity-allowlist>} module with {@code <method>} children). The products' global list itself is
 * not published; {@link #HOST} is the reference host's deliberately small model of it (read-only JDK value
 * methods and collection access, plus the user getters Jira's own user-field templates need), so a plugin
 * that renders here renders in Jira and Confluence.
 */
public final class VelocityAllowlist {

    /** The host's global entries: JDK value methods, collection access, and read-only getters of host values. */
    static final List<String> HOST = List.of(
            "java.lang.String#length()", "java.lang.String#isEmpty()", "java.lang.String#isBlank()",
            "java.lang.String#equals(java.lang.Object)", "java.lang.String#equalsIgnoreCase(java.lang.String)",
            "java.lang.String#contains(java.lang.CharSequence)", "java.lang.String#startsWith(java.lang.String)",
            "java.lang.String#endsWith(java.lang.String)", "java.lang.String#substring(int)",
            "java.lang.String#substring(int, int)", "java.lang.String#toLowerCase()", "java.lang.String#toUpperCase()",
            "java.lang.String#trim()", "java.lang.String#strip()", "java.lang.String#indexOf(java.lang.String)",
            "java.lang.String#replace(java.lang.CharSequence, java.lang.CharSequence)", "java.lang.String#toString()",
            "java.lang.String#charAt(int)",
            "java.lang.Number#intValue()", "java.lang.Number#longValue()", "java.lang.Number#doubleValue()",
            "java.lang.Integer#toString()", "java.lang.Long#toString()",
            "java.lang.Boolean#booleanValue()", "java.lang.Boolean#toString()",
            "java.lang.Enum#name()", "java.lang.Enum#ordinal()",
            "java.util.Collection#size()", "java.util.Collection#isEmpty()", "java.util.Collection#contains(java.lang.Object)",
            "java.util.List#get(int)", "java.util.List#size()", "java.util.List#isEmpty()",
            "java.util.List#contains(java.lang.Object)", "java.util.List#indexOf(java.lang.Object)",
            "java.util.Map#get(java.lang.Object)", "java.util.Map#containsKey(java.lang.Object)", "java.util.Map#size()",
            "java.util.Map#isEmpty()", "java.util.Map#keySet()", "java.util.Map#values()", "java.util.Map#entrySet()",
            "java.util.Map$Entry#getKey()", "java.util.Map$Entry#getValue()",
            "java.util.Iterator#hasNext()", "java.util.Iterator#next()",
            "com.atlassian.jira.user.ApplicationUser#getDisplayName()", "com.atlassian.jira.user.ApplicationUser#getUsername()",
            "com.atlassian.jira.user.ApplicationUser#getKey()", "com.atlassian.jira.user.ApplicationUser#getName()",
            "com.atlassian.jira.user.ApplicationUser#isActive()");

    private final Set<String> entries;

    private VelocityAllowlist(Set<String> entries) {
        this.entries = Set.copyOf(entries);
    }

    /** The host's global allowlist alone (what a template of a plugin without a {@code velocity-allowlist} module gets). */
    public static VelocityAllowlist host() {
        return new VelocityAllowlist(HOST.stream().map(VelocityAllowlist::normalise).collect(Collectors.toSet()));
    }

    /**
     * The host's list plus a plugin's {@code <velocity-allowlist>} entries. Each entry must name a public
     * method of a class the plugin itself defines (not one it sees from the host): Atlassian's rule that
     * a plugin may allowlist only its own classes.
     *
     * @throws PluginStartException naming the first entry that is malformed, unknown or not the plugin's own
     */
    public static VelocityAllowlist forPlugin(ClassLoader pluginLoader, List<String> pluginEntries) {
        Set<String> all = new LinkedHashSet<>(host().entries);
        for (String entry : pluginEntries) {
            String normal = normalise(entry);
            int hash = normal.indexOf('#');
            int open = normal.indexOf('(');
            if (hash <= 0 || open < hash + 2 || !normal.endsWith(")")) {
                throw new PluginStartException("velocity-allowlist: '" + entry
                        + "' is not of the form fully.qualified.Class#method(param.Type, ...)");
            }
            String className = normal.substring(0, hash);
            Class<?> type;
            try {
                type = Class.forName(className, false, pluginLoader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new PluginStartException("velocity-allowlist: class " + className + " of entry '" + entry
                        + "' is not in the plugin");
            }
            if (!definedByPlugin(type, pluginLoader)) {
                throw new PluginStartException("velocity-allowlist: entry '" + entry + "' names " + className
                        + ", which is not a class of this plugin; a plugin may allowlist only its own classes");
            }
            boolean declared = Arrays.stream(type.getMethods()).anyMatch(m -> describe(type, m).equals(normal));
            if (!declared) {
                throw new PluginStartException("velocity-allowlist: " + className + " has no public method "
                        + normal.substring(hash + 1) + " (entry '" + entry + "')");
            }
            all.add(normal);
        }
        return new VelocityAllowlist(all);
    }

    /**
     * Whether a template may invoke {@code method} on an object of class {@code target}: some class or
     * interface of the target that has this method (same name and parameters) is on the list.
     */
    public boolean allows(Class<?> target, Method method) {
        for (Class<?> type : typesOf(target)) {
            if (entries.contains(describe(type, method)) && hasMethod(type, method)) {
                return true;
            }
        }
        return false;
    }

    /** {@code Type#method(param.Type, ...)} for a method as seen through {@code type}, Atlassian's notation. */
    static String describe(Class<?> type, Method method) {
        return type.getName() + "#" + method.getName() + "(" + Arrays.stream(method.getParameterTypes())
                .map(Class::getName).collect(Collectors.joining(",")) + ")";
    }

    /**
     * Whether the plugin defines the class itself: its loader is the plugin's loader or, when the host
     * sees the plugin through a {@link io.mandate.refhost.plugin.PluginClassLoader}, that loader's bundle.
     */
    private static boolean definedByPlugin(Class<?> type, ClassLoader pluginLoader) {
        ClassLoader defining = type.getClassLoader();
        return defining == pluginLoader
                || (pluginLoader instanceof io.mandate.refhost.plugin.PluginClassLoader plugin && defining == plugin.bundle());
    }

    private static String normalise(String entry) {
        return entry.replaceAll("\\s+", "");
    }

    private static boolean hasMethod(Class<?> type, Method method) {
        try {
            type.getMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Set<Class<?>> typesOf(Class<?> target) {
        Set<Class<?>> seen = new HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        todo.add(target);
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (seen.add(c)) {
                if (c.getSuperclass() != null) {
                    todo.add(c.getSuperclass());
                }
                todo.addAll(Arrays.asList(c.getInterfaces()));
            }
        }
        return seen;
    }
}
