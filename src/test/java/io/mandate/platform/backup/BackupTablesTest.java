package io.mandate.platform.backup;

import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import io.mandate.backup.JiraBackup;
import io.mandate.charter.CharterBackup;
import io.mandate.testing.AoTestSupport;
import io.mandate.testing.TestDatabases;
import net.java.ao.schema.FieldNameConverter;
import org.junit.Test;
import org.mockito.Mockito;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The backup's tables are the plugin's: every entity of the {@code <ao>} module is in Jira's or Confluence's backup file
 * or on the short list of what is deliberately left out, each column's name is the one Active Objects gives it, and the
 * file's model version is the newest upgrade task's.
 */
public class BackupTablesTest {

    /**
     * Entities no backup holds, and why: notification state — the claims that a decision's people were told, and the
     * queue of notifications waiting to be sent (its entities named ahead of their arrival from the scheduled-job
     * work, so that merging it does not make them a backup's): pending notifications are not backed up, and a
     * restored instance sends nothing for changes made before the backup.
     */
    static final Set<String> NOT_BACKED_UP = Set.of("io.mandate.decision.NotificationEntity",
            "io.mandate.decision.NoticeEntity", "io.mandate.decision.MailEntity", "io.mandate.decision.MailClaimEntity");

    private static List<String> descriptor(String tag) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList nodes = factory.newDocumentBuilder().parse(new File("atlassian-plugin.xml")).getElementsByTagName(tag);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().trim());
        }
        return values;
    }

    @Test
    public void everyEntityOfTheAoModuleIsInABackupOrLeftOutOnPurpose() throws Exception {
        Set<String> backedUp = new TreeSet<>();
        for (BackupFile file : List.of(JiraBackup.FILE, CharterBackup.FILE)) {
            file.sections().forEach(t -> assertTrue("once only: " + t, backedUp.add(t.entity().getName())));
        }
        Set<String> expected = new TreeSet<>(descriptor("entity"));
        expected.removeAll(NOT_BACKED_UP);
        assertEquals(expected, backedUp);
        assertTrue("the claims are in the module, and left out", descriptor("entity").contains("io.mandate.decision.NotificationEntity"));
    }

    @Test
    public void eachColumnHasTheNameActiveObjectsGivesIt() {
        try (AoTestSupport ao = new AoTestSupport(TestDatabases.HSQLDB)) {
            FieldNameConverter names = ao.activeObjects().entityManager().getFieldNameConverter();
            int columns = 0;
            for (BackupFile file : List.of(JiraBackup.FILE, CharterBackup.FILE)) {
                for (BackupTable t : file.sections()) {
                    for (BackupColumn c : t.columns()) {
                        assertEquals(t + "." + c.field(), names.getName(c.getter()), c.column());
                        columns++;
                    }
                }
            }
            assertTrue(columns > 80);
        }
    }

    @Test
    public void sectionsAreNamedOnceAndTheIdComesFirst() {
        for (BackupFile file : List.of(JiraBackup.FILE, CharterBackup.FILE)) {
            Set<String> sections = new TreeSet<>();
            for (BackupTable t : file.sections()) {
                assertTrue(t.section(), sections.add(t.section()));
                assertEquals("id", t.columns().get(0).field());
                List<String> rest = t.columns().subList(1, t.columns().size()).stream().map(BackupColumn::field).toList();
                assertEquals("then by name", rest.stream().sorted().toList(), rest);
            }
        }
    }

    @Test
    public void theFilesModelVersionIsTheNewestUpgradeTasks() throws Exception {
        int newest = 0;
        for (String task : descriptor("upgradeTask")) {
            ActiveObjectsUpgradeTask t = (ActiveObjectsUpgradeTask) Mockito.mock(Class.forName(task), Mockito.CALLS_REAL_METHODS);
            newest = Math.max(newest, Integer.parseInt(t.getModelVersion().toString()));
        }
        assertTrue(newest >= 1);
        assertEquals(newest, Backups.MODEL_VERSION);
    }

    @Test
    public void textLimitsAreTheColumns() {
        BackupTable decisions = JiraBackup.FILE.sections().get(0);
        assertEquals(10, column(decisions, "dueDate").maxLength());
        assertEquals(255, column(decisions, "issueKey").maxLength());
        assertEquals(-1, column(decisions, "outcome").maxLength());
        assertTrue(column(decisions, "issueKey").notNull());
        assertTrue(!column(decisions, "projectId").notNull());
        assertEquals(BackupColumn.Kind.LONG, column(decisions, "issueId").kind());
        assertEquals(BackupColumn.Kind.BOOLEAN, column(decisions, "domainByHand").kind());
        assertEquals(BackupColumn.Kind.INSTANT, column(decisions, "createdAt").kind());
    }

    private static BackupColumn column(BackupTable t, String field) {
        return t.columns().stream().filter(c -> c.field().equals(field)).findFirst().orElseThrow();
    }
}
