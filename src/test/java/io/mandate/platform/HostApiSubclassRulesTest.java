package io.mandate.platform;

import com.atlassian.jira.issue.customfields.impl.AbstractCustomFieldType;
import com.atlassian.jira.plugin.jql.function.AbstractJqlFunction;
import io.mandate.decision.DecisionOwnerField;
import org.junit.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

/**
 * The host-api declarations of the Atlassian base classes the plugin extends leave out members the real
 * classes have (they need types we do not declare). A plugin subclass declaring a method with one of
 * those names would compile here and fail under AMPS (final, or a clash with a protected member of
 * another return type). This test keeps every plugin subclass off those names; see docs/design/host-api.md.
 */
public class HostApiSubclassRulesTest {

    /** Real members absent from the declarations: name → number of parameters. */
    private static final Map<Class<?>, Map<String, Integer>> RESERVED = Map.of(
            // final getKey/getName/getDescription/getDescriptor/getVelocityParameters(Issue);
            // protected I18nHelper getI18nBean(), protected void assertObjectImplementsType(Class, Object)
            AbstractCustomFieldType.class, Map.of(
                    "getKey", 0, "getName", 0, "getDescription", 0, "getDescriptor", 0,
                    "getVelocityParameters", 1, "getI18nBean", 0, "assertObjectImplementsType", 2),
            // protected I18nHelper getI18n(), protected MessageSet validateNumberOfArgs(FunctionOperand, int)
            AbstractJqlFunction.class, Map.of("getI18n", 0, "validateNumberOfArgs", 2));

    @Test
    public void pluginSubclassesDeclareNoMemberThatTheRealBaseClassReserves() throws Exception {
        List<Class<?>> subclasses = new ArrayList<>();
        List<String> clashes = new ArrayList<>();
        for (Class<?> type : pluginClasses()) {
            for (Map.Entry<Class<?>, Map<String, Integer>> base : RESERVED.entrySet()) {
                if (type == base.getKey() || !base.getKey().isAssignableFrom(type)) {
                    continue;
                }
                subclasses.add(type);
                for (Method m : type.getDeclaredMethods()) {
                    Integer arity = base.getValue().get(m.getName());
                    if (arity != null && arity == m.getParameterCount() && !m.isSynthetic()) {
                        clashes.add(type.getName() + "." + m.getName() + " (reserved by the real "
                                + base.getKey().getSimpleName() + ")");
                    }
                }
            }
        }
        assertFalse("no plugin subclass of the host-api base classes was found", subclasses.isEmpty());
        assertEquals(List.of(), clashes);
    }

    /** The plugin's compiled classes (src/main), not the host-api declarations. */
    private static List<Class<?>> pluginClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(DecisionOwnerField.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path plugin = root.resolve("io/mandate");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(plugin)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                name = name.substring(0, name.length() - ".class".length());
                if (Set.of("package-info", "module-info").contains(name.substring(name.lastIndexOf('.') + 1))) {
                    continue;
                }
                classes.add(Class.forName(name, false, HostApiSubclassRulesTest.class.getClassLoader()));
            }
        }
        return classes;
    }
}
