package io.mandate.it;

import io.mandate.refhost.db.AoTablePrefix;
import io.mandate.refhost.db.AoUpgradeTasks;
import io.mandate.testing.RunningHost;
import org.junit.Test;

import static org.junit.Assert.assertEquals;

/** The built plugin's ao upgrade task ran when the host started it on a fresh database, in both products. */
public class AuditModelVersionIT {

    private static final String PREFIX = new AoTablePrefix("io.mandate").value();

    @Test
    public void aFreshInstallIsAtAuditModelVersionOneInJiraAndConfluence() {
        assertEquals("1", AoUpgradeTasks.currentVersion(RunningHost.get().jira().database(), PREFIX).toString());
        assertEquals("1", AoUpgradeTasks.currentVersion(RunningHost.get().confluence().database(), PREFIX).toString());
    }
}
