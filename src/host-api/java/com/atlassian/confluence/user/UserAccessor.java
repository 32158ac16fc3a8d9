// Checked against the decompiled Confluence 8.7.2 source (code corpus): UserAccessor declares (and ConfluenceUserResolver,
// which it extends, also declares) "@Nullable ConfluenceUser getExistingUserByKey(UserKey)": the user with that key
// unless it is unknown or deleted. Atlassian's confluence-slack-integration (release-2.x, Confluence 9.0.3) calls
// userAccessor.getExistingUserByKey(userProfile.getUserKey()). Only this member is declared.
package com.atlassian.confluence.user;

import com.atlassian.sal.api.user.UserKey;

/** Confluence's users. */
public interface UserAccessor {

    /** The user with this key, or null when there is none (or it was deleted). */
    ConfluenceUser getExistingUserByKey(UserKey key);
}
