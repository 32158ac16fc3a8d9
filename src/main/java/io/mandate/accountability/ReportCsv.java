package io.mandate.accountability;

import io.mandate.authority.MatrixCsv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A table of the accountability report as CSV: RFC 4180 (comma, double quotes around cells that hold a comma, a
 * quote or a line break, CRLF after every line), the header first. Like the matrix export it starts with a byte
 * order mark, so that spreadsheets read the text as UTF-8, and every cell — header included — is neutralised
 * against formula injection by the matrix export's rule ({@link MatrixCsv#neutralise}: a leading {@code '} before
 * {@code = + - @}, TAB or CR), so the plugin has one rule for every CSV it writes.
 */
public final class ReportCsv {

    private static final char BOM = '\uFEFF';
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").build();

    private ReportCsv() {
    }

    /**
     * The table as text for the caller to encode as UTF-8. A null cell is written empty.
     *
     * @throws IllegalArgumentException when a row has not as many cells as the header
     */
    public static String of(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder().append(BOM);
        try {
            CSVPrinter printer = new CSVPrinter(out, FORMAT);
            printer.printRecord(header.stream().map(MatrixCsv::neutralise).toList());
            for (int i = 0; i < rows.size(); i++) {
                List<String> row = rows.get(i);
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("row " + i + " has " + row.size() + " cells, the header " + header.size());
                }
                printer.printRecord(row.stream().map(MatrixCsv::neutralise).toList());
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return out.toString();
    }
}
