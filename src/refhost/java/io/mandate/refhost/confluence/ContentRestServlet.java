package io.mandate.refhost.confluence;

import com.atlassian.sal.api.UrlMode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.mandate.refhost.ProductNode;
import io.mandate.refhost.web.Json;
import io.mandate.refhost.web.RequestContext;
import io.mandate.refhost.world.HostPage;
import io.mandate.refhost.world.HostPageVersion;
import io.mandate.refhost.world.Pages;
import io.mandate.refhost.world.World;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Confluence's content REST API ({@code /rest/api/content}) for pages, as scripts and real Confluence clients call it:
 * <ul>
 *     <li>{@code GET /rest/api/content?spaceKey=&title=&type=page&start=&limit=&expand=} — Confluence's paged result
 *     ({@code results}, {@code start}, {@code limit}, {@code size}, {@code _links}) of the pages the caller may see;</li>
 *     <li>{@code GET /rest/api/content/{id}?expand=body.storage,body.view,version,space,history} — {@code body.view}
 *     is the page rendered for the caller ({@link ViewRenderer}), its macros run as the caller;</li>
 *     <li>{@code POST /rest/api/content} with {@code {"type":"page","title","space":{"key"},"body":{"storage":{"value",
 *     "representation":"storage"}}}} — 200 with the new page at version 1;</li>
 *     <li>{@code PUT /rest/api/content/{id}} with the same and {@code "version":{"number"}} — Confluence's rule: the
 *     number is the current one plus one, anything else is 409 "Version must be incremented on update. Current
 *     version is: N";</li>
 *     <li>{@code DELETE /rest/api/content/{id}} — 204 (removed for good; Confluence trashes first).</li>
 * </ul>
 * Permissions come from the space's grants: a page in a space the caller cannot view is 404 as if it did not exist;
 * writing needs the space's edit grant (403). A body that is not well-formed storage format is 400 with the parser's
 * message, as Confluence answers. Errors have Confluence's shape ({@link ConfluenceErrors}). Anonymous callers get 401.
 */
public final class ContentRestServlet extends HttpServlet {

    /** Confluence's default page size of content lists. */
    static final int DEFAULT_LIMIT = 25;
    /** The most a page of results holds here. */
    static final int MAX_LIMIT = 100;

    private final ProductNode node;
    private final ViewRenderer renderer;

    public ContentRestServlet(ProductNode node, ViewRenderer renderer) {
        this.node = node;
        this.renderer = renderer;
    }

    private World world() {
        return node.world();
    }

    private ContentJson json(HttpServletRequest request) {
        return new ContentJson(world(), node.applicationProperties().getBaseUrl(UrlMode.CANONICAL), request.getContextPath());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = RequestContext.current().username();
        if (user == null) {
            unauthorised(response);
            return;
        }
        Optional<Long> id = id(request);
        if (id.isEmpty() && isCollection(request)) {
            list(request, response, user);
            return;
        }
        Optional<HostPage> page = visible(id, user);
        if (page.isEmpty()) {
            notFound(request, response);
            return;
        }
        ContentJson json = json(request);
        Json.write(response, 200, json.withBaseLinks(content(json, page.get(), expand(request), request, user)));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = RequestContext.current().username();
        if (user == null) {
            unauthorised(response);
            return;
        }
        if (!isCollection(request)) {
            ConfluenceErrors.write(response, 405, "POST is not supported here; create content with POST /rest/api/content.");
            return;
        }
        Optional<JsonNode> input = input(request, response);
        if (input.isEmpty()) {
            return;
        }
        String spaceKey = input.get().path("space").path("key").asText("");
        if (spaceKey.isEmpty()) {
            ConfluenceErrors.write(response, 400, "A space key is required: \"space\":{\"key\":\"…\"}.");
            return;
        }
        if (world().space(spaceKey).isEmpty() || !world().canViewSpace(user, spaceKey)) {
            ConfluenceErrors.write(response, 404, "No space with key : " + spaceKey);
            return;
        }
        if (!world().canEditSpace(user, spaceKey)) {
            ConfluenceErrors.write(response, 403, "Not permitted to create a page in space " + spaceKey + ".");
            return;
        }
        Optional<PageInput> page = pageInput(input.get(), response);
        if (page.isEmpty()) {
            return;
        }
        HostPage created;
        try {
            created = world().pages().create(spaceKey, page.get().title(), page.get().storage(), user, Instant.now());
        } catch (Pages.TitleTakenException e) {
            ConfluenceErrors.write(response, 400, "A page with this title already exists: " + e.getMessage());
            return;
        }
        ContentJson json = json(request);
        Json.write(response, 200, json.withBaseLinks(content(json, created, Set.of("body.storage", "version", "space", "history"),
                request, user)));
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = RequestContext.current().username();
        if (user == null) {
            unauthorised(response);
            return;
        }
        Optional<Long> id = id(request);
        Optional<HostPage> page = visible(id, user);
        if (page.isEmpty()) {
            notFound(request, response);
            return;
        }
        if (!world().canEditSpace(user, page.get().spaceKey())) {
            ConfluenceErrors.write(response, 403, "Not permitted to edit content with id: ContentId{id=" + id.get() + "}");
            return;
        }
        Optional<JsonNode> input = input(request, response);
        if (input.isEmpty()) {
            return;
        }
        String spaceKey = input.get().path("space").path("key").asText("");
        if (!spaceKey.isEmpty() && !spaceKey.equals(page.get().spaceKey())) {
            ConfluenceErrors.write(response, 400, "Moving a page to another space is not supported: the page is in "
                    + page.get().spaceKey() + ".");
            return;
        }
        JsonNode number = input.get().path("version").path("number");
        if (!number.canConvertToInt() || number.asInt() < 1) {
            ConfluenceErrors.write(response, 400, "A version is required to update content: \"version\":{\"number\":N}"
                    + " with N the current version plus one.");
            return;
        }
        Optional<PageInput> changed = pageInput(input.get(), response);
        if (changed.isEmpty()) {
            return;
        }
        HostPage updated;
        try {
            updated = world().pages().update(page.get().id(), number.asInt(), changed.get().title(), changed.get().storage(),
                    user, Instant.now());
        } catch (Pages.StaleVersionException e) {
            ConfluenceErrors.write(response, 409, e.getMessage());
            return;
        } catch (Pages.TitleTakenException e) {
            ConfluenceErrors.write(response, 400, "A page with this title already exists: " + e.getMessage());
            return;
        }
        ContentJson json = json(request);
        Json.write(response, 200, json.withBaseLinks(content(json, updated, Set.of("body.storage", "version", "space", "history"),
                request, user)));
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = RequestContext.current().username();
        if (user == null) {
            unauthorised(response);
            return;
        }
        Optional<Long> id = id(request);
        Optional<HostPage> page = visible(id, user);
        if (page.isEmpty()) {
            notFound(request, response);
            return;
        }
        if (!world().canEditSpace(user, page.get().spaceKey())) {
            ConfluenceErrors.write(response, 403, "Not permitted to delete content with id: ContentId{id=" + id.get() + "}");
            return;
        }
        world().pages().delete(page.get().id());
        response.setStatus(204);
    }

    // ---------------------------------------------------------------- the list

    private void list(HttpServletRequest request, HttpServletResponse response, String user) throws IOException {
        String spaceKey = request.getParameter("spaceKey");
        String title = request.getParameter("title");
        String type = request.getParameter("type") == null ? "page" : request.getParameter("type");
        String status = request.getParameter("status") == null ? "current" : request.getParameter("status");
        int start = number(request.getParameter("start"), 0);
        int limit = Math.min(Math.max(number(request.getParameter("limit"), DEFAULT_LIMIT), 0), MAX_LIMIT);
        List<HostPage> matching = new ArrayList<>();
        if (type.equals("page") && Set.of("current", "any").contains(status)) {
            for (HostPage page : world().pages().all()) {
                if ((spaceKey == null || spaceKey.equals(page.spaceKey()))
                        && (title == null || title.toLowerCase(Locale.ROOT).equals(page.title().toLowerCase(Locale.ROOT)))
                        && world().canViewSpace(user, page.spaceKey())) {
                    matching.add(page);
                }
            }
        }
        ContentJson json = json(request);
        Set<String> expand = expand(request);
        List<Object> results = new ArrayList<>();
        for (int i = start; i < Math.min(matching.size(), start + limit); i++) {
            results.add(content(json, matching.get(i), expand, request, user));
        }
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", node.applicationProperties().getBaseUrl(UrlMode.CANONICAL) + "/rest/api/content" + query(request, null));
        if (start + limit < matching.size()) {
            links.put("next", "/rest/api/content" + query(request, start + limit));
        }
        if (start > 0) {
            links.put("prev", "/rest/api/content" + query(request, Math.max(0, start - limit)));
        }
        links.put("base", node.applicationProperties().getBaseUrl(UrlMode.CANONICAL));
        links.put("context", request.getContextPath());
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("results", results);
        page.put("start", start);
        page.put("limit", limit);
        page.put("size", results.size());
        page.put("_links", links);
        Json.write(response, 200, page);
    }

    /** The request's query with {@code start} replaced (null: as it was). */
    private static String query(HttpServletRequest request, Integer start) {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> parameters.put(k, v.length == 0 ? "" : v[0]));
        if (start != null) {
            parameters.put("start", String.valueOf(start));
            parameters.putIfAbsent("limit", String.valueOf(DEFAULT_LIMIT));
        }
        if (parameters.isEmpty()) {
            return "";
        }
        return "?" + parameters.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    // ---------------------------------------------------------------- pieces

    private Map<String, Object> content(ContentJson json, HostPage page, Set<String> expand, HttpServletRequest request, String user) {
        HostPageVersion version = world().pages().version(page.id()).orElseThrow();
        return json.content(page, version, expand,
                () -> renderer.render(new RenderContext(page, user, request.getContextPath())));
    }

    /** A page the caller may see; an unknown one, one in a space they cannot view and a malformed id are alike. */
    private Optional<HostPage> visible(Optional<Long> id, String user) {
        return id.flatMap(world()::page).filter(p -> world().canViewSpace(user, p.spaceKey()));
    }

    private static boolean isCollection(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null || path.equals("/") || path.isEmpty();
    }

    private static Optional<Long> id(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(path.substring(1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Set<String> expand(HttpServletRequest request) {
        String expand = request.getParameter("expand");
        return expand == null ? Set.of() : Arrays.stream(expand.split(",")).map(String::trim).collect(Collectors.toSet());
    }

    private static int number(String value, int fallback) {
        try {
            return value == null ? fallback : Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A page's title and storage-format body from a request, checked as Confluence checks them. */
    private record PageInput(String title, String storage) {
    }

    private Optional<PageInput> pageInput(JsonNode input, HttpServletResponse response) throws IOException {
        String type = input.path("type").asText("");
        if (!type.equals("page")) {
            ConfluenceErrors.write(response, 400, type.isEmpty() ? "A content type is required: \"type\":\"page\"."
                    : "Content of type " + type + " is not supported here; the reference host has pages only.");
            return Optional.empty();
        }
        String title = input.path("title").asText("");
        if (title.isBlank()) {
            ConfluenceErrors.write(response, 400, "A page title is required.");
            return Optional.empty();
        }
        if (title.length() > Pages.MAX_TITLE_LENGTH) {
            ConfluenceErrors.write(response, 400, "A page title can be at most " + Pages.MAX_TITLE_LENGTH + " characters long.");
            return Optional.empty();
        }
        JsonNode storage = input.path("body").path("storage");
        if (!storage.path("value").isTextual()) {
            ConfluenceErrors.write(response, 400, "A body is required: \"body\":{\"storage\":{\"value\":\"…\",\"representation\":\"storage\"}}.");
            return Optional.empty();
        }
        String representation = storage.path("representation").asText("storage");
        if (!representation.equals("storage")) {
            ConfluenceErrors.write(response, 400, "Representation " + representation + " is not supported here; send \"storage\".");
            return Optional.empty();
        }
        String value = storage.path("value").asText();
        if (value.length() > Pages.MAX_BODY_LENGTH) {
            ConfluenceErrors.write(response, 413, "The body is too large: at most " + Pages.MAX_BODY_LENGTH + " characters.");
            return Optional.empty();
        }
        try {
            StorageFormat.parse(value);
        } catch (StorageFormatException e) {
            ConfluenceErrors.write(response, 400, e.getMessage());
            return Optional.empty();
        }
        return Optional.of(new PageInput(title.trim(), value));
    }

    /** The request's JSON body; answers 415 or 400 itself when there is none. */
    private static Optional<JsonNode> input(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            ConfluenceErrors.write(response, 415, "Send the content as application/json.");
            return Optional.empty();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(Pages.MAX_BODY_LENGTH * 4 + 65_536);
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                ConfluenceErrors.write(response, 400, "The request body must be a JSON object.");
                return Optional.empty();
            }
            return Optional.of(node);
        } catch (JsonProcessingException e) {
            ConfluenceErrors.write(response, 400, "The request body is not JSON: " + e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private static void unauthorised(HttpServletResponse response) throws IOException {
        ConfluenceErrors.write(response, 401, "This request requires authentication.");
    }

    private static void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        ConfluenceErrors.write(response, 404, "No content found with id: ContentId{id=" + path + "}");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
