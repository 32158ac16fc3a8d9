package io.mandate.architecture;

import io.mandate.architecture.AtlassianProfile.Artifact;
import io.mandate.architecture.AtlassianProfile.Source;
import io.mandate.refhost.plugin.OsgiHeader;
import io.mandate.refhost.plugin.ProductExports;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.mandate.refhost.plugin.ProductExports.export;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The {@code atlassian} profile is honest (docs/design/atlassian-profile.md): every {@code com.atlassian} package the
 * plugin uses comes from a provided artifact of the profile that ships it, every artifact of the profile is needed,
 * Import-Package lists exactly those packages, and each carries the major-version range Jira 10 and Confluence 9
 * export it at (ProductExports, whose versions name their sources). Reads target/classes as {@code mvn test} leaves it:
 * the compiled plugin and the manifest bnd computed at process-classes.
 */
public class AtlassianProfileTest {

    static final String TABLE = "Where each Atlassian package comes from";

    private static List<Artifact> profile;
    private static List<Source> sources;
    private static Set<String> used;
    private static Map<String, OsgiHeader.Clause> imports;

    @BeforeClass
    public static void readTheBuild() throws Exception {
        profile = AtlassianProfile.profileDependencies(new File("pom.xml"), "atlassian");
        sources = AtlassianProfile.packageSources(new File("docs/design/atlassian-profile.md"), TABLE);
        used = AtlassianProfile.usedAtlassianPackages(new File("target/classes"), new File("atlassian-plugin.xml"));
        imports = AtlassianProfile.imports(new File("target/classes/META-INF/MANIFEST.MF"));
    }

    @Test
    public void theInputsAreRead() {
        assertTrue("the bytecode is read: " + used, used.contains("com.atlassian.sal.api.timezone"));
        assertTrue("and the descriptor's class names: " + used, used.contains("com.atlassian.jira.issue.customfields.searchers"));
        assertTrue(profile.toString(), profile.contains(new Artifact("com.atlassian.jira", "jira-api", "provided")));
        assertTrue(sources.toString(), sources.contains(new Source("com.atlassian.sal.api", "com.atlassian.sal:sal-api")));
        assertTrue(imports.keySet().toString(), imports.containsKey("com.atlassian.activeobjects.external"));
    }

    @Test
    public void everyAtlassianPackageThePluginUsesComesFromAProvidedArtifactOfTheProfile() {
        assertEquals(List.of(), AtlassianProfile.packagesWithoutArtifact(used, sources, profile));
    }

    @Test
    public void everyArtifactOfTheProfileShipsAPackageThePluginUses() {
        assertEquals(List.of(), AtlassianProfile.artifactsWithoutPackage(profile, sources, used));
    }

    @Test
    public void importPackageListsExactlyTheAtlassianPackagesThePluginUses() {
        assertEquals(List.of(), AtlassianProfile.importsOtherThanUsed(used, imports.keySet()));
    }

    @Test
    public void everyAtlassianImportCarriesTheMajorVersionJira10AndConfluence9Export() {
        assertEquals(List.of(), AtlassianProfile.rangesNotMatching(imports,
                List.of(ProductExports.JIRA, ProductExports.CONFLUENCE)));
    }

    // ---- the checks find planted mistakes ----

    private static List<Artifact> profileWithout(String coordinates) {
        List<Artifact> fewer = new ArrayList<>(profile);
        assertTrue(coordinates, fewer.removeIf(a -> a.coordinates().equals(coordinates)));
        return fewer;
    }

    @Test
    public void aPackageWhoseArtifactIsMissingFromTheProfileIsReported() {
        List<String> problems = AtlassianProfile.packagesWithoutArtifact(used, sources, profileWithout("com.atlassian.beehive:beehive-api"));
        assertEquals(List.of("com.atlassian.beehive comes from com.atlassian.beehive:beehive-api, which is not a provided dependency of the profile"),
                problems);
    }

    @Test
    public void aPackageWithoutARowInTheTableIsReported() {
        Set<String> more = new TreeSet<>(used);
        more.add("com.atlassian.upm.api.license");
        assertEquals(List.of("com.atlassian.upm.api.license is used by the plugin, but no row of the table says which artifact ships it"),
                AtlassianProfile.packagesWithoutArtifact(more, sources, profile));
    }

    @Test
    public void anArtifactBundledInsteadOfProvidedIsReported() {
        List<Artifact> bundled = profileWithout("com.atlassian.cache:atlassian-cache-api");
        bundled.add(new Artifact("com.atlassian.cache", "atlassian-cache-api", "compile"));
        assertEquals(List.of("com.atlassian.cache:atlassian-cache-api is in the profile with scope compile; the products provide it, so it must be provided",
                        "com.atlassian.cache comes from com.atlassian.cache:atlassian-cache-api, which is not a provided dependency of the profile"),
                AtlassianProfile.packagesWithoutArtifact(used, sources, bundled));
    }

    @Test
    public void anArtifactNoUsedPackageComesFromIsReported() {
        List<Artifact> more = new ArrayList<>(profile);
        more.add(new Artifact("com.atlassian.upm", "licensing-api", "provided"));
        assertEquals(List.of("com.atlassian.upm:licensing-api is in the profile, but no package the plugin uses comes from it"),
                AtlassianProfile.artifactsWithoutPackage(more, sources, used));
    }

    @Test
    public void aTableRowNoUsedPackageMatchesIsReported() {
        Set<String> fewer = new TreeSet<>(used);
        assertTrue(fewer.removeIf(p -> p.startsWith("com.atlassian.beehive")));
        assertEquals(List.of("com.atlassian.beehive:beehive-api is in the profile, but no package the plugin uses comes from it",
                        "the table's row com.atlassian.beehive -> com.atlassian.beehive:beehive-api covers no package the plugin uses"),
                AtlassianProfile.artifactsWithoutPackage(profile, sources, fewer));
    }

    @Test
    public void importsMissingOrUnusedAreReported() {
        Set<String> imported = new TreeSet<>(imports.keySet());
        imported.remove("com.atlassian.cache");
        imported.add("com.atlassian.upm.api.license");
        assertEquals(List.of("com.atlassian.cache is used but not in Import-Package",
                        "com.atlassian.upm.api.license is in Import-Package but nothing uses it"),
                AtlassianProfile.importsOtherThanUsed(used, imported));
    }

    private static Map<String, OsgiHeader.Clause> importOf(String header) {
        Map<String, OsgiHeader.Clause> one = new java.util.TreeMap<>();
        OsgiHeader.parse(header).forEach(c -> one.put(c.path(), c));
        return one;
    }

    @Test
    public void aRangeThatMissesThePlatform7VersionIsReported() {
        // SAL 5.x was Platform 6; Jira 10 and Confluence 9 export SAL 6.x
        assertEquals(List.of("com.atlassian.sal.api claims [5.0,6), which is not [6.0,7), the major version jira exports (6.0.0)",
                        "com.atlassian.sal.api claims [5.0,6), which is not [6.0,7), the major version confluence exports (6.0.0)"),
                AtlassianProfile.rangesNotMatching(importOf("com.atlassian.sal.api;version=\"[5.0,6)\""),
                        List.of(ProductExports.JIRA, ProductExports.CONFLUENCE)));
    }

    @Test
    public void aRangeWiderThanOneMajorVersionIsReported() {
        assertEquals(List.of("com.atlassian.cache claims [7.0,9), which is not [7.0,8), the major version jira exports (7.0.1)"),
                AtlassianProfile.rangesNotMatching(importOf("com.atlassian.cache;version=\"[7.0,9)\""), List.of(ProductExports.JIRA)));
    }

    @Test
    public void aCheckedVersionImportedWithoutARangeIsReported() {
        assertEquals(List.of("com.atlassian.beehive has no version range, but confluence exports it at 6.0.0; import it with [6.0,7)"),
                AtlassianProfile.rangesNotMatching(importOf("com.atlassian.beehive"), List.of(ProductExports.CONFLUENCE)));
    }

    @Test
    public void aRangeForAVersionNobodyCheckedIsReported() {
        assertEquals(List.of("com.atlassian.webresource.api.assembler claims [6.0,7), but the version jira exports it at was never checked (0.0.0 in ProductExports)"),
                AtlassianProfile.rangesNotMatching(importOf("com.atlassian.webresource.api.assembler;version=\"[6.0,7)\""),
                        List.of(ProductExports.JIRA)));
    }

    @Test
    public void aRequiredImportOneProductDoesNotExportIsReportedButAnOptionalOneIsNot() {
        ProductExports bare = new ProductExports("bare", List.of(export("com.atlassian.sal.api.*", "6.0.0")));
        assertEquals(List.of("com.atlassian.cache is a required import, but bare does not export it"),
                AtlassianProfile.rangesNotMatching(importOf("com.atlassian.cache;version=\"[7.0,8)\",com.atlassian.jira;resolution:=optional"),
                        List.of(bare)));
    }
}
