package io.mandate.refhost.db;

import io.mandate.testing.TestDatabases;
import net.java.ao.Entity;
import net.java.ao.schema.Table;
import org.junit.Test;

import java.util.Map;

import static org.junit.Assert.assertEquals;

/** Active Objects as the host configures it, on PostgreSQL schemas that share one database (Jira's and Confluence's). */
public class AoEntityManagersTest {

    @Table("SHAPE")
    public interface ShapeV1 extends Entity {
        String getName();
        void setName(String name);
    }

    @Table("SHAPE")
    public interface ShapeV2 extends Entity {
        String getName();
        void setName(String name);

        Integer getSize();
        void setSize(Integer size);
    }

    @Test
    public void aTableOfTheSameNameInAnotherSchemaDoesNotConfuseTheMigration() {
        try (Database upgraded = TestDatabases.fresh(TestDatabases.POSTGRESQL);
             Database older = TestDatabases.fresh(TestDatabases.POSTGRESQL)) {
            RefActiveObjects newer = new RefActiveObjects(AoEntityManagers.create(upgraded, "shapes"), upgraded);
            RefActiveObjects old = new RefActiveObjects(AoEntityManagers.create(older, "shapes"), older);
            old.migrate(ShapeV1.class);
            newer.migrate(ShapeV2.class);

            // reading its own table, the older schema must not see the other schema's SIZE column
            old.migrate(ShapeV1.class);
            old.create(ShapeV1.class, Map.of("NAME", "circle"));
            old.migrate(ShapeV2.class);
            assertEquals(1, old.count(ShapeV2.class));
        }
    }
}
