// Checked against the decompiled Confluence 8.7.2 source (code corpus: @Deprecated @Nullable Space getSpace(@Nullable
// String) — deprecated in favour of the REST-model SpaceService, still present in Confluence 9) and Atlassian's own
// confluence-slack-integration release-2.x (Confluence 9.0.3), which calls spaceManager.getSpace(spaceKey).
// Only the member the plugin calls is declared.
package com.atlassian.confluence.spaces;

/** Confluence's spaces. */
public interface SpaceManager {

    /** The space with this key, or null. */
    @Deprecated
    Space getSpace(String spaceKey);
}
