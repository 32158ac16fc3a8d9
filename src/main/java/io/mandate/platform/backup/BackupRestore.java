package io.mandate.platform.backup;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mandate.platform.Entities;
import io.mandate.platform.IdSequences;
import io.mandate.platform.rest.ApiException;
import io.mandate.platform.rest.Message;
import net.java.ao.Entity;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a backup file as it arrives and writes its rows, each with the id it had: the header is checked first (the
 * format, the product, the model version), then every section in the file's order, row by row, and last the row
 * counts, so a file cut off anywhere is refused. One row at a time is in memory. Every problem is a 400 naming the
 * field and the line ({@code decisions[3].issueId}: "Line 9: …") and stops the reading; the caller runs all of it in
 * one transaction, so a refused file leaves nothing behind.
 */
final class BackupRestore {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Entities entities;
    private final IdSequences ids;
    private final BackupFile file;
    private final int modelVersion;

    BackupRestore(Entities entities, IdSequences ids, BackupFile file, int modelVersion) {
        this.entities = entities;
        this.ids = ids;
        this.file = file;
        this.modelVersion = modelVersion;
    }

    /** A file opened and its header read and checked; {@link #rows} reads (and writes) the rest. */
    final class Reading implements AutoCloseable {
        private final JsonParser parser;

        private Reading(JsonParser parser) {
            this.parser = parser;
        }

        /**
         * Every section and the row counts; with {@code write} the rows go into the tables, else they are only checked.
         * Returns the rows per section.
         */
        Map<String, Long> rows(boolean write) {
            try {
                Map<String, Long> counts = new LinkedHashMap<>();
                for (BackupTable table : file.sections()) {
                    field(table.section());
                    counts.put(table.section(), section(table, table.entity(), write));
                }
                field(BackupFile.ROW_COUNTS);
                checkCounts(counts);
                if (parser.nextToken() != JsonToken.END_OBJECT) {
                    throw invalid("body", Message.of("mandate.backup.error.end", line()));
                }
                if (parser.nextToken() != null) {
                    throw invalid("body", Message.of("mandate.backup.error.trailing", line()));
                }
                return counts;
            } catch (IOException e) {
                throw refusal(e);
            }
        }

        private <T extends Entity> long section(BackupTable table, Class<T> type, boolean write) throws IOException {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw invalid(table.section(), Message.of("mandate.backup.error.array", line()));
            }
            long count = 0;
            int lastId = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                int line = line();
                String at = table.section() + "[" + count + "]";
                JsonNode json = JSON.readTree(parser);
                Map<String, Message> problems = new LinkedHashMap<>();
                BackupTable.Row row = table.read(json, (int) Math.min(count, Integer.MAX_VALUE), line, problems);
                if (row != null && row.id() <= lastId) {
                    problems.put(at + ".id", Message.of("mandate.backup.error.order", line, row.id(), lastId));
                }
                if (!problems.isEmpty()) {
                    throw ApiException.invalid(problems);
                }
                if (write) {
                    insert(type, row, at, line);
                }
                lastId = row.id();
                count++;
            }
            if (write && lastId > 0) {
                ids.continueAfter(type, lastId);
            }
            return count;
        }

        private <T extends Entity> void insert(Class<T> type, BackupTable.Row row, String at, int line) {
            T created;
            try {
                created = entities.create(type, row.values());
            } catch (RuntimeException e) {
                if (Entities.isConstraintViolation(e) || isDataException(e)) {
                    throw invalid(at, Message.of("mandate.backup.error.refused", line));
                }
                throw e;
            }
            if (created.getID() != row.id()) {
                // the database gave the row an id of its own: references to it would point elsewhere
                throw ApiException.conflict(Message.of("mandate.backup.error.idsNotKept"),
                        Map.of("database", Message.of("mandate.backup.error.idsNotKeptField", row.id(), created.getID())));
            }
        }

        private void checkCounts(Map<String, Long> counts) throws IOException {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw invalid(BackupFile.ROW_COUNTS, Message.of("mandate.backup.error.object", line()));
            }
            JsonNode given = JSON.readTree(parser);
            Map<String, Message> problems = new LinkedHashMap<>();
            for (Map.Entry<String, Long> c : counts.entrySet()) {
                JsonNode n = given.get(c.getKey());
                if (n == null || !n.isIntegralNumber() || n.longValue() != c.getValue()) {
                    problems.put(BackupFile.ROW_COUNTS + "." + c.getKey(), Message.of("mandate.backup.error.count",
                            n == null ? "—" : n.asText(), c.getValue()));
                }
            }
            given.fieldNames().forEachRemaining(name -> {
                if (!counts.containsKey(name)) {
                    problems.put(BackupFile.ROW_COUNTS + "." + name, Message.of("mandate.backup.error.unknownSection"));
                }
            });
            if (!problems.isEmpty()) {
                throw ApiException.invalid(problems);
            }
        }

        private void field(String expected) throws IOException {
            JsonToken t = parser.nextToken();
            if (t != JsonToken.FIELD_NAME || !expected.equals(parser.currentName())) {
                throw invalid(expected, Message.of("mandate.backup.error.expected", line(), expected));
            }
        }

        private int line() {
            return parser.currentTokenLocation().getLineNr();
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException ignored) {
                // nothing more to read
            }
        }
    }

    /**
     * Opens the file and checks its header: 400 for another format, format version or product; 409 for another model
     * version (the file's tables are not this plugin version's).
     */
    Reading open(InputStream body) {
        JsonParser parser;
        try {
            parser = JSON.createParser(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        } catch (IOException e) {
            throw refusal(e);
        }
        Reading reading = new Reading(parser);
        try {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw invalid("body", Message.of("mandate.error.body.object"));
            }
            reading.field("format");
            String format = text(parser);
            if (!BackupFile.FORMAT.equals(format)) {
                throw invalid("format", Message.of("mandate.backup.error.format", BackupFile.FORMAT));
            }
            reading.field("formatVersion");
            Integer formatVersion = number(parser);
            if (!Objects.equals(formatVersion, BackupFile.FORMAT_VERSION)) {
                throw invalid("formatVersion", Message.of("mandate.backup.error.formatVersion", String.valueOf(formatVersion),
                        BackupFile.FORMAT_VERSION));
            }
            reading.field("product");
            String product = text(parser);
            if (!file.product().equals(product)) {
                throw invalid("product", Message.of("mandate.backup.error.product", String.valueOf(product), file.product()));
            }
            reading.field("modelVersion");
            Integer model = number(parser);
            if (model == null) {
                throw invalid("modelVersion", Message.of("mandate.backup.error.modelVersionMissing"));
            }
            if (model != modelVersion) {
                throw ApiException.conflict(Message.of("mandate.backup.error.model"),
                        Map.of("modelVersion", Message.of("mandate.backup.error.modelVersion", model, modelVersion)));
            }
            return reading;
        } catch (IOException e) {
            reading.close();
            throw refusal(e);
        } catch (RuntimeException e) {
            reading.close();
            throw e;
        }
    }

    private static String text(JsonParser parser) throws IOException {
        return parser.nextToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
    }

    private static Integer number(JsonParser parser) throws IOException {
        return parser.nextToken() == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT
                ? parser.getIntValue() : null;
    }

    private static ApiException invalid(String field, Message problem) {
        return ApiException.invalid(field, problem);
    }

    /** What the parser or the connection reported, as the contract's 400 naming {@code body}. */
    private static ApiException refusal(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return invalid("body", Message.of("mandate.error.body.encoding"));
            }
        }
        if (e instanceof JsonEOFException eof) {
            return invalid("body", Message.of("mandate.backup.error.truncated", eof.getLocation() == null ? "?" : eof.getLocation().getLineNr()));
        }
        if (e instanceof JsonProcessingException json) {
            String message = json.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field '")) {
                return invalid("body", Message.of("mandate.backup.error.duplicate", json.getLocation() == null ? "?" : json.getLocation().getLineNr(),
                        message.substring("Duplicate field '".length(), Math.max("Duplicate field '".length(), message.lastIndexOf('\'')))));
            }
            return invalid("body", json.getLocation() == null ? Message.of("mandate.error.body.malformed")
                    : Message.of("mandate.error.body.malformedAt", json.getLocation().getLineNr(), json.getLocation().getColumnNr()));
        }
        return invalid("body", Message.of("mandate.error.body.incomplete"));
    }

    /** SQL state class 22: the database could not store a value (too long for it, a character it refuses). */
    private static boolean isDataException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }
}
