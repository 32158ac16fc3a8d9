// Checked against https://docs.atlassian.com/sal-parent/3.0.4/xref/com/atlassian/sal/api/user/UserKey.html
// (fromLong(long) checked against the decompiled later sal-api UserKey source).
package com.atlassian.sal.api.user;

import java.io.Serializable;
import java.util.Objects;

/** The stable identifier of a user, unchanged by renames. */
public final class UserKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String userkey;

    public UserKey(String userkey) {
        this.userkey = Objects.requireNonNull(userkey, "userkey");
    }

    public String getStringValue() {
        return userkey;
    }

    public static UserKey fromLong(long userId) {
        return new UserKey(String.valueOf(userId));
    }

    @Override
    public String toString() {
        return getStringValue();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        return userkey.equals(((UserKey) o).userkey);
    }

    @Override
    public int hashCode() {
        return userkey.hashCode();
    }
}
