package io.mandate.refhost.confluence;

import io.mandate.refhost.world.HostPage;

import java.util.Objects;

/**
 * What a page is rendered for: the page (its space is where a link without a space key points), the viewer (who
 * must be able to see what a link reveals; macros run as this user) and Confluence's context path for links.
 *
 * @param page        the page being rendered
 * @param viewer      the viewing user's username, null when anonymous
 * @param contextPath Confluence's context path, e.g. {@code /confluence}
 */
public record RenderContext(HostPage page, String viewer, String contextPath) {

    public RenderContext {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(contextPath, "contextPath");
    }
}
