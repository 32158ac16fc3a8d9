package io.mandate.it;

import io.mandate.it.ModuleAccessIT.Row;
import io.mandate.it.PluginModules.Module;
import org.junit.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The access matrix ({@link ModuleAccessIT}) covers every module of atlassian-plugin.xml a person reaches other than
 * through REST — every servlet url-pattern, web panel, web section, web item, xhtml-macro, JQL function, custom field
 * type and searcher, per product ({@link PluginModules}) — with a row of six cells, and names no module that is not
 * there. A module added to the descriptor without a row fails here, as a REST endpoint without a row fails
 * {@link AccessCoverageTest}; so does a top-level element of a kind nobody has classified as reached or not.
 */
public class ModuleAccessCoverageTest {

    @Test
    public void everyModuleAPersonReachesHasARowAndEveryRowAModule() {
        List<Module> modules = PluginModules.all();
        assertTrue("the scan finds the modules: " + modules, modules.size() >= 20);
        List<Row> rows = ModuleAccessIT.rows();
        Set<String> covered = rows.stream().map(r -> r.module().id()).collect(Collectors.toSet());
        Map<String, String> missing = new TreeMap<>();
        for (Module m : modules) {
            if (!covered.contains(m.id())) {
                missing.put(m.id(), "no row in ModuleAccessIT");
            }
        }
        assertEquals("modules the access matrix misses", Map.of(), missing);
        for (Row r : rows) {
            assertEquals(r + ": one cell per role", ModuleAccessIT.Role.values().length, r.cells().size());
            assertTrue(r + ": a row for a module that is there", modules.contains(r.module()));
            // a selector that finds nothing would make every absence true: some cell must find the module
            assertTrue(r + ": some role sees the module, so the selector is proven", r.cells().stream()
                    .anyMatch(c -> c.outcome() == ModuleAccessIT.Outcome.SHOWN || c.outcome() == ModuleAccessIT.Outcome.EDITABLE));
            if (r.edit() != null) {
                assertTrue(r + ": its editing part is both shown and withheld", r.cells().stream().anyMatch(c -> c.outcome() == ModuleAccessIT.Outcome.SHOWN)
                        && r.cells().stream().anyMatch(c -> c.outcome() == ModuleAccessIT.Outcome.EDITABLE));
            }
        }
    }

    @Test
    public void everyKindOfModuleInTheDescriptorIsClassified() {
        assertEquals("top-level elements of atlassian-plugin.xml neither in PluginModules.REACHED nor NOT_REACHED",
                List.of(), PluginModules.unknownKinds(PluginModules.DESCRIPTOR));
    }

    /** The control: a descriptor with one more macro, servlet and unknown kind of module is found wanting. */
    @Test
    public void aNewModuleWithoutARowIsFound() throws IOException {
        String xml = Files.readString(PluginModules.DESCRIPTOR.toPath(), StandardCharsets.UTF_8).replace("</atlassian-plugin>",
                "<xhtml-macro name=\"mandate-new-macro\" key=\"new-macro\" class=\"x.Y\" application=\"confluence\"/>"
                        + "<servlet key=\"new\" class=\"x.Z\" application=\"jira\"><url-pattern>/mandate/new</url-pattern></servlet>"
                        + "<gadget key=\"g\" location=\"g.xml\"/></atlassian-plugin>");
        File extended = File.createTempFile("atlassian-plugin", ".xml");
        extended.deleteOnExit();
        Files.writeString(extended.toPath(), xml, StandardCharsets.UTF_8);
        Set<String> covered = ModuleAccessIT.rows().stream().map(r -> r.module().id()).collect(Collectors.toSet());
        List<String> uncovered = PluginModules.read(extended).stream().map(Module::id).filter(id -> !covered.contains(id)).toList();
        assertEquals(List.of("confluence xhtml-macro mandate-new-macro", "jira servlet /mandate/new"), uncovered);
        assertEquals(List.of("gadget"), PluginModules.unknownKinds(extended));
    }

    /** Modules without an {@code application} are for both products: each needs its rows in both. */
    @Test
    public void aModuleForBothProductsIsTwoModules() throws IOException {
        File both = File.createTempFile("atlassian-plugin", ".xml");
        both.deleteOnExit();
        Files.writeString(both.toPath(), "<atlassian-plugin key=\"k\"><web-item key=\"i\" section=\"s\"><link linkId=\"l\">/x</link></web-item>"
                + "</atlassian-plugin>", StandardCharsets.UTF_8);
        assertEquals(List.of("jira web-item i", "confluence web-item i"), PluginModules.read(both).stream().map(Module::id).toList());
    }
}
