package io.mandate.refhost.db;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;
import com.atlassian.sal.api.message.I18nResolver;
import io.mandate.refhost.plugin.HostServices;
import io.mandate.refhost.plugin.PluginDescriptor;
import io.mandate.refhost.plugin.PluginInstance;
import io.mandate.refhost.plugin.PluginStartException;
import io.mandate.testing.TestDatabases;
import net.java.ao.Entity;
import net.java.ao.Query;
import net.java.ao.schema.Table;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import javax.inject.Inject;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A plugin start runs the ao module's upgrade tasks as Atlassian's AO plugin does: those newer than
 * the model version the host recorded, in version order, each once, recording each version.
 * On HSQLDB and PostgreSQL; each start is a new plugin instance over the same database.
 */
@RunWith(Parameterized.class)
public class AoUpgradeTasksTest {

    private static final String NAMESPACE = "test.upgrades";
    private static final String PREFIX = new AoTablePrefix(NAMESPACE).value();

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final String kind;
    private Database database;

    public AoUpgradeTasksTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        database = TestDatabases.fresh(kind);
    }

    @After
    public void tearDown() {
        database.close();
    }

    /** What each task run leaves behind: its own version and the version it was told it started from. */
    @Table("UPLOG")
    public interface UpgradeLog extends Entity {
        int getTaskVersion();
        void setTaskVersion(int taskVersion);

        String getFromVersion();
        void setFromVersion(String fromVersion);

        String getNote();
        void setNote(String note);
    }

    abstract static class LoggingTask implements ActiveObjectsUpgradeTask {
        private final int version;

        LoggingTask(int version) {
            this.version = version;
        }

        @Override
        public ModelVersion getModelVersion() {
            return ModelVersion.valueOf(String.valueOf(version));
        }

        @Override
        public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
            ao.migrate(UpgradeLog.class);
            ao.create(UpgradeLog.class, Map.of("TASK_VERSION", version, "FROM_VERSION", currentVersion.toString(),
                    "NOTE", note()));
        }

        String note() {
            return "";
        }
    }

    public static final class TaskOne extends LoggingTask {
        public TaskOne() {
            super(1);
        }
    }

    public static final class TaskTwo extends LoggingTask {
        public TaskTwo() {
            super(2);
        }
    }

    /** Takes a host service in its constructor, as a real upgrade task may. */
    public static final class TaskThreeWithAService extends LoggingTask {
        private final I18nResolver i18n;

        @Inject
        public TaskThreeWithAService(I18nResolver i18n) {
            super(3);
            this.i18n = i18n;
        }

        @Override
        String note() {
            return i18n.getText("greeting");
        }
    }

    /** Writes its log row, then fails: the row must be rolled back with it. */
    public static final class FailingTaskFour extends LoggingTask {
        public FailingTaskFour() {
            super(4);
        }

        @Override
        public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
            super.upgrade(currentVersion, ao);
            throw new IllegalStateException("column cannot be converted");
        }
    }

    public static final class AnotherTaskOne extends LoggingTask {
        public AnotherTaskOne() {
            super(1);
        }
    }

    private void start(Class<?>... tasks) throws Exception {
        File root = folder.newFolder();
        StringBuilder ao = new StringBuilder("<ao key=\"ao\" namespace=\"" + NAMESPACE + "\"><entity>"
                + UpgradeLog.class.getName() + "</entity>");
        for (Class<?> task : tasks) {
            ao.append("<upgradeTask>").append(task.getName()).append("</upgradeTask>");
        }
        ao.append("</ao>");
        Files.writeString(new File(root, "atlassian-plugin.xml").toPath(),
                "<atlassian-plugin key=\"test.plugin\" name=\"Test\">" + ao + "</atlassian-plugin>", StandardCharsets.UTF_8);
        File index = new File(root, "META-INF/plugin-components");
        assertTrue(index.mkdirs());
        Files.writeString(new File(index, "imports").toPath(), I18nResolver.class.getName() + "\n", StandardCharsets.UTF_8);
        I18nResolver i18n = mock(I18nResolver.class);
        when(i18n.getText("greeting")).thenReturn("hello");
        // classes from the tests, resources (descriptor, component index) only from this plugin's folder
        try (URLClassLoader loader = new URLClassLoader(new URL[]{root.toURI().toURL()}, getClass().getClassLoader()) {
            @Override
            public URL getResource(String name) {
                return findResource(name);
            }
        }) {
            PluginDescriptor d = PluginInstance.readDescriptor(loader, "jira");
            RefActiveObjects activeObjects = new RefActiveObjects(AoEntityManagers.create(database, NAMESPACE), database);
            PluginInstance.start("jira", loader, d, new HostServices().add(I18nResolver.class, i18n), activeObjects).close();
        }
    }

    /** "taskVersion<-fromVersion" of every run so far, in the order they ran. */
    private List<String> runs() {
        RefActiveObjects ao = new RefActiveObjects(AoEntityManagers.create(database, NAMESPACE), database);
        ao.migrate(UpgradeLog.class);
        return Arrays.stream(ao.find(UpgradeLog.class, Query.select().order("ID")))
                .map(r -> r.getTaskVersion() + "<-" + r.getFromVersion()).toList();
    }

    private String recordedVersion() {
        return AoUpgradeTasks.currentVersion(database, PREFIX).toString();
    }

    @Test
    public void aFreshInstallRunsEveryTaskInVersionOrderStartingFromVersionZero() throws Exception {
        start(TaskTwo.class, TaskOne.class);
        assertEquals(List.of("1<-0", "2<-1"), runs());
        assertEquals("2", recordedVersion());
    }

    @Test
    public void theNextStartRunsNoTaskAgain() throws Exception {
        start(TaskOne.class, TaskTwo.class);
        start(TaskOne.class, TaskTwo.class);
        assertEquals(List.of("1<-0", "2<-1"), runs());
        assertEquals("2", recordedVersion());
    }

    @Test
    public void aNewerTaskRunsOnceOnTheStartThatBringsItAndIsRecorded() throws Exception {
        start(TaskOne.class);
        assertEquals("1", recordedVersion());
        start(TaskOne.class, TaskTwo.class);
        assertEquals(List.of("1<-0", "2<-1"), runs());
        assertEquals("2", recordedVersion());
        start(TaskOne.class, TaskTwo.class);
        assertEquals("not again", 2, runs().size());
    }

    @Test
    public void anUpgradeTaskIsAutowiredWithTheServicesItsConstructorNames() throws Exception {
        start(TaskThreeWithAService.class);
        RefActiveObjects ao = new RefActiveObjects(AoEntityManagers.create(database, NAMESPACE), database);
        assertEquals("hello", ao.find(UpgradeLog.class)[0].getNote());
        assertEquals("3", recordedVersion());
    }

    @Test
    public void aFailingTaskStopsTheStartRollsBackItsWorkAndKeepsTheLastGoodVersion() throws Exception {
        try {
            start(TaskOne.class, FailingTaskFour.class);
            fail("the start must fail");
        } catch (PluginStartException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(FailingTaskFour.class.getName())
                    && e.getMessage().contains("column cannot be converted"));
        }
        assertEquals(List.of("1<-0"), runs());
        assertEquals("1", recordedVersion());
    }

    @Test
    public void twoTasksWithTheSameVersionStopTheStartBeforeEitherRuns() throws Exception {
        try {
            start(TaskOne.class, AnotherTaskOne.class);
            fail("the start must fail");
        } catch (PluginStartException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("more than one upgrade task with model version 1"));
        }
        assertEquals(List.of(), runs());
        assertEquals("0", recordedVersion());
    }
}
