package io.mandate.refhost.confluence;

import io.mandate.refhost.world.HostPage;
import io.mandate.refhost.world.HostPageVersion;
import io.mandate.refhost.world.HostSpace;
import io.mandate.refhost.world.HostUser;
import io.mandate.refhost.world.World;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A page as Confluence's content REST API shows it: {@code id} (a string), {@code type}, {@code status},
 * {@code title}, what the caller asked to {@code expand} ({@code body.storage}, {@code body.view}, {@code version},
 * {@code space}, {@code history}), {@code _expandable} naming what else could be expanded, and {@code _links}.
 */
final class ContentJson {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    private final World world;
    private final String base;
    private final String context;

    /** @param base Confluence's base URL ({@code http://host:port/confluence}); @param context its context path */
    ContentJson(World world, String base, String context) {
        this.world = world;
        this.base = base;
        this.context = context;
    }

    Map<String, Object> content(HostPage page, HostPageVersion version, Set<String> expand, Supplier<String> view) {
        String self = base + "/rest/api/content/" + page.id();
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> expandable = new LinkedHashMap<>();
        json.put("id", String.valueOf(page.id()));
        json.put("type", "page");
        json.put("status", "current");
        json.put("title", page.title());
        if (expand.contains("space")) {
            json.put("space", space(world.space(page.spaceKey()).orElseThrow()));
        } else {
            expandable.put("space", "/rest/api/space/" + page.spaceKey());
        }
        if (expand.contains("history")) {
            Map<String, Object> history = new LinkedHashMap<>();
            history.put("latest", true);
            history.put("createdBy", user(version.creatorKey()));
            history.put("createdDate", WHEN.format(version.created()));
            history.put("_links", Map.of("self", self + "/history"));
            json.put("history", history);
        } else {
            expandable.put("history", "/rest/api/content/" + page.id() + "/history");
        }
        if (expand.contains("version")) {
            json.put("version", version(page, version));
        } else {
            expandable.put("version", "");
        }
        boolean storage = expand.contains("body.storage");
        boolean rendered = expand.contains("body.view");
        if (storage || rendered || expand.contains("body")) {
            Map<String, Object> body = new LinkedHashMap<>();
            Map<String, Object> bodyExpandable = new LinkedHashMap<>();
            bodyExpandable.put("editor", "");
            if (rendered) {
                body.put("view", representation(view.get(), "view", page));
            } else {
                bodyExpandable.put("view", "");
            }
            bodyExpandable.put("export_view", "");
            bodyExpandable.put("styled_view", "");
            if (storage) {
                body.put("storage", representation(page.body(), "storage", page));
            } else {
                bodyExpandable.put("storage", "");
            }
            bodyExpandable.put("anonymous_export_view", "");
            body.put("_expandable", bodyExpandable);
            json.put("body", body);
        } else {
            expandable.put("body", "");
        }
        json.put("extensions", Map.of("position", "none"));
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("webui", "/pages/viewpage.action?pageId=" + page.id());
        links.put("self", self);
        json.put("_links", links);
        expandable.put("container", "/rest/api/space/" + page.spaceKey());
        expandable.put("ancestors", "");
        expandable.put("children", "/rest/api/content/" + page.id() + "/child");
        expandable.put("descendants", "/rest/api/content/" + page.id() + "/descendant");
        json.put("_expandable", expandable);
        return json;
    }

    /** The {@code _links} of an answer: the content's, plus where the API lives. */
    Map<String, Object> withBaseLinks(Map<String, Object> content) {
        @SuppressWarnings("unchecked")
        Map<String, Object> links = (Map<String, Object>) content.get("_links");
        links.put("base", base);
        links.put("context", context);
        links.put("collection", "/rest/api/content");
        return content;
    }

    private Map<String, Object> version(HostPage page, HostPageVersion version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("by", user(version.modifierKey()));
        json.put("when", WHEN.format(version.modified()));
        json.put("message", "");
        json.put("number", version.number());
        json.put("minorEdit", false);
        json.put("hidden", false);
        json.put("_links", Map.of("self", base + "/rest/experimental/content/" + page.id() + "/version/" + version.number()));
        json.put("_expandable", Map.of("content", "/rest/api/content/" + page.id()));
        return json;
    }

    private static Map<String, Object> representation(String value, String representation, HostPage page) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("value", value);
        json.put("representation", representation);
        json.put("_expandable", Map.of("content", "/rest/api/content/" + page.id()));
        return json;
    }

    Map<String, Object> space(HostSpace space) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", space.id());
        json.put("key", space.key());
        json.put("name", space.name());
        json.put("type", "global");
        json.put("status", "current");
        json.put("_links", Map.of("webui", "/display/" + space.key(), "self", base + "/rest/api/space/" + space.key()));
        return json;
    }

    /** A user as Confluence shows one in content: known, or anonymous when the host does not know who. */
    Map<String, Object> user(String userKey) {
        Map<String, Object> json = new LinkedHashMap<>();
        HostUser user = userKey == null ? null : world.userByKey(userKey).orElse(null);
        if (user == null) {
            json.put("type", userKey == null ? "anonymous" : "unknown");
            if (userKey != null) {
                json.put("userKey", userKey);
            }
            json.put("displayName", userKey == null ? "Anonymous" : userKey);
            return json;
        }
        json.put("type", "known");
        json.put("username", user.username());
        json.put("userKey", user.key());
        json.put("displayName", user.displayName());
        json.put("_links", Map.of("self", base + "/rest/api/user?key=" + user.key()));
        return json;
    }
}
