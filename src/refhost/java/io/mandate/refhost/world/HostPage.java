package io.mandate.refhost.world;

import java.util.Objects;

/**
 * A Confluence page of the reference host.
 *
 * @param id       the page id, as in {@code /pages/viewpage.action?pageId=65537}
 * @param spaceKey the key of the space the page lives in
 * @param title    the page title
 * @param body     the body in Confluence storage format (XHTML with {@code ac:} macro elements)
 */
public record HostPage(long id, String spaceKey, String title, String body) {

    public HostPage {
        Objects.requireNonNull(spaceKey, "spaceKey");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }
}
