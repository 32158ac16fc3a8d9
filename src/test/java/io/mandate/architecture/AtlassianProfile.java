package io.mandate.architecture;

import io.mandate.refhost.plugin.OsgiHeader;
import io.mandate.refhost.plugin.OsgiVersion;
import io.mandate.refhost.plugin.ProductExports;
import io.mandate.testing.Bytecode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code atlassian} Maven profile (pom.xml) measured against what the plugin really uses: the {@code com.atlassian}
 * packages its classes and descriptor name, the artifacts that ship them (the table in
 * docs/design/atlassian-profile.md), the provided dependencies of the profile, and the Import-Package bnd wrote.
 * Each check returns the problems it found, one sentence each, so a test can show both that the build has none and
 * that a planted mistake is found.
 */
final class AtlassianProfile {

    static final String ATLASSIAN = "com.atlassian.";

    /** A dependency of the profile. */
    record Artifact(String groupId, String artifactId, String scope) {
        String coordinates() {
            return groupId + ":" + artifactId;
        }
    }

    /** One row of the table: a package and its subpackages come from an artifact ({@code groupId:artifactId}). */
    record Source(String packagePrefix, String artifact) {
        boolean covers(String pkg) {
            return pkg.equals(packagePrefix) || pkg.startsWith(packagePrefix + ".");
        }
    }

    private AtlassianProfile() {
    }

    // ---- reading the build ----

    /** The dependencies the profile with this id declares (not its dependencyManagement). */
    static List<Artifact> profileDependencies(File pom, String profileId) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList profiles = factory.newDocumentBuilder().parse(pom).getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (!profileId.equals(text(profile, "id"))) {
                continue;
            }
            List<Artifact> artifacts = new ArrayList<>();
            for (Element dependencies : children(profile, "dependencies")) {
                for (Element d : children(dependencies, "dependency")) {
                    String scope = text(d, "scope");
                    artifacts.add(new Artifact(text(d, "groupId"), text(d, "artifactId"), scope.isEmpty() ? "compile" : scope));
                }
            }
            return artifacts;
        }
        throw new IllegalArgumentException("pom.xml has no profile " + profileId);
    }

    private static final Pattern ROW = Pattern.compile("^\\|\\s*`(com\\.atlassian[\\w.]*)`\\s*\\|\\s*`([\\w.-]+:[\\w.-]+)`\\s*\\|");

    /** The rows of the table under the given heading of a Markdown file: {@code | `package` | `group:artifact` | … |}. */
    static List<Source> packageSources(File markdown, String heading) throws IOException {
        List<Source> sources = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(markdown.toPath())) {
            if (line.startsWith("#")) {
                inSection = line.replaceFirst("^#+\\s*", "").equals(heading);
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (inSection && row.find()) {
                sources.add(new Source(row.group(1), row.group(2)));
            }
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(markdown + " has no table under '" + heading + "'");
        }
        return sources;
    }

    /**
     * The {@code com.atlassian} packages the plugin uses: referenced by its compiled classes under
     * {@code classes/io/mandate} (what bnd sees), or named by a {@code class} attribute of the descriptor (classes the
     * product loads through the plugin, which bnd cannot see).
     */
    static Set<String> usedAtlassianPackages(File classes, File descriptor) throws Exception {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes.toPath().resolve("io/mandate"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                used.addAll(Bytecode.referencedPackages(Files.readAllBytes(file)));
            }
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList all = factory.newDocumentBuilder().parse(descriptor).getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            String c = ((Element) all.item(i)).getAttribute("class");
            if (c.contains(".")) {
                used.add(c.substring(0, c.lastIndexOf('.')));
            }
        }
        used.removeIf(p -> !p.startsWith(ATLASSIAN));
        return used;
    }

    /** The Import-Package clauses of a manifest, by package. */
    static Map<String, OsgiHeader.Clause> imports(File manifest) throws IOException {
        try (InputStream in = new FileInputStream(manifest)) {
            String header = new Manifest(in).getMainAttributes().getValue("Import-Package");
            Map<String, OsgiHeader.Clause> imports = new TreeMap<>();
            OsgiHeader.parse(header).forEach(c -> imports.put(c.path(), c));
            return imports;
        }
    }

    // ---- the checks ----

    /**
     * Every package the plugin uses has a row in the table, and the row's artifact is a {@code provided} dependency of
     * the profile; every dependency of the profile is {@code provided} (the products bring them; nothing is bundled).
     */
    static List<String> packagesWithoutArtifact(Set<String> used, List<Source> sources, List<Artifact> profile) {
        List<String> problems = new ArrayList<>();
        for (Artifact a : profile) {
            if (!"provided".equals(a.scope())) {
                problems.add(a.coordinates() + " is in the profile with scope " + a.scope() + "; the products provide it, so it must be provided");
            }
        }
        Set<String> provided = new TreeSet<>();
        profile.stream().filter(a -> "provided".equals(a.scope())).forEach(a -> provided.add(a.coordinates()));
        for (String pkg : used) {
            Optional<Source> source = sourceOf(pkg, sources);
            if (source.isEmpty()) {
                problems.add(pkg + " is used by the plugin, but no row of the table says which artifact ships it");
            } else if (!provided.contains(source.get().artifact())) {
                problems.add(pkg + " comes from " + source.get().artifact() + ", which is not a provided dependency of the profile");
            }
        }
        return problems;
    }

    /** Every dependency of the profile ships a package the plugin uses, and every row of the table covers one. */
    static List<String> artifactsWithoutPackage(List<Artifact> profile, List<Source> sources, Set<String> used) {
        List<String> problems = new ArrayList<>();
        Set<String> serving = new TreeSet<>();
        for (String pkg : used) {
            sourceOf(pkg, sources).ifPresent(s -> serving.add(s.artifact()));
        }
        for (Artifact a : profile) {
            if (!serving.contains(a.coordinates())) {
                problems.add(a.coordinates() + " is in the profile, but no package the plugin uses comes from it");
            }
        }
        for (Source s : sources) {
            if (used.stream().noneMatch(pkg -> sourceOf(pkg, sources).orElseThrow() == s)) {
                problems.add("the table's row " + s.packagePrefix() + " -> " + s.artifact() + " covers no package the plugin uses");
            }
        }
        return problems;
    }

    /** Import-Package lists exactly the {@code com.atlassian} packages the plugin uses. */
    static List<String> importsOtherThanUsed(Set<String> used, Set<String> imported) {
        List<String> problems = new ArrayList<>();
        used.stream().filter(p -> !imported.contains(p)).forEach(p -> problems.add(p + " is used but not in Import-Package"));
        imported.stream().filter(p -> p.startsWith(ATLASSIAN) && !used.contains(p))
                .forEach(p -> problems.add(p + " is in Import-Package but nothing uses it"));
        return problems;
    }

    /**
     * For every {@code com.atlassian} import and every product: a required import is exported by the product; where the
     * product exports the package at a checked version (not 0.0.0, see {@link ProductExports}), the import carries a
     * range, and that range is the exported major version, {@code [M.0,M+1)}; a range is never claimed for a package
     * whose exported version nobody checked.
     */
    static List<String> rangesNotMatching(Map<String, OsgiHeader.Clause> imports, List<ProductExports> products) {
        List<String> problems = new ArrayList<>();
        imports.forEach((pkg, clause) -> {
            if (!pkg.startsWith(ATLASSIAN)) {
                return;
            }
            boolean optional = "optional".equals(clause.directives().get("resolution"));
            String range = clause.attributes().get("version");
            for (ProductExports product : products) {
                Optional<OsgiVersion> exported = product.versionOf(pkg);
                if (exported.isEmpty()) {
                    if (!optional) {
                        problems.add(pkg + " is a required import, but " + product.product() + " does not export it");
                    }
                    continue;
                }
                OsgiVersion v = exported.get();
                boolean checked = !v.equals(OsgiVersion.ZERO);
                if (range == null) {
                    if (checked) {
                        problems.add(pkg + " has no version range, but " + product.product() + " exports it at " + v
                                + "; import it with [" + v.major() + ".0," + (v.major() + 1) + ")");
                    }
                } else if (!checked) {
                    problems.add(pkg + " claims " + range + ", but the version " + product.product()
                            + " exports it at was never checked (0.0.0 in ProductExports)");
                } else if (!isMajorRangeOf(OsgiVersion.Range.parse(range), v)) {
                    problems.add(pkg + " claims " + range + ", which is not [" + v.major() + ".0," + (v.major() + 1)
                            + "), the major version " + product.product() + " exports (" + v + ")");
                }
            }
        });
        return problems;
    }

    private static boolean isMajorRangeOf(OsgiVersion.Range range, OsgiVersion v) {
        return range.includes(v) && range.floorIncluded() && range.floor().major() == v.major()
                && range.floor().minor() == 0 && range.floor().micro() == 0
                && range.ceiling() != null && !range.ceilingIncluded()
                && range.ceiling().equals(new OsgiVersion(v.major() + 1, 0, 0, ""));
    }

    /** The row with the longest package prefix that covers the package. */
    static Optional<Source> sourceOf(String pkg, List<Source> sources) {
        return sources.stream().filter(s -> s.covers(pkg))
                .max(Comparator.comparingInt(s -> s.packagePrefix().length()));
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                children.add(e);
            }
        }
        return children;
    }

    private static String text(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        return found.isEmpty() ? "" : found.get(0).getTextContent().trim();
    }
}
