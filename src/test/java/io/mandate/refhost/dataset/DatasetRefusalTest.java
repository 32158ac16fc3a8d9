package io.mandate.refhost.dataset;

import io.mandate.refhost.world.World;
import io.mandate.testing.TestDatabases;
import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** A dataset goes only into an empty database: never on top of the sample organisation (or anything else). */
public class DatasetRefusalTest {

    @Test
    public void refusesTheSampleOrganisationsDatabaseAndLeavesItAsItWas() {
        try (GeneratedDatabase db = new GeneratedDatabase(TestDatabases.HSQLDB)) {
            World.open(db.dataSource(), World.Contents.SAMPLE_ORGANISATION); // a host that started without a dataset
            try {
                db.generate(DatasetSpec.S, 1);
                fail("generated over the sample organisation");
            } catch (DatasetException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("HOST_USER=10"));
                assertTrue(e.getMessage(), e.getMessage().contains("empty data folder"));
            }
            assertEquals(10, db.count("HOST_USER"));
            assertEquals(0, db.count(db.table(AoTables.DECISION)));
            assertEquals(null, DatasetGenerator.marker(db.dataSource()));
        }
    }

    @Test
    public void opensEmptyWhenAskedTo() {
        try (GeneratedDatabase db = new GeneratedDatabase(TestDatabases.HSQLDB)) {
            World world = World.open(db.dataSource(), World.Contents.NONE);
            assertEquals(0, world.users().size());
            assertEquals(false, world.seededNow());
        }
    }
}
