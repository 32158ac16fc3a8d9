package io.mandate.platform.backup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.mandate.platform.Entities;
import net.java.ao.Entity;
import net.java.ao.Query;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a backup file while reading the tables: each table in pages of {@link #PAGE} rows by ascending id (one
 * statement per page, {@code WHERE ID > last ORDER BY ID}), every row written out as it is read, so neither the
 * file nor a table is ever held in memory whatever its size. The tables are read one after the other, not in one
 * snapshot: rows written meanwhile may or may not be in the file (docs/admin-guide/backup.md says to export when
 * nobody is changing Mandate's data).
 */
final class BackupExport {

    /** Rows per statement: few statements at the L dataset (7,000 for 7 million rows), a small page in memory. */
    static final int PAGE = 1000;
    private static final JsonFactory JSON = new JsonFactory();

    private final Entities entities;
    private final int page;

    BackupExport(Entities entities, int page) {
        this.entities = entities;
        this.page = page;
    }

    /** The whole file; returns the rows written per section. */
    Map<String, Long> write(BackupFile file, int modelVersion, OutputStream out) throws IOException {
        // through a UTF-8 writer: Jackson's byte generator would escape characters beyond the BMP (😀 as \uD83D\uDE00)
        java.io.Writer text = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8));
        JsonGenerator g = JSON.createGenerator(text);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setPrettyPrinter(new BackupFile.Layout());
        g.writeStartObject();
        g.writeStringField("format", BackupFile.FORMAT);
        g.writeNumberField("formatVersion", BackupFile.FORMAT_VERSION);
        g.writeStringField("product", file.product());
        g.writeNumberField("modelVersion", modelVersion);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (BackupTable table : file.sections()) {
            g.writeArrayFieldStart(table.section());
            counts.put(table.section(), rows(table, table.entity(), g));
            g.writeEndArray();
        }
        g.writeObjectFieldStart(BackupFile.ROW_COUNTS);
        for (Map.Entry<String, Long> c : counts.entrySet()) {
            g.writeNumberField(c.getKey(), c.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
        return counts;
    }

    private <T extends Entity> long rows(BackupTable table, Class<T> type, JsonGenerator g) throws IOException {
        // every column named: Active Objects streams only the columns a query selects
        String columns = table.columns().stream().map(BackupColumn::column).collect(java.util.stream.Collectors.joining(", "));
        long written = 0;
        int last = 0;
        while (true) {
            int[] seen = {0, last};
            try {
                entities.stream(type, Query.select(columns).where("ID > ?", last).order("ID").limit(page), (T row) -> {
                    try {
                        table.write(g, row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    seen[0]++;
                    seen[1] = row.getID();
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            written += seen[0];
            last = seen[1];
            if (seen[0] < page) {
                return written;
            }
        }
    }
}
