package io.mandate.platform.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.JsonStreamContext;

import java.io.IOException;
import java.util.List;

/**
 * The backup file's format, version 1 (docs/rest-api.md, "Backup"): one JSON object, UTF-8,
 * <pre>
 * {"format":"mandate-backup",
 * "formatVersion":1,
 * "product":"jira",
 * "modelVersion":1,
 * "decisions":[
 * {"id":1,"approverKey":"JIRAUSER10001",…},
 * {"id":2,…}
 * ],
 * "participants":[
 * …
 * ],
 * "rowCounts":{"decisions":2,"participants":0,…}}
 * </pre>
 * The header first (what wrote it, the Active Objects model version of its tables), then one section per table in a
 * fixed order, each row on a line of its own in ascending id order, and last the number of rows of each section, so a
 * file cut off anywhere is refused. No date of writing and nothing else that varies: the same rows give the same bytes.
 *
 * @param product    {@code jira} or {@code confluence}: a file goes back into the product that wrote it
 * @param sections   the product's tables, in the file's order
 */
public record BackupFile(String product, List<BackupTable> sections) {

    public static final String FORMAT = "mandate-backup";
    public static final int FORMAT_VERSION = 1;
    static final String ROW_COUNTS = "rowCounts";

    public BackupFile {
        sections = List.copyOf(sections);
    }

    /**
     * The file's layout: top-level fields and the rows of a section one per line, everything else without spaces.
     * Whitespace is not meaning — a reader takes any — but people read backups with grep and less, and a fixed layout
     * keeps two exports of the same rows byte for byte the same.
     */
    static final class Layout implements PrettyPrinter {

        private static boolean isRoot(JsonStreamContext c) {
            return c != null && c.inObject() && c.getParent() != null && c.getParent().inRoot();
        }

        private static boolean isSection(JsonStreamContext c) {
            return c != null && c.inArray() && isRoot(c.getParent());
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            g.writeRaw('}');
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(isRoot(g.getOutputContext()) ? ",\n" : ",");
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(':');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            g.writeRaw(isSection(g.getOutputContext()) && values > 0 ? "\n]" : "]");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(isSection(g.getOutputContext()) ? ",\n" : ",");
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (isSection(g.getOutputContext())) {
                g.writeRaw('\n');
            }
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) {
            // the first field follows the brace
        }
    }
}
