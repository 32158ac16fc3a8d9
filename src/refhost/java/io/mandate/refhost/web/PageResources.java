package io.mandate.refhost.web;

import com.atlassian.webresource.api.assembler.RequiredResources;
import com.atlassian.webresource.api.assembler.WebResourceAssembler;
import io.mandate.refhost.plugin.PluginDescriptor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static io.mandate.refhost.sal.HtmlEscapingPolicy.escape;

/**
 * The web resources one request's page requires, as the Web Resource Manager's request-local assembler collects
 * them: contexts ({@link #requireContext}) and modules by complete key ({@link #requireWebResource}), in the order
 * they were required. One per request ({@link RequestContext#pageResources()}); the decorator ({@link Page}) asks
 * {@link #resolve} which modules that makes, together with the contexts the host page itself asks for
 * (Jira's issue view: {@code jira.view.issue}), and writes their {@code <link>}/{@code <script>} tags into the
 * page's {@code <head>}.
 *
 * <p>Resolution, as the WRM does it: a context brings every module that names it (in descriptor order); a module
 * brings its {@code <dependency>} modules first; each module once. Only the plugin's own modules are resolved here;
 * dependencies on {@code com.atlassian.auiplugin:*} are satisfied by the AUI bundle every host page loads. A key
 * that names no module is left out (the WRM logs it and renders the page without it) and reported in
 * {@link Resolution#unknown()}.
 */
public final class PageResources implements WebResourceAssembler, RequiredResources {

    /** One requirement, in the order the page made it. */
    public record Requirement(boolean context, String key) { }

    /** The modules a page gets, dependencies first, and the required keys that named no module. */
    public record Resolution(List<PluginDescriptor.WebResource> modules, List<String> unknown) {
        public List<String> keys() {
            return modules.stream().map(PluginDescriptor.WebResource::key).toList();
        }
    }

    private final List<Requirement> required = new ArrayList<>();

    @Override
    public RequiredResources resources() {
        return this;
    }

    @Override
    public synchronized RequiredResources requireWebResource(String moduleCompleteKey) {
        required.add(new Requirement(false, Objects.requireNonNull(moduleCompleteKey, "moduleCompleteKey")));
        return this;
    }

    @Override
    public synchronized RequiredResources requireContext(String context) {
        required.add(new Requirement(true, Objects.requireNonNull(context, "context")));
        return this;
    }

    /** What was required so far, in order. */
    public synchronized List<Requirement> required() {
        return List.copyOf(required);
    }

    /** The modules of {@code plugin} for a page whose host asks for {@code hostContexts} and that required {@code required}. */
    public static Resolution resolve(PluginDescriptor plugin, List<String> hostContexts, List<Requirement> required) {
        Resolver resolver = new Resolver(plugin);
        hostContexts.forEach(resolver::context);
        for (Requirement r : required) {
            if (r.context()) {
                resolver.context(r.key());
            } else {
                resolver.module(r.key(), true);
            }
        }
        return new Resolution(List.copyOf(resolver.out.values()), List.copyOf(resolver.unknown));
    }

    /** The {@code <head>} tags of the resolved modules: stylesheets and scripts at /download/resources/pluginKey:moduleKey/name. */
    public static String tags(String contextPath, PluginDescriptor plugin, Resolution resolution) {
        StringBuilder head = new StringBuilder();
        for (PluginDescriptor.WebResource r : resolution.modules()) {
            for (PluginDescriptor.Resource res : r.resources()) {
                String url = contextPath + "/download/resources/" + plugin.key() + ":" + r.key() + "/" + res.name();
                if (res.name().endsWith(".css")) {
                    head.append("<link rel=\"stylesheet\" href=\"").append(escape(url)).append("\">");
                } else if (res.name().endsWith(".js")) {
                    head.append("<script src=\"").append(escape(url)).append("\"></script>");
                }
            }
        }
        return head.toString();
    }

    private static final class Resolver {
        private final PluginDescriptor plugin;
        private final Map<String, PluginDescriptor.WebResource> out = new LinkedHashMap<>();
        private final Set<String> visiting = new HashSet<>();
        private final List<String> unknown = new ArrayList<>();

        Resolver(PluginDescriptor plugin) {
            this.plugin = plugin;
        }

        void context(String context) {
            for (PluginDescriptor.WebResource r : plugin.webResources()) {
                if (r.contexts().contains(context)) {
                    add(r);
                }
            }
        }

        /** A module by complete key; another plugin's (AUI's) is on every page already, unless it was asked for directly. */
        void module(String completeKey, boolean direct) {
            String prefix = plugin.key() + ":";
            if (!completeKey.startsWith(prefix)) {
                if (direct && !completeKey.startsWith("com.atlassian.auiplugin:")) {
                    unknown.add(completeKey);
                }
                return;
            }
            String moduleKey = completeKey.substring(prefix.length());
            plugin.webResources().stream().filter(r -> r.key().equals(moduleKey)).findFirst()
                    .ifPresentOrElse(this::add, () -> unknown.add(completeKey));
        }

        void add(PluginDescriptor.WebResource r) {
            if (out.containsKey(r.key()) || !visiting.add(r.key())) {
                return; // already on the page, or a dependency cycle (the WRM breaks it the same way)
            }
            for (String dependency : r.dependencies()) {
                module(dependency, false);
            }
            visiting.remove(r.key());
            out.put(r.key(), r);
        }
    }
}
