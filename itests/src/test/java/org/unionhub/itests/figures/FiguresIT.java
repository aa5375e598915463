package org.unionhub.itests.figures;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.Test;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.unionhub.api.validation.CreditCode;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Figures upward in a hub with every service module but the union fairs (the report lists what is installed; each
 * module's queries run over its demo data):
 * employers approved and positions posted at unions of three levels, the report rolled up the tree, the region's
 * target beside the actual, and the XLSX export opened and checked — rows per level, and every organisation's total
 * the sum of its own count and the totals below it.
 */
public class FiguresIT extends HubTestSupport {

    private static final AtomicInteger CODES = new AtomicInteger(8000);

    private final HttpClient raw = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected String[] features() {
        return new String[] {"unionhub-core", "unionhub-jobfairs", "unionhub-mutualaid", "unionhub-recuperation",
            "unionhub-modelworkers"};
    }

    @Override
    protected String[] expectedModules() {
        return new String[] {"jobfairs", "mutualaid", "recuperation", "modelworkers"};
    }

    @Override
    protected Option[] extraOptions() {
        return new Option[] {CoreOptions.systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT")
                .value("120000")};
    }

    @Test
    public void aSpreadsheetOfFiguresByLevelAddsUpAndStandsBesideTheTarget() throws Exception {
        long city = org("厦门市总工会");
        long haicang = org("海沧区总工会");
        long port = org("厦门海沧港务");
        long siming = org("思明区总工会");
        String year = Integer.toString(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());

        long portEmployer = approvedEmployer(port, "officer");
        approvedEmployer(haicang, "officer");
        long simingEmployer = approvedEmployer(siming, "siming");
        for (long employer : List.of(portEmployer, portEmployer, simingEmployer)) {
            post("/api/jobfairs/board/positions", "admin", job(employer)).expect(201);
        }
        put("/api/figures/targets", "admin", obj("orgId", city, "period", year, "module", "jobfairs", "figure", "employers",
                "target", 4)).expect(200);

        JsonNode report = get("/api/figures?period=" + year, "admin").expect(200).json();
        assertEquals(List.of("jobfairs", "modelworkers", "mutualaid", "recuperation"), names(report.path("modules")));
        int figures = 0;
        for (JsonNode r : report.path("rows")) {
            figures += r.path("orgId").asLong() == city ? 1 : 0;
        }
        assertEquals(8 + 2 + 3 + 2, figures);
        assertTrue("the demo hub's enrolments are counted", rowOf(report, "mutualaid", city, "enrolments").path("total")
                .asInt() > 0);
        assertEquals(city, report.path("orgId").asLong());
        JsonNode cityEmployers = row(report, city, "employers");
        assertEquals(0, cityEmployers.path("level").asInt());
        assertEquals(3, cityEmployers.path("total").asInt());
        assertEquals(0, new BigDecimal("4").compareTo(cityEmployers.path("target").decimalValue()));
        assertEquals(0, new BigDecimal("0.75").compareTo(cityEmployers.path("achieved").decimalValue()));
        assertEquals(2, row(report, haicang, "employers").path("total").asInt());
        assertEquals(1, row(report, haicang, "employers").path("own").asInt());
        assertEquals(2, row(report, port, "employers").path("level").asInt());
        assertEquals(2, row(report, port, "positions").path("own").asInt());
        assertEquals(4, row(report, port, "headcount").path("own").asInt());

        // the officer of a district reports from his union down, and not above it
        JsonNode district = get("/api/figures?period=" + year, "officer").expect(200).json();
        assertEquals(haicang, district.path("orgId").asLong());
        assertEquals(0, row(district, haicang, "employers").path("level").asInt());
        assertProblem(get("/api/figures?period=" + year + "&orgId=" + city, "officer"), 403, null);
        assertProblem(get("/api/figures?period=" + year, "member"), 403, null);
        assertProblem(get("/api/figures?period=2025-13", "admin"), 400, "period");
        assertProblem(get("/api/figures", "admin"), 400, "period");
        assertProblem(get("/api/figures/export?period=" + year + "&format=pdf", "admin"), 400, "format");
        assertProblem(put("/api/figures/targets", "officer", obj("orgId", city, "period", year, "module", "jobfairs",
                "figure", "employers", "target", 4)), 403, null);
        assertProblem(put("/api/figures/targets", "admin", obj("orgId", city, "period", year, "module", "fairs",
                "figure", "visits", "target", 4)), 422, "module");
        assertProblem(put("/api/figures/targets", "admin", obj("orgId", city, "period", year, "module", "jobfairs",
                "figure", "stalls", "target", 4)), 422, "figure");
        assertProblem(put("/api/figures/targets", "admin", obj("orgId", city, "period", year, "module", "jobfairs",
                "figure", "employers", "target", -1)), 422, "target");

        // the spreadsheet, opened: a header, one row per organisation and figure, levels 0, 1, 2
        HttpResponse<byte[]> xlsx = bytes("/api/figures/export?period=" + year, "admin");
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.headers().firstValue("Content-Type").orElse("").startsWith(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        List<List<String>> sheet = readXlsx(xlsx.body());
        assertTrue(sheet.get(0).get(0), sheet.get(0).get(0).contains("level"));
        List<List<String>> rows = sheet.subList(1, sheet.size());
        Map<String, Integer> perLevel = new TreeMap<>();
        for (List<String> r : rows) {
            perLevel.merge(r.get(0), 1, Integer::sum);
        }
        assertEquals(Map.of("0", figures, "1", 2 * figures, "2", 3 * figures), perLevel);
        checkTotals(rows);
        List<String> cityRow = rows.stream().filter(r -> r.get(1).equals(Long.toString(city)) && r.get(5).equals("jobfairs")
                && r.get(6).equals("employers"))
                .findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("3").compareTo(new BigDecimal(cityRow.get(10))));
        assertEquals(0, new BigDecimal("4").compareTo(new BigDecimal(cityRow.get(11))));

        // CSV for systems that take no XLSX: UTF-8 with a byte-order mark, the same rows
        HttpResponse<byte[]> csv = bytes("/api/figures/export?period=" + year + "&format=csv", "admin");
        assertEquals(200, csv.statusCode());
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"));
        assertEquals(sheet.size(), text.split("\n").length);
    }

    /** Every organisation's total is its own count plus the totals of the organisations right below it. */
    private static void checkTotals(List<List<String>> rows) {
        Map<String, BigDecimal> totals = new HashMap<>();
        Map<String, BigDecimal> expected = new HashMap<>();
        for (List<String> r : rows) {
            String key = r.get(1) + "/" + r.get(5) + "/" + r.get(6);
            totals.put(key, new BigDecimal(r.get(10)));
            expected.merge(key, new BigDecimal(r.get(9)), BigDecimal::add);
        }
        for (List<String> r : rows) {
            String parent = r.get(3) + "/" + r.get(5) + "/" + r.get(6);
            if (!r.get(3).isEmpty() && totals.containsKey(parent)) {
                expected.merge(parent, new BigDecimal(r.get(10)), BigDecimal::add);
            }
        }
        for (Map.Entry<String, BigDecimal> e : totals.entrySet()) {
            assertEquals(e.getKey(), 0, expected.get(e.getKey()).compareTo(e.getValue()));
        }
    }

    // ---- a reader for the little of XLSX this needs: shared strings, inline strings and numbers of sheet 1

    private static final Pattern CELL = Pattern.compile("<c r=\"([A-Z]+)(\\d+)\"([^>]*?)(?:/>|>(.*?)</c>)", Pattern.DOTALL);
    private static final Pattern VALUE = Pattern.compile("<v>(.*?)</v>|<t[^>]*>(.*?)</t>", Pattern.DOTALL);
    private static final Pattern SHARED = Pattern.compile("<si>(.*?)</si>", Pattern.DOTALL);

    static List<List<String>> readXlsx(byte[] file) throws IOException {
        // read through the central directory, as Excel, WPS, LibreOffice and POI do; java.util.zip's streaming
        // ZipInputStream refuses the local headers fastexcel's zip writer leaves without sizes
        Map<String, String> parts = new HashMap<>();
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("figures", ".xlsx");
        try {
            java.nio.file.Files.write(tmp, file);
            try (ZipFile zip = new ZipFile(tmp.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    try (java.io.InputStream in = zip.getInputStream(e)) {
                        parts.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
        List<String> shared = new ArrayList<>();
        Matcher s = SHARED.matcher(parts.getOrDefault("xl/sharedStrings.xml", ""));
        while (s.find()) {
            Matcher t = Pattern.compile("<t[^>]*>(.*?)</t>", Pattern.DOTALL).matcher(s.group(1));
            StringBuilder b = new StringBuilder();
            while (t.find()) {
                b.append(t.group(1));
            }
            shared.add(unescape(b.toString()));
        }
        String sheet = parts.get("xl/worksheets/sheet1.xml");
        assertTrue("no sheet1 in " + parts.keySet(), sheet != null);
        List<List<String>> rows = new ArrayList<>();
        Matcher c = CELL.matcher(sheet);
        while (c.find()) {
            int row = Integer.parseInt(c.group(2)) - 1;
            int col = column(c.group(1));
            String value = "";
            if (c.group(4) != null) {
                Matcher v = VALUE.matcher(c.group(4));
                if (v.find()) {
                    value = v.group(1) != null ? v.group(1) : v.group(2);
                }
                if (c.group(3).contains("t=\"s\"")) {
                    value = shared.get(Integer.parseInt(value));
                } else {
                    value = unescape(value);
                }
            }
            while (rows.size() <= row) {
                rows.add(new ArrayList<>());
            }
            List<String> r = rows.get(row);
            while (r.size() <= col) {
                r.add("");
            }
            r.set(col, value);
        }
        for (List<String> r : rows) {
            while (r.size() < 13) {
                r.add("");
            }
        }
        return rows;
    }

    private static int column(String letters) {
        int n = 0;
        for (char ch : letters.toCharArray()) {
            n = n * 26 + (ch - 'A' + 1);
        }
        return n - 1;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }

    // ---- helpers

    private HttpResponse<byte[]> bytes(String path, String account) throws Exception {
        String pair = account + ":" + account;
        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return raw.send(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode row(JsonNode report, long orgId, String figure) {
        for (JsonNode r : report.path("rows")) {
            if (r.path("orgId").asLong() == orgId && r.path("figure").asText().equals(figure)) {
                return r;
            }
        }
        throw new AssertionError("no row " + orgId + "/" + figure);
    }

    private static JsonNode rowOf(JsonNode report, String module, long orgId, String figure) {
        for (JsonNode r : report.path("rows")) {
            if (r.path("module").asText().equals(module) && r.path("orgId").asLong() == orgId
                    && r.path("figure").asText().equals(figure)) {
                return r;
            }
        }
        throw new AssertionError("no row " + module + "/" + orgId + "/" + figure);
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private long org(String prefix) throws Exception {
        for (JsonNode o : get("/api/orgs?limit=100", "admin").expect(200).json().path("items")) {
            if (o.path("name").asText().startsWith(prefix)) {
                return o.path("id").asLong();
            }
        }
        throw new AssertionError("no organisation " + prefix);
    }

    private long approvedEmployer(long orgId, String officer) throws Exception {
        String first17 = String.format("91350205%09d", CODES.incrementAndGet());
        long id = post("/api/jobfairs/registry", officer, obj("orgId", orgId, "name", "单位" + first17.substring(12),
                "creditCode", first17 + CreditCode.checkCharacter(first17), "industry", "freight", "size", "SMALL",
                "contactName", "人事部", "contactPhone", "0592-6000002")).expect(201).id();
        post("/api/jobfairs/registry/" + id + "/approve", officer, obj()).expect(200);
        return id;
    }

    private static ObjectNode job(long employer) {
        return obj("employerId", employer, "title", "装卸工", "headcount", 2, "salaryMin", 5000, "salaryMax", 7000,
                "education", "NONE", "experienceYears", 0, "location", "厦门", "expiresOn",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString());
    }
}
