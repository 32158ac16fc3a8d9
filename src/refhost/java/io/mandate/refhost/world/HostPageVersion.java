package io.mandate.refhost.world;

import java.time.Instant;

/**
 * A page's current version, as Confluence numbers them: 1 when created, one more with every edit.
 *
 * @param pageId      the page
 * @param number      Confluence's {@code version.number}
 * @param creatorKey  the user key of who created the page; null when the host does not know (a page from a data
 *                    folder older than page versions)
 * @param created     when the page was created
 * @param modifierKey the user key of who made this version; null as above
 * @param modified    when this version was made
 */
public record HostPageVersion(long pageId, int number, String creatorKey, Instant created, String modifierKey,
                              Instant modified) {
}
