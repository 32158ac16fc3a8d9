package io.mandate.platform.backup;

import io.mandate.backup.JiraBackup;
import io.mandate.charter.CharterBackup;
import io.mandate.testing.Contract;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.junit.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.Assert.assertEquals;

/**
 * docs/openapi.yaml describes the backup file as the code writes and reads it: one schema per section's row with
 * exactly the table's columns — type, null or not, longest text — and a file schema per product with its sections in
 * order. On a difference the message holds the YAML the spec should have.
 */
public class BackupContractTest {

    static String rowSchema(BackupTable t) {
        String section = t.section();
        return "Backup" + Character.toUpperCase(section.charAt(0)) + section.substring(1) + "Row";
    }

    static String fileSchema(BackupFile f) {
        return "Backup" + Character.toUpperCase(f.product().charAt(0)) + f.product().substring(1);
    }

    /** The YAML of the schemas, indented for components/schemas. */
    static String yaml() {
        StringBuilder y = new StringBuilder();
        for (BackupFile f : List.of(JiraBackup.FILE, CharterBackup.FILE)) {
            y.append("    ").append(fileSchema(f)).append(":\n");
            y.append("      type: object\n");
            y.append("      description: |\n");
            y.append("        A backup of Mandate's data in ").append(f.product().equals("jira") ? "Jira" : "Confluence")
                    .append(" (format version 1): the header, every row of every table — one section per table, in\n");
            y.append("        this order — and how many rows each section holds (docs/rest-api.md, \"Backup\").\n");
            y.append("      additionalProperties: false\n");
            y.append("      required: [format, formatVersion, product, modelVersion, ")
                    .append(String.join(", ", f.sections().stream().map(BackupTable::section).toList())).append(", rowCounts]\n");
            y.append("      properties:\n");
            y.append("        format: {type: string, enum: [mandate-backup]}\n");
            y.append("        formatVersion: {type: integer, format: int32, enum: [1]}\n");
            y.append("        product: {type: string, enum: [").append(f.product()).append("]}\n");
            y.append("        modelVersion: {type: integer, format: int32, minimum: 0, description: 'The Active Objects model version of the tables that were written out.'}\n");
            for (BackupTable t : f.sections()) {
                y.append("        ").append(t.section()).append(":\n");
                y.append("          type: array\n");
                y.append("          description: Every row of the table AO_3BD0E8_").append(t.entity().getAnnotation(net.java.ao.schema.Table.class).value())
                        .append(", by ascending id.\n");
                y.append("          items: {$ref: '#/components/schemas/").append(rowSchema(t)).append("'}\n");
            }
            y.append("        rowCounts:\n");
            y.append("          type: object\n");
            y.append("          description: How many rows each section holds, so a file cut off anywhere is refused.\n");
            y.append("          additionalProperties: false\n");
            y.append("          required: [").append(String.join(", ", f.sections().stream().map(BackupTable::section).toList())).append("]\n");
            y.append("          properties:\n");
            for (BackupTable t : f.sections()) {
                y.append("            ").append(t.section()).append(": {type: integer, format: int64, minimum: 0}\n");
            }
        }
        for (BackupFile f : List.of(JiraBackup.FILE, CharterBackup.FILE)) {
            for (BackupTable t : f.sections()) {
                y.append("    ").append(rowSchema(t)).append(":\n");
                y.append("      type: object\n");
                y.append("      description: One row of the table of `").append(t.entity().getName()).append("`, every column written (null for none).\n");
                y.append("      additionalProperties: false\n");
                y.append("      required: [").append(String.join(", ", t.columns().stream().map(BackupColumn::field).toList())).append("]\n");
                y.append("      properties:\n");
                for (BackupColumn c : t.columns()) {
                    y.append("        ").append(c.field()).append(": {").append(type(c)).append("}\n");
                }
            }
        }
        return y.toString();
    }

    private static String type(BackupColumn c) {
        String t = switch (c.kind()) {
            case INT -> "type: integer, format: int32" + (c.field().equals("id") ? ", minimum: 1" : "");
            case LONG -> "type: integer, format: int64";
            case BOOLEAN -> "type: boolean";
            case TEXT -> "type: string" + (c.maxLength() >= 0 ? ", maxLength: " + c.maxLength() : "");
            case INSTANT -> "type: string, format: date-time";
        };
        return t + (c.notNull() ? "" : ", nullable: true") + ", description: column " + c.column().toUpperCase(Locale.ROOT);
    }

    @Test
    public void theSpecDescribesEveryColumnOfEverySectionAsTheCodeDoes() {
        OpenAPI api = Contract.api();
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        List<String> wrong = new ArrayList<>();
        for (BackupFile f : List.of(JiraBackup.FILE, CharterBackup.FILE)) {
            Schema<?> file = schemas.get(fileSchema(f));
            List<String> sections = new ArrayList<>(List.of("format", "formatVersion", "product", "modelVersion"));
            f.sections().forEach(t -> sections.add(t.section()));
            sections.add("rowCounts");
            if (file == null || !sections.equals(new ArrayList<>(file.getProperties().keySet())) || !new java.util.TreeSet<>(sections).equals(new java.util.TreeSet<>(file.getRequired()))) {
                wrong.add(fileSchema(f));
            }
            for (BackupTable t : f.sections()) {
                Schema<?> row = schemas.get(rowSchema(t));
                if (row == null || !Boolean.FALSE.equals(row.getAdditionalProperties())) {
                    wrong.add(rowSchema(t));
                    continue;
                }
                List<String> fields = t.columns().stream().map(BackupColumn::field).toList();
                if (!fields.equals(new ArrayList<>(row.getProperties().keySet())) || !new java.util.TreeSet<>(fields).equals(new java.util.TreeSet<>(row.getRequired()))) {
                    wrong.add(rowSchema(t) + " fields");
                    continue;
                }
                for (BackupColumn c : t.columns()) {
                    Schema<?> p = row.getProperties().get(c.field());
                    String type = switch (c.kind()) {
                        case INT, LONG -> "integer";
                        case BOOLEAN -> "boolean";
                        case TEXT, INSTANT -> "string";
                    };
                    Integer max = c.kind() == BackupColumn.Kind.TEXT && c.maxLength() >= 0 ? c.maxLength() : null;
                    if (!type.equals(p.getType()) || Boolean.TRUE.equals(p.getNullable()) == c.notNull()
                            || !java.util.Objects.equals(max, p.getMaxLength())
                            || (c.kind() == BackupColumn.Kind.INSTANT) != "date-time".equals(p.getFormat())
                            || (c.kind() == BackupColumn.Kind.LONG) != "int64".equals(p.getFormat())) {
                        wrong.add(rowSchema(t) + "." + c.field());
                    }
                }
            }
        }
        assertEquals("docs/openapi.yaml's backup schemas; they should read:\n" + yaml(), List.of(), wrong);
    }
}
