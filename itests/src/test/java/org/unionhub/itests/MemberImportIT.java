package org.unionhub.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The streaming member import (issue 18): thousands of lines written in batches, each refused line reported with
 * its line number and field while the good lines around it are imported, a broken file stopped at its line, and
 * the officer's scope and unique numbers checked as for a single member.
 */
public class MemberImportIT extends HubTestSupport {

    private static final String HEADER = "name,phone,orgId,employmentForm,newFormKind,cardNumber,joinedOn,idNumber\n";

    @Test
    public void manyLinesImportInBatchesAndRefusedLinesAreReportedWithTheirNumbers() throws Exception {
        long port = orgId("厦门海沧港务有限公司工会");
        long siming = orgId("思明区总工会");
        int rows = 3_000;
        StringBuilder csv = new StringBuilder(HEADER);
        List<Integer> bad = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            int line = i + 1; // the header is line 1
            String org = String.valueOf(port);
            String form = "EMPLOYEE";
            String phone = "";
            String card = "IMP" + String.format("%06d", i);
            if (i == 4) {
                form = "WIZARD";
            } else if (i == 99) {
                org = "abc";
            } else if (i == 999) {
                phone = "123";
            } else if (i == 1999) {
                org = String.valueOf(siming); // outside the Haicang officer's part of the tree
            } else if (i == 2499) {
                card = "IMP000010"; // the card of an earlier line of the same file
            } else {
                line = 0;
            }
            if (line > 0) {
                bad.add(line);
            }
            csv.append("导入会员").append(i).append(',').append(phone).append(',').append(org).append(',').append(form)
                    .append(",,").append(card).append(",2024-03-0").append(1 + i % 9).append(",\n");
        }
        JsonNode report = send("POST", "/api/members/import", Who.of("officer"), csv.toString(), "text/csv; charset=UTF-8")
                .expect(200).json();
        assertEquals(rows, report.path("rows").asInt());
        assertEquals(rows - bad.size(), report.path("created").asInt());
        assertEquals(bad.size(), report.path("refused").asInt());
        List<Integer> reported = new ArrayList<>();
        report.path("refusedLines").forEach(l -> reported.add(l.path("line").asInt()));
        assertEquals("each refused line by its number: " + report.path("refusedLines"), bad, reported);
        assertEquals("employmentForm", report.path("refusedLines").get(0).path("errors").get(0).path("field").asText());
        assertEquals("orgId", report.path("refusedLines").get(1).path("errors").get(0).path("field").asText());
        assertEquals("phone", report.path("refusedLines").get(2).path("errors").get(0).path("field").asText());
        assertEquals("cardNumber", report.path("refusedLines").get(4).path("errors").get(0).path("field").asText());
        assertEquals(0, report.path("refusedLinesOmitted").asInt());

        JsonNode last = get("/api/members?cardNumber=IMP003000", "officer").expect(200).json();
        assertEquals("导入会员3000", last.path("items").get(0).path("name").asText());
        assertEquals(0, get("/api/members?cardNumber=IMP001999", "admin").json().path("total").asLong());
        JsonNode audit = get("/api/audit?action=core.member.import&actor=officer", "admin").expect(200).json();
        assertTrue(audit.path("items").get(0).path("changes").asText().contains("\"created\":" + (rows - bad.size())));

        // the same file again: every card number is taken now, every line is refused, nothing is written twice
        JsonNode again = send("POST", "/api/members/import", Who.of("officer"), csv.toString(), "text/csv").expect(200).json();
        assertEquals(0, again.path("created").asInt());
        assertEquals(rows, again.path("refused").asInt());
        assertEquals(1_000, again.path("refusedLines").size());
        assertEquals(rows - 1_000, again.path("refusedLinesOmitted").asInt());
    }

    @Test
    public void aBrokenFileStopsAtItsLineAndBadRequestsAreRefused() throws Exception {
        long port = orgId("厦门海沧港务有限公司工会");
        String broken = HEADER + "断行一,," + port + ",EMPLOYEE,,BRK1,,\n断行二,," + port + ",EMPLOYEE,,BRK2,,\n\"断行三,,"
                + port + ",EMPLOYEE,,BRK3,,\n断行四,," + port + ",EMPLOYEE,,BRK4,,\n";
        JsonNode report = send("POST", "/api/members/import", Who.of("admin"), broken, "text/csv").expect(200).json();
        assertEquals(2, report.path("created").asInt());
        assertEquals(4, report.path("refusedLines").get(0).path("line").asInt());
        assertEquals("body", report.path("refusedLines").get(0).path("errors").get(0).path("field").asText());
        assertEquals("csv.quote", report.path("refusedLines").get(0).path("errors").get(0).path("code").asText());

        assertProblem(send("POST", "/api/members/import", Who.of("admin"), "", "text/csv"), 422, "body");
        assertProblem(send("POST", "/api/members/import", Who.of("admin"), "name,phone\n甲,\n", "text/csv"), 422, "header");
        assertProblem(send("POST", "/api/members/import", Who.of("member"), HEADER, "text/csv"), 403, null);
    }

    @Test
    public void lineErrorsCarryStableCodesAndComeInTheCallersLanguage() throws Exception {
        long port = orgId("厦门海沧港务有限公司工会");
        String csv = HEADER + "语言甲,,abc,EMPLOYEE,,LNG1,,\n" + "语言乙,,"+ port + ",WIZARD,,LNG2,,\n"
                + "语言丙,123," + port + ",EMPLOYEE,,LNG3,,\n" + "语言丁,," + port + ",EMPLOYEE,,LNG4,2024-13-45,\n";
        Map<String, String> expected = Map.of("orgId", "not.a.number", "employmentForm", "not.one.of", "phone", "phone",
                "joinedOn", "not.a.date");
        JsonNode english = importAs(csv, null);
        JsonNode chinese = importAs(csv.replace("LNG", "LNH"), "zh-CN,zh;q=0.9,en;q=0.8");
        assertEquals(4, english.path("refusedLines").size());
        assertEquals(4, chinese.path("refusedLines").size());
        for (int i = 0; i < 4; i++) {
            JsonNode en = first(english.path("refusedLines").get(i));
            JsonNode zh = first(chinese.path("refusedLines").get(i));
            String field = en.path("field").asText();
            assertEquals("line " + (i + 2) + ": " + en, expected.get(field), en.path("code").asText());
            assertEquals("the code does not depend on the language: " + zh, en.path("code").asText(), zh.path("code").asText());
            assertEquals(field, zh.path("field").asText());
            assertTrue("English without Accept-Language: " + en, en.path("message").asText().matches("[\\x20-\\x7E]+"));
            assertTrue("Chinese for zh-CN: " + zh, zh.path("message").asText().matches(".*\\p{IsHan}.*"));
            assertFalse("no property name in the Chinese: " + zh, zh.path("message").asText().contains(field));
        }
    }

    /** The first error of a refused line that is about one of the columns this test spoils. */
    private static JsonNode first(JsonNode line) {
        for (JsonNode e : line.path("errors")) {
            if (List.of("orgId", "employmentForm", "phone", "joinedOn").contains(e.path("field").asText())) {
                return e;
            }
        }
        throw new AssertionError("no error of a spoilt column: " + line);
    }

    /** Posts a CSV file as the officer with this Accept-Language (none when null). */
    private JsonNode importAs(String csv, String language) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/members/import"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "text/csv; charset=UTF-8")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("officer:officer".getBytes(
                        StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8));
        if (language != null) {
            b.header("Accept-Language", language);
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(
                StandardCharsets.UTF_8));
        assertEquals(r.body(), 200, r.statusCode());
        return new ObjectMapper().readTree(r.body());
    }

    private long orgId(String namePrefix) throws Exception {
        for (JsonNode o : get("/api/orgs?limit=500", "admin").json().path("items")) {
            if (o.path("name").asText().startsWith(namePrefix)) {
                return o.path("id").asLong();
            }
        }
        throw new AssertionError("no demo organisation " + namePrefix);
    }
}
