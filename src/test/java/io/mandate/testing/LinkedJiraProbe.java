package io.mandate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.mandate.refhost.ProductNode;
import io.mandate.refhost.plugin.PluginInstance;
import io.mandate.refhost.web.RequestContext;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Calls the plugin's {@code LinkedJira} component inside the running host's Confluence, as if during a request of
 * the given user — the way the charter macro will call it. The plugin's classes come from its own class loader, so
 * the call goes through reflection and the answer comes back as a plain {@link Answer}.
 */
public final class LinkedJiraProbe {

    /** A {@code JiraAnswer} seen from the test: its kind (the record's simple name) and its components. */
    public record Answer(String kind, JsonNode json, Integer status, Optional<URI> authorisationUri, String reason) {
    }

    private LinkedJiraProbe() {
    }

    /** {@code LinkedJira.get(JiraPath.root(root).segment(s1)…)} in Confluence as {@code username} (null = anonymous). */
    public static Answer get(String username, String root, String... segments) {
        ProductNode confluence = RunningHost.get().confluence();
        PluginInstance plugin = confluence.plugin();
        try {
            Class<?> linkedJira = Class.forName("io.mandate.platform.LinkedJira", false, plugin.classLoader());
            Class<?> jiraPath = Class.forName("io.mandate.platform.JiraPath", false, plugin.classLoader());
            Object path = jiraPath.getMethod("root", String.class).invoke(null, root);
            for (String segment : segments) {
                path = jiraPath.getMethod("segment", String.class).invoke(path, segment);
            }
            Object component = plugin.component(linkedJira);
            Method get = linkedJira.getMethod("get", jiraPath);
            Object finalPath = path;
            Object answer = RequestContext.runAs(new RequestContext(username, Locale.ENGLISH, null), () -> {
                try {
                    return get.invoke(component, finalPath);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("LinkedJira.get failed", e);
                }
            });
            return view(answer);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The plugin's LinkedJira cannot be called", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Answer view(Object answer) throws ReflectiveOperationException {
        JsonNode json = null;
        Integer status = null;
        Optional<URI> uri = Optional.empty();
        String reason = null;
        for (RecordComponent c : answer.getClass().getRecordComponents()) {
            Object value = c.getAccessor().invoke(answer);
            switch (c.getName()) {
                case "body" -> json = (JsonNode) value;
                case "status" -> status = (Integer) value;
                case "authorisationUri" -> uri = (Optional<URI>) value;
                case "reason" -> reason = (String) value;
                default -> throw new IllegalStateException("Unknown component " + c.getName() + " of " + answer.getClass());
            }
        }
        return new Answer(answer.getClass().getSimpleName(), json, status, uri, reason);
    }
}
