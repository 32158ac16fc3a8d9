package io.mandate.architecture.planted.decision;

import com.atlassian.sal.api.user.UserManager;

/** Planted violation: a capability class (not an entry point) that uses a host type directly. */
public class TouchesHost {
    public boolean admin(UserManager users) {
        return users.getRemoteUserKey() != null;
    }
}
