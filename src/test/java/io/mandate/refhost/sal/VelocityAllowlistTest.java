package io.mandate.refhost.sal;

import com.atlassian.templaterenderer.RenderingException;
import io.mandate.refhost.plugin.PluginStartException;
import org.junit.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Platform 7's Velocity method allowlist in the reference host: a template calls only methods on the
 * host's global list or on its own plugin's {@code velocity-allowlist}, and a plugin may allowlist only
 * its own classes.
 */
public class VelocityAllowlistTest {

    /** A plugin-owned template value: one allowlisted method, one not, one property write. */
    public static final class Dto {
        private String name = "shown";

        public String getLabel() {
            return "label";
        }

        public String getSecret() {
            return "secret";
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getName() {
            return name;
        }
    }

    /** Not a collection, but has an iterator() Velocity 1.7 would otherwise call from #foreach. */
    public static final class Walkable {
        public java.util.Iterator<String> iterator() {
            return List.of("a").iterator();
        }
    }

    private static final String OWN = VelocityAllowlistTest.class.getName();
    private final RefTemplateRenderer renderer = new RefTemplateRenderer(getClass().getClassLoader(),
            VelocityAllowlist.forPlugin(getClass().getClassLoader(),
                    List.of(OWN + "$Dto#getLabel()", OWN + "$Dto#getName()")));

    private String render(String fragment, Map<String, Object> context) {
        return renderer.renderFragment(fragment, context);
    }

    private String refusal(String fragment, Map<String, Object> context) {
        try {
            String out = render(fragment, context);
            fail("the render must fail, but gave: " + out);
            return null;
        } catch (RenderingException e) {
            return e.getMessage();
        }
    }

    @Test
    public void allowlistedPluginMethodIsCalled() {
        assertEquals("label label", render("$dto.getLabel() $dto.label", Map.of("dto", new Dto())));
    }

    @Test
    public void methodOnNoAllowlistFailsTheRenderNamingIt() {
        String message = refusal("$dto.getSecret()", Map.of("dto", new Dto()));
        assertTrue(message, message.contains("Method needs allowlisting: " + OWN + "$Dto#getSecret()"));
    }

    @Test
    public void propertyReadThroughAGetterNeedsAllowlistingToo() {
        String message = refusal("$dto.secret", Map.of("dto", new Dto()));
        assertTrue(message, message.contains(OWN + "$Dto#getSecret()"));
    }

    @Test
    public void reflectionFromAStringIsRefused() {
        String message = refusal("$s.getClass().forName(\"java.lang.Runtime\")", Map.of("s", "text"));
        assertTrue(message, message.contains("java.lang.Object#getClass()"));
    }

    @Test
    public void propertyWriteIsRefused() {
        Dto dto = new Dto();
        String message = refusal("#set($dto.name = \"changed\")", Map.of("dto", dto));
        assertTrue(message, message.contains("Method needs allowlisting"));
        assertEquals("shown", dto.getName());
    }

    @Test
    public void foreachOverANonCollectionIsRefused() {
        String message = refusal("#foreach($x in $w)$x#end", Map.of("w", new Walkable()));
        assertTrue(message, message.contains("iterator()"));
    }

    @Test
    public void hostListCoversStringsListsAndMaps() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", "OPEN");
        view.put("people", List.of("ann", "bob"));
        assertEquals("OPEN 4 false ann,bob,",
                render("$v.status $v.status.length() $v.people.isEmpty() #foreach($p in $v.people)$p,#end", Map.of("v", view)));
    }

    @Test
    public void pluginEntryNamingAHostClassStopsThePluginStart() throws Exception {
        try (ChildFirstLoader plugin = new ChildFirstLoader(Dto.class)) {
            VelocityAllowlist.forPlugin(plugin, List.of("com.atlassian.sal.api.message.I18nResolver#getText(java.lang.String)"));
            fail("a plugin may allowlist only its own classes");
        } catch (PluginStartException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("com.atlassian.sal.api.message.I18nResolver")
                    && e.getMessage().contains("only its own classes"));
        }
    }

    @Test
    public void pluginEntryNamingItsOwnClassIsAccepted() throws Exception {
        try (ChildFirstLoader plugin = new ChildFirstLoader(Dto.class)) {
            VelocityAllowlist.forPlugin(plugin, List.of(OWN + "$Dto#getLabel()"));
        }
    }

    @Test
    public void pluginEntryNamingAMissingMethodStopsThePluginStart() {
        try {
            VelocityAllowlist.forPlugin(getClass().getClassLoader(), List.of(OWN + "$Dto#getLabel(java.lang.String)"));
            fail("the method does not exist");
        } catch (PluginStartException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("has no public method getLabel(java.lang.String)"));
        }
    }

    @Test
    public void malformedEntryStopsThePluginStart() {
        try {
            VelocityAllowlist.forPlugin(getClass().getClassLoader(), List.of(OWN + ".getLabel"));
            fail("not an entry");
        } catch (PluginStartException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("is not of the form"));
        }
    }

    /** Defines the given test classes itself, as a plugin's bundle does; everything else comes from the host. */
    private static final class ChildFirstLoader extends ClassLoader implements AutoCloseable {
        private final Class<?> own;

        ChildFirstLoader(Class<?> own) {
            super(VelocityAllowlistTest.class.getClassLoader());
            this.own = own;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (!name.equals(own.getName())) {
                    return super.loadClass(name, resolve);
                }
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (var in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (java.io.IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return c;
            }
        }

        @Override
        public void close() {
        }
    }
}
