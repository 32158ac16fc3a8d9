package io.mandate.architecture;

import io.mandate.refhost.db.AoEntityManagers;
import io.mandate.refhost.db.AoTablePrefix;
import io.mandate.refhost.db.Database;
import io.mandate.refhost.db.RefActiveObjects;
import io.mandate.refhost.plugin.PluginDescriptor;
import net.java.ao.RawEntity;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * docs/admin-guide/uninstall.md names exactly the tables Mandate's entities get: the ao module of the built descriptor
 * migrated the way the reference host migrates it at plugin start (its namespace, Atlassian's table naming), on a
 * fresh database. An entity added without the guide, or a table the guide names that nothing creates, fails here.
 */
public class AdminGuideTablesTest {

    private static final File GUIDE = new File("docs/admin-guide/uninstall.md");
    private static Database database;
    private static PluginDescriptor.Ao ao;
    private static Set<String> created;

    @BeforeClass
    @SuppressWarnings("unchecked")
    public static void createTheTablesAsTheReferenceHostDoes() throws Exception {
        try (InputStream in = new FileInputStream("target/classes/atlassian-plugin.xml")) {
            ao = PluginDescriptor.read(in, "jira").ao();
        }
        List<Class<? extends RawEntity<?>>> entities = new ArrayList<>();
        for (String name : ao.entities()) {
            entities.add((Class<? extends RawEntity<?>>) Class.forName(name));
        }
        database = Database.hsqldbMemory("adminguide" + System.nanoTime());
        new RefActiveObjects(AoEntityManagers.create(database, ao.namespace()), database)
                .migrate(entities.toArray(new Class[0]));
        created = new TreeSet<>();
        try (Connection c = database.dataSource().getConnection();
             ResultSet rs = c.getMetaData().getTables(null, null, "AO_%", new String[] {"TABLE"})) {
            while (rs.next()) {
                created.add(rs.getString("TABLE_NAME"));
            }
        }
    }

    @AfterClass
    public static void closeDatabase() {
        database.close();
    }

    /** The names in backquotes that start with Mandate's prefix, in the lines of the guide that match. */
    private static Set<String> namesInGuide(Pattern line) throws Exception {
        Set<String> names = new TreeSet<>();
        Pattern name = Pattern.compile("AO_3BD0E8_[A-Z_]+");
        for (String l : Files.readAllLines(GUIDE.toPath())) {
            if (line.matcher(l).find()) {
                Matcher m = name.matcher(l);
                while (m.find()) {
                    names.add(m.group());
                }
            }
        }
        return names;
    }

    @Test
    public void thePrefixTheGuideStatesIsTheOneOfTheNamespace() throws Exception {
        assertEquals("io.mandate", ao.namespace());
        assertEquals("AO_3BD0E8_", new AoTablePrefix(ao.namespace()).value());
        assertTrue(Files.readString(GUIDE.toPath()).contains("**`AO_3BD0E8_`**"));
    }

    @Test
    public void theGuidesTableListsExactlyTheTablesTheEntitiesGet() throws Exception {
        assertEquals(17, created.size());
        assertEquals(created, namesInGuide(Pattern.compile("^\\| `AO_3BD0E8_")));
    }

    @Test
    public void theGuidesDropStatementsCoverExactlyTheseTables() throws Exception {
        assertEquals(created, namesInGuide(Pattern.compile("DROP TABLE")));
    }

    /** So the guide may drop them in any order. */
    @Test
    public void noTableOfMandateReferencesAnother() throws Exception {
        try (Connection c = database.dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (String table : created) {
                try (ResultSet keys = meta.getImportedKeys(null, null, table)) {
                    assertTrue(table + " has a foreign key", !keys.next());
                }
            }
        }
    }
}
