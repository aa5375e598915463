package org.unionhub.modelworkers.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.Test;
import org.osgi.framework.ServiceReference;
import org.unionhub.api.validation.IdCardNumber;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The model-worker module against the real distribution: CSV import with its report, search and counts,
 * ID numbers kept out of plain text, nominations, status history, special subsidies, the lookup service.
 */
public class ModelWorkersIT extends HubTestSupport {

    private static final String ROOT = "/api/model-workers";
    private static final String[] LEVELS = {"NATIONAL_MODEL_WORKER", "NATIONAL_ADVANCED_WORKER", "MAY_DAY_MEDAL",
        "REGIONAL_MODEL_WORKER", "REGIONAL_ADVANCED_WORKER"};
    private static final int PEOPLE = 300;

    @Override
    protected String[] features() {
        return new String[] {"unionhub-core", "unionhub-modelworkers"};
    }

    @Override
    protected String[] expectedModules() {
        return new String[] {"modelworkers"};
    }

    // ---- import, search, counts, and no plain ID numbers

    @Test
    public void importReportsEveryLineAgainChangesNothingAndNumbersStaySealed() throws Exception {
        long org = post("/api/orgs", "officer", obj("name", "阿克苏劳模档案测试工会", "kind", "GRASSROOTS",
                "parentId", orgId("海沧区总工会"))).expect(201).id();
        List<String> plain = new ArrayList<>();
        StringBuilder csv = new StringBuilder("name,idNumber,title,yearAwarded,awardingBody,workplace,orgId,contact,status\r\n");
        Map<String, Long> byLevel = new LinkedHashMap<>();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        int lowerCaseX = -1;
        for (int i = 0; i < PEOPLE; i++) {
            String id = number(LocalDate.of(1950 + i % 50, 1 + i % 12, 1 + i % 28), i);
            plain.add(id);
            String written = id;
            if (id.endsWith("X") && lowerCaseX < 0) {
                lowerCaseX = i;
                written = id.toLowerCase();
            }
            String level = LEVELS[i % 5];
            String status = i % 25 == 0 ? "DECEASED" : i % 10 == 0 ? "RETIRED" : "ACTIVE";
            byLevel.merge(level, 1L, Long::sum);
            byStatus.merge(status, 1L, Long::sum);
            String workplace = i % 7 == 0 ? "\"乌鲁木齐, 第" + i + "车间\"" : "阿克苏第" + i + "厂";
            csv.append("测试劳模").append(i).append(',').append(written).append(',').append(level).append(',')
                    .append(1980 + i % 40).append(",新疆维吾尔自治区人民政府,").append(workplace).append(',').append(org)
                    .append(",1390000").append(String.format("%04d", i)).append(',').append(status).append("\r\n");
        }
        assertTrue("the generated numbers include one with X", lowerCaseX >= 0);
        // line 302: a second title for person 0; then five bad lines
        csv.append("测试劳模0,").append(plain.get(0)).append(",MAY_DAY_MEDAL,1990,中华全国总工会,,").append(org).append(",,\r\n");
        byLevel.merge("MAY_DAY_MEDAL", 1L, Long::sum);
        String good = number(LocalDate.of(1970, 1, 1), 900);
        String wrongCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        csv.append("坏校验码,").append(wrongCheck).append(",REGIONAL_MODEL_WORKER,2001,,,").append(org).append(",,ACTIVE\r\n");
        csv.append("未知称号,").append(number(LocalDate.of(1970, 1, 2), 901)).append(",COUNTY_HERO,2001,,,").append(org)
                .append(",,ACTIVE\r\n");
        csv.append(",").append(number(LocalDate.of(1970, 1, 3), 902)).append(",REGIONAL_MODEL_WORKER,2001,,,").append(org)
                .append(",,ACTIVE\r\n");
        csv.append("年份有误,").append(number(LocalDate.of(1970, 1, 4), 903)).append(",REGIONAL_MODEL_WORKER,19x5,,,").append(org)
                .append(",,ACTIVE\r\n");
        csv.append("未来年份,").append(number(LocalDate.of(1970, 1, 5), 904)).append(",REGIONAL_MODEL_WORKER,2099,,,").append(org)
                .append(",,ACTIVE\r\n");

        JsonNode first = importCsv("officer", csv.toString()).expect(200).json();
        assertEquals(306, first.path("rows").asInt());
        assertEquals(300, first.path("created").asInt());
        assertEquals(1, first.path("updated").asInt());
        assertEquals(0, first.path("unchanged").asInt());
        assertEquals(5, first.path("refused").asInt());
        JsonNode lines = first.path("lines");
        for (int i = 0; i < PEOPLE; i++) {
            assertEquals(i + 2, lines.get(i).path("line").asInt());
            assertEquals("line " + (i + 2), "CREATED", lines.get(i).path("outcome").asText());
        }
        assertEquals("UPDATED", lines.get(300).path("outcome").asText());
        assertEquals(lines.get(0).path("recordId").asLong(), lines.get(300).path("recordId").asLong());
        assertRefused(lines.get(301), 303, "idNumber", "check digit does not match");
        assertRefused(lines.get(302), 304, "title", "unknown title level 'COUNTY_HERO'");
        assertRefused(lines.get(303), 305, "name", "is required");
        assertRefused(lines.get(304), 306, "yearAwarded", "must be a year");
        assertRefused(lines.get(305), 307, "yearAwarded", "must be between 1950 and");

        JsonNode again = importCsv("officer", csv.toString()).expect(200).json();
        assertEquals(0, again.path("created").asInt());
        assertEquals(0, again.path("updated").asInt());
        assertEquals(301, again.path("unchanged").asInt());
        assertEquals(5, again.path("refused").asInt());

        // search and counts agree with the file
        JsonNode counts = get(ROOT + "/records/counts?orgId=" + org, "officer").expect(200).json();
        assertEquals(PEOPLE, counts.path("total").asLong());
        byLevel.forEach((level, n) -> assertEquals(level, (long) n, counts.path("byLevel").path(level).asLong()));
        byStatus.forEach((status, n) -> assertEquals(status, (long) n, counts.path("byStatus").path(status).asLong()));
        assertEquals(0, counts.path("byStatus").path("TITLE_REVOKED").asLong());
        assertEquals(PEOPLE, total("?orgId=" + org));
        assertEquals(61, total("?orgId=" + org + "&title=MAY_DAY_MEDAL"));
        assertEquals(byStatus.get("DECEASED").longValue(), total("?orgId=" + org + "&status=DECEASED"));
        long in1985 = java.util.stream.IntStream.range(0, PEOPLE).filter(i -> 1980 + i % 40 == 1985).count();
        assertEquals(in1985, total("?orgId=" + org + "&year=1985"));
        assertEquals(in1985, total("?orgId=" + org + "&title=NATIONAL_MODEL_WORKER&year=1985"));
        assertEquals(0, total("?orgId=" + org + "&title=REGIONAL_MODEL_WORKER&year=1985"));
        assertEquals("only person 0's second title", 1, total("?orgId=" + org + "&title=MAY_DAY_MEDAL&year=1990"));
        long named29 = java.util.stream.IntStream.range(0, PEOPLE).filter(i -> ("测试劳模" + i).contains("测试劳模29")).count();
        assertEquals(named29, total("?orgId=" + org + "&name=" + URLEncoder.encode("测试劳模29", StandardCharsets.UTF_8)));
        assertEquals("another district's officer sees none of them", 0,
                get(ROOT + "/records?orgId=" + org, "siming").expect(200).json().path("total").asLong());

        // exact search by number: admins only, with an audited reason (issue 14: it was an oracle for officers)
        assertProblem(get(ROOT + "/records?idNumber=" + plain.get(7), "officer"), 403, "idNumber");
        assertProblem(get(ROOT + "/records?idNumber=" + plain.get(7), "admin"), 422, "reason");
        JsonNode found = get(ROOT + "/records?idNumber=" + plain.get(7) + "&reason=" + URLEncoder.encode("核对提名", StandardCharsets.UTF_8),
                "admin").expect(200).json();
        assertEquals(1, found.path("total").asLong());
        assertEquals("lists show the last 4 characters, even to admins", IdCardNumber.mask(plain.get(7).toUpperCase()),
                found.path("items").get(0).path("idNumber").asText());
        assertTrue(get("/api/audit?action=modelworkers.record.search-id&limit=5", "admin").raw().contains("核对提名"));
        // a non-admin sees neither birth date nor birth year nor sex: with the last 4 characters they give the number away
        JsonNode seenByOfficer = get(ROOT + "/records?orgId=" + org + "&limit=1", "officer").expect(200).json().path("items").get(0);
        assertFalse(seenByOfficer.toString(), seenByOfficer.hasNonNull("birthDate") || seenByOfficer.hasNonNull("birthYear")
                || seenByOfficer.hasNonNull("sex"));
        assertTrue(seenByOfficer.path("idNumber").asText().startsWith("**************"));
        long xRecord = lines.get(lowerCaseX).path("recordId").asLong();
        JsonNode forAdmin = get(ROOT + "/records/" + xRecord, "admin").expect(200).json();
        assertTrue("the admin's read of the full number is audited",
                get("/api/audit?action=modelworkers.record.read-id&entityId=" + xRecord, "admin").json().path("total").asLong() >= 1);
        assertEquals(plain.get(lowerCaseX), forAdmin.path("idNumber").asText());
        IdCardNumber parsed = IdCardNumber.parse(plain.get(lowerCaseX)).orElseThrow();
        assertEquals(parsed.birthDate().toString(), forAdmin.path("birthDate").asText());
        assertEquals(parsed.sex().name(), forAdmin.path("sex").asText());
        JsonNode person0 = get(ROOT + "/records/" + lines.get(0).path("recordId").asLong(), "officer").expect(200).json();
        assertEquals("NATIONAL_MODEL_WORKER", person0.path("title").asText());
        assertEquals(2, person0.path("titles").size());
        assertEquals("乌鲁木齐, 第0车间", person0.path("workplace").asText());

        Resp officerPage = get(ROOT + "/records?orgId=" + org + "&limit=500", "officer").expect(200);
        Resp officerCsv = get(ROOT + "/records/export?orgId=" + org, "officer").expect(200);
        assertTrue(officerCsv.header("Content-Type").startsWith("text/csv"));
        assertEquals("header + one line per title", PEOPLE + 2, officerCsv.raw().split("\r\n").length);
        for (String id : plain) {
            for (String shown : List.of(id, id.toLowerCase())) {
                assertFalse("plain number in an officer's listing", officerPage.raw().contains(shown));
                assertFalse("plain number in an officer's export", officerCsv.raw().contains(shown));
            }
        }
        Resp adminCsv = get(ROOT + "/records/export?orgId=" + org, "admin").expect(200);
        assertTrue(adminCsv.raw().contains(plain.get(1)));
        JsonNode reimport = importCsv("admin", adminCsv.raw()).expect(200).json();
        assertEquals("an admin's export imports again unchanged", PEOPLE + 1, reimport.path("unchanged").asInt());

        // nor in the database files
        checkpoint();
        Set<String> wanted = new HashSet<>();
        for (String id : plain) {
            wanted.add(id);
            wanted.add(id.toLowerCase());
        }
        Set<String> masked = new HashSet<>(List.of(IdCardNumber.mask(plain.get(5))));
        Set<String> seenMasked = new HashSet<>();
        Path dir = Path.of(System.getProperty("karaf.data"), "derby", "unionhub");
        int files = 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files++;
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (int at = text.indexOf("650"); at >= 0; at = text.indexOf("650", at + 1)) {
                    String window = text.substring(at, Math.min(text.length(), at + 18));
                    assertFalse("plain ID-card number in " + f, wanted.contains(window));
                }
                for (String m : masked) {
                    if (text.contains(m)) {
                        seenMasked.add(m);
                    }
                }
            }
        }
        assertTrue("scanned the database files: " + files, files > 5);
        assertEquals("the scan does see what is stored (the masked form)", masked, seenMasked);
    }

    // ---- nominations

    @Test
    public void aNominationIsCheckedAllAtOnceReturnedFixedAndApprovedIntoTheArchive() throws Exception {
        Who reviewer = account("mw-reviewer", "modelworkers-reviewer", null, null);
        Who district = account("mw-district-reviewer", "modelworkers-reviewer", orgId("海沧区总工会"), null);
        long port = orgId("厦门海沧港务有限公司工会");
        JsonNode draft = post(ROOT + "/nominations", "officer", obj("orgId", port, "candidateName", "阿依古丽",
                "contact", "13900001111", "proposedTitle", "REGIONAL_MODEL_WORKER", "consent", paper())).expect(201).json();
        long id = draft.path("id").asLong();
        assertEquals("DRAFT", draft.path("state").asText());
        String nom = ROOT + "/nominations/" + id;

        assertProblem(send("PUT", nom + "/materials/ID_CARD_COPY", Who.of("officer"), "MZ\u0090 not a document",
                "application/octet-stream"), 422, "content");
        assertProblem(send("PUT", nom + "/materials/SELFIE", Who.of("officer"), "%PDF-1.4\n", "application/pdf"), 422, "item");
        assertProblem(send("PUT", nom + "/materials/ID_CARD_COPY", Who.of("officer"), "%PDF-1.4\n" + "0".repeat(5 * 1024 * 1024),
                "application/pdf"), 413, "content");
        for (String item : List.of("RECOMMENDATION_FORM", "ACHIEVEMENT_REPORT", "ID_CARD_COPY")) {
            JsonNode m = send("PUT", nom + "/materials/" + item + "?fileName=" + item.toLowerCase() + ".pdf", Who.of("officer"),
                    "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n", "application/pdf").expect(200).json();
            assertEquals("application/pdf", m.path("contentType").asText());
            assertTrue(m.path("attached").asBoolean());
        }
        Resp file = get(nom + "/materials/ID_CARD_COPY", "officer").expect(200);
        assertTrue(file.raw().startsWith("%PDF-1.4"));

        // three missing fields: three field errors in one answer, and nothing changes
        Resp incomplete = post(nom + "/submit", "officer", null);
        assertProblem(incomplete, 422, "idNumber");
        Set<String> fields = new HashSet<>();
        incomplete.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertEquals(Set.of("idNumber", "workplace", "achievements"), fields);
        assertEquals("DRAFT", get(nom, "officer").json().path("state").asText());

        String candidate = number(LocalDate.of(1982, 6, 18), 512);
        put(nom, "officer", obj("orgId", port, "candidateName", "阿依古丽", "idNumber", candidate, "workplace", "厦门海沧港务有限公司",
                "contact", "13900001111", "proposedTitle", "REGIONAL_MODEL_WORKER", "achievements", "带领班组完成技术革新")).expect(200);
        assertEquals("SUBMITTED", post(nom + "/submit", "officer", null).expect(200).json().path("state").asText());
        assertProblem(put(nom, "officer", obj("orgId", port, "candidateName", "x")), 409, "state");
        assertProblem(post(nom + "/approve", "officer", obj()), 403, null);

        assertProblem(send("POST", nom + "/return", reviewer, obj("comments", List.of(obj("field", "achievements", "message", "?"))),
                null), 403, null);
        assertProblem(send("POST", nom + "/return", district, obj("comments", List.of(obj("field", "hobbies", "message", "?"))),
                null), 422, "comments[0].field");
        JsonNode returned = send("POST", nom + "/return", district, obj("comments", List.of(
                obj("field", "achievements", "message", "请写明革新带来的节约金额"),
                obj("field", "materials.ACHIEVEMENT_REPORT", "message", "需加盖单位公章"))), null).expect(200).json();
        assertEquals("RETURNED", returned.path("state").asText());
        JsonNode seen = get(nom, "officer").expect(200).json();
        assertEquals(2, seen.path("comments").size());
        assertEquals("achievements", seen.path("comments").get(0).path("field").asText());
        assertEquals("mw-district-reviewer", seen.path("comments").get(0).path("by").asText());
        assertEquals("the officer sees the number masked", IdCardNumber.mask(candidate), seen.path("idNumber").asText());
        String idReads = "/api/audit?action=modelworkers.nomination.id-read&entityId=" + nom.substring(nom.lastIndexOf('/') + 1);
        long before = get(idReads, "admin").expect(200).json().path("total").asLong();
        assertEquals("an admin reads it in full", candidate, get(nom, "admin").expect(200).json().path("idNumber").asText());
        JsonNode idRead = get(idReads, "admin").expect(200).json();
        assertEquals("and his read of the number is audited", before + 1, idRead.path("total").asLong());
        assertEquals("admin", idRead.path("items").get(0).path("actor").asText());

        put(nom, "officer", obj("orgId", port, "candidateName", "阿依古丽", "idNumber", seen.path("idNumber").asText(),
                "workplace", "厦门海沧港务有限公司", "contact", "13900001111", "proposedTitle", "REGIONAL_MODEL_WORKER",
                "achievements", "带领班组完成技术革新, 年节约成本120万元")).expect(200);
        send("PUT", nom + "/materials/ACHIEVEMENT_REPORT", Who.of("officer"), "%PDF-1.4\n% stamped\n", "application/pdf").expect(200);
        JsonNode resubmitted = post(nom + "/submit", "officer", null).expect(200).json();
        assertEquals("the port union recommends its candidate to the district", orgId("海沧区总工会"),
                resubmitted.path("atOrgId").asLong());
        assertProblem(send("POST", nom + "/approve", district, obj(), null), 409, "atOrgId");
        assertProblem(send("POST", nom + "/forward", reviewer, obj(), null), 403, null);
        JsonNode atCity = send("POST", nom + "/forward", district, obj(), null).expect(200).json();
        assertEquals(orgId("厦门市总工会"), atCity.path("atOrgId").asLong());
        assertEquals(2, atCity.path("route").size());

        JsonNode approved = send("POST", nom + "/approve", reviewer, obj("yearAwarded", 2025, "awardingBody", "福建省人民政府"),
                null).expect(200).json();
        assertEquals("APPROVED", approved.path("state").asText());
        long recordId = approved.path("recordId").asLong();
        assertTrue(recordId > 0);
        JsonNode record = get(ROOT + "/records/" + recordId, "officer").expect(200).json();
        assertEquals("阿依古丽", record.path("name").asText());
        assertEquals("REGIONAL_MODEL_WORKER", record.path("title").asText());
        assertEquals(2025, record.path("yearAwarded").asInt());
        assertEquals(IdCardNumber.mask(candidate), record.path("idNumber").asText());
        assertEquals("ACTIVE", record.path("status").asText());
        assertEquals("the masked number kept the stored one", candidate,
                get(ROOT + "/records/" + recordId, "admin").json().path("idNumber").asText());
        assertProblem(send("POST", nom + "/approve", reviewer, obj(), null), 409, "state");

        // a later nomination of the same person adds a title to the same record
        long second = post(ROOT + "/nominations", "officer", obj("orgId", port, "candidateName", "阿依古丽", "idNumber", candidate,
                "workplace", "厦门海沧港务有限公司", "contact", "13900001111", "proposedTitle", "MAY_DAY_MEDAL",
                "achievements", "连续五年安全生产零事故", "consent", paper())).expect(201).id();
        for (String item : List.of("RECOMMENDATION_FORM", "ACHIEVEMENT_REPORT", "ID_CARD_COPY")) {
            send("PUT", ROOT + "/nominations/" + second + "/materials/" + item, Who.of("officer"),
                    "\u00ff\u00d8\u00ff\u00e0", "image/jpeg").expect(422);
            send("PUT", ROOT + "/nominations/" + second + "/materials/" + item, Who.of("officer"), "%PDF-1.5\n",
                    "application/pdf").expect(200);
        }
        post(ROOT + "/nominations/" + second + "/submit", "officer", null).expect(200);
        send("POST", ROOT + "/nominations/" + second + "/forward", district, obj(), null).expect(200);
        // 全国五一劳动奖章 is not the region's to confer: its approval recommends the candidate upward
        JsonNode recommended = send("POST", ROOT + "/nominations/" + second + "/approve", reviewer, obj("yearAwarded", 2026), null)
                .expect(200).json();
        assertEquals("RECOMMENDED", recommended.path("state").asText());
        assertTrue(recommended.path("recordId").isNull());
        assertEquals(1, get(ROOT + "/records/" + recordId, "officer").expect(200).json().path("titles").size());
        assertProblem(send("POST", ROOT + "/nominations/" + second + "/confer", reviewer,
                obj("yearAwarded", 2026, "awardingBody", "中华全国总工会"), null), 403, null);
        assertProblem(send("POST", ROOT + "/nominations/" + second + "/confer", Who.of("admin"), obj("yearAwarded", 2026), null),
                422, "awardingBody");
        JsonNode again = send("POST", ROOT + "/nominations/" + second + "/confer", Who.of("admin"),
                obj("yearAwarded", 2026, "awardingBody", "中华全国总工会"), null).expect(200).json();
        assertEquals("APPROVED", again.path("state").asText());
        assertEquals(recordId, again.path("recordId").asLong());
        JsonNode twoTitles = get(ROOT + "/records/" + recordId, "officer").expect(200).json();
        assertEquals(2, twoTitles.path("titles").size());
        assertEquals("MAY_DAY_MEDAL ranks above a regional title", "MAY_DAY_MEDAL", twoTitles.path("title").asText());
    }

    /**
     * "全国劳动模范推荐评选": a grassroots union recommends its candidate to the county, the county to the prefecture,
     * the prefecture to the region, which decides; each unit recommends at most its yearly quota, also when its
     * reviewers press the button at the same moment.
     */
    @Test
    public void aNominationClimbsFourLevelsAndEachUnitKeepsToItsQuota() throws Exception {
        long region = orgId("厦门市总工会");
        long city = post("/api/orgs", "admin", obj("name", "IT 地市总工会", "kind", "CITY", "parentId", region)).expect(201).id();
        long county = post("/api/orgs", "admin", obj("name", "IT 县总工会", "kind", "COUNTY", "parentId", city)).expect(201).id();
        long shop = post("/api/orgs", "admin", obj("name", "IT 基层工会", "kind", "GRASSROOTS", "parentId", county)).expect(201).id();
        Who officer = account("it-county-officer", "officer", county, null);
        Who countyReviewer = account("it-county-reviewer", "modelworkers-reviewer", county, null);
        Who cityReviewer = account("it-city-reviewer", "modelworkers-reviewer", city, null);
        Who regionReviewer = account("it-region-reviewer", "modelworkers-reviewer", region, null);
        int year = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        String countyQuota = ROOT + "/nominations/quotas/" + county + "/" + year;
        assertProblem(send("PUT", countyQuota, officer, obj("quota", 9), null), 403, null);
        assertProblem(send("PUT", countyQuota, Who.of("admin"), obj("quota", -1), null), 422, "quota");
        send("PUT", countyQuota, Who.of("admin"), obj("quota", 1), null).expect(200);

        String nom = ROOT + "/nominations/" + submitted(officer, shop, "赵一", 701);
        assertEquals(county, get(nom, "admin").json().path("atOrgId").asLong());
        assertProblem(send("POST", nom + "/forward", cityReviewer, obj(), null), 403, null);
        assertProblem(send("POST", nom + "/approve", countyReviewer, obj(), null), 409, "atOrgId");
        assertEquals(city, send("POST", nom + "/forward", countyReviewer, obj(), null).expect(200).json().path("atOrgId").asLong());
        assertEquals(region, send("POST", nom + "/forward", cityReviewer, obj(), null).expect(200).json().path("atOrgId").asLong());
        assertProblem(send("POST", nom + "/forward", regionReviewer, obj(), null), 409, "atOrgId");
        JsonNode decided = send("POST", nom + "/approve", regionReviewer, obj("yearAwarded", year, "awardingBody", "福建省人民政府"),
                null).expect(200).json();
        assertEquals("APPROVED", decided.path("state").asText());
        List<Long> climbed = new ArrayList<>();
        decided.path("route").forEach(step -> climbed.add(step.path("fromOrgId").asLong()));
        assertEquals(List.of(shop, county, city), climbed);

        // the county has used its quota of 1: the next nomination stops with the county
        String next = ROOT + "/nominations/" + submitted(officer, shop, "钱二", 702);
        assertProblem(send("POST", next + "/forward", countyReviewer, obj(), null), 409, "quota");
        JsonNode held = get(next, "admin").json();
        assertEquals("SUBMITTED", held.path("state").asText());
        assertEquals(county, held.path("atOrgId").asLong());
        JsonNode used = send("GET", countyQuota, officer, null, null).expect(200).json();
        assertEquals(1, used.path("used").asInt());

        // raised to 3, with four waiting and their reviewers all pressing at once: exactly two more go up
        send("PUT", countyQuota, Who.of("admin"), obj("quota", 3), null).expect(200);
        List<String> waiting = new ArrayList<>(List.of(next));
        for (int i = 0; i < 3; i++) {
            waiting.add(ROOT + "/nominations/" + submitted(officer, shop, "孙" + i, 703 + i));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(waiting.size());
        try {
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (String w : waiting) {
                answers.add(pool.submit(() -> send("POST", w + "/forward", countyReviewer, obj(), null).status()));
            }
            int up = 0;
            for (java.util.concurrent.Future<Integer> a : answers) {
                int status = a.get();
                assertTrue("status " + status, status == 200 || status == 409);
                up += status == 200 ? 1 : 0;
            }
            assertEquals(2, up);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, send("GET", countyQuota, officer, null, null).expect(200).json().path("used").asInt());
    }

    /**
     * 劳模助企行 and 走访慰问 are recorded under the model worker's own union and add up by year; the public showcase
     * (网上劳模展览馆) shows a model worker only with his consent, and nothing private.
     */
    @Test
    public void modelWorkersServeEnterprisesAreVisitedAndShownOnlyWithConsent() throws Exception {
        long port = orgId("厦门海沧港务有限公司工会");
        long rec = post(ROOT + "/records", "officer", obj("name", "郑海峰", "idNumber", number(LocalDate.of(1970, 8, 1), 801),
                "title", "REGIONAL_MODEL_WORKER", "yearAwarded", 2018, "workplace", "厦门海沧港务有限公司", "orgId", port,
                "status", "ACTIVE", "contact", "13900003333")).expect(201).id();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String totals = ROOT + "/activities/totals?year=" + today.getYear();
        JsonNode before = get(totals, "officer").expect(200).json();
        JsonNode simingBefore = get(totals, "siming").expect(200).json();

        Resp first = post(ROOT + "/activities", "officer", obj("recordId", rec, "heldOn", today.toString(), "enterprise", "厦门精工机械厂",
                "topic", "数控机床操作技术指导", "hours", 3.5, "workersReached", 40)).expect(201);
        assertTrue(first.header("Location").endsWith(ROOT + "/activities/" + first.id()));
        assertEquals("郑海峰", first.json().path("name").asText());
        post(ROOT + "/activities", "officer", obj("recordId", rec, "heldOn", today.toString(), "enterprise", "厦门精工机械厂",
                "topic", "班组安全生产讲座", "hours", 2, "workersReached", 25)).expect(201);
        post(ROOT + "/activities", "officer", obj("recordId", rec, "heldOn", today.toString(), "enterprise", "海沧物流园",
                "topic", "叉车节能驾驶", "hours", 1.5)).expect(201);
        assertProblem(post(ROOT + "/activities", "officer", obj("recordId", rec, "heldOn", today.plusDays(1).toString(),
                "enterprise", "x", "topic", "y", "hours", 0)), 422, "hours");
        assertProblem(post(ROOT + "/activities", "officer", obj("recordId", rec, "heldOn", today.plusDays(1).toString(),
                "enterprise", "x", "topic", "y", "hours", 1)), 422, "heldOn");
        assertProblem(post(ROOT + "/activities", "siming", obj("recordId", rec, "heldOn", today.toString(),
                "enterprise", "x", "topic", "y", "hours", 1)), 422, "recordId");
        assertProblem(post(ROOT + "/activities", null, obj("recordId", rec)), 401, null);

        JsonNode after = get(totals, "officer").expect(200).json();
        assertEquals(3, after.path("sessions").asLong() - before.path("sessions").asLong());
        assertEquals(0, new java.math.BigDecimal("7.0").compareTo(after.path("hours").decimalValue()
                .subtract(before.path("hours").decimalValue())));
        assertEquals(65, after.path("workersReached").asLong() - before.path("workersReached").asLong());
        assertEquals(2, after.path("enterprises").asLong() - before.path("enterprises").asLong());
        assertEquals(1, after.path("modelWorkers").asLong() - before.path("modelWorkers").asLong());
        assertEquals("siming sees none of Haicang's sessions", simingBefore.path("sessions").asLong(),
                get(totals, "siming").expect(200).json().path("sessions").asLong());
        assertEquals(3, get(ROOT + "/activities?recordId=" + rec, "officer").expect(200).json().path("total").asLong());
        assertEquals(0, get(ROOT + "/activities?recordId=" + rec, "siming").expect(200).json().path("total").asLong());

        JsonNode visit = post(ROOT + "/visits", "officer", obj("recordId", rec, "visitedOn", today.toString(), "occasion",
                "SPRING_FESTIVAL", "giftAmount", 2000, "note", "春节走访慰问")).expect(201).json();
        assertEquals("2000.00", visit.path("giftAmount").decimalValue().setScale(2).toPlainString());
        assertProblem(post(ROOT + "/visits", "officer", obj("recordId", rec, "visitedOn", today.toString(), "occasion", "PARTY")),
                400, "occasion");
        assertProblem(post(ROOT + "/visits", "officer", obj("recordId", rec, "visitedOn", today.toString())), 422, "occasion");
        assertEquals(1, get(ROOT + "/visits?recordId=" + rec, "officer").expect(200).json().path("total").asLong());

        String shown = ROOT + "/showcase/" + rec;
        assertProblem(get(shown, null), 404, null);
        assertProblem(put(shown, "officer", obj("citation", "扎根港口三十年")), 422, "consent");
        assertProblem(put(shown, "siming", obj("consent", true, "citation", "扎根港口三十年")), 404, null);
        put(shown, "officer", obj("consent", true, "citation", "扎根港口三十年, 带出技术骨干百余名")).expect(200);
        JsonNode pub = get(shown, null).expect(200).json();
        assertEquals("郑海峰", pub.path("name").asText());
        assertEquals("REGIONAL_MODEL_WORKER", pub.path("title").asText());
        assertEquals(2018, pub.path("titles").get(0).path("yearAwarded").asInt());
        for (String secret : List.of("idNumber", "birthYear", "birthDate", "sex", "contact", "memberId")) {
            assertFalse("the showcase shows no " + secret, pub.has(secret));
        }
        assertFalse(get(shown, null).raw().contains("13900003333"));
        JsonNode found = get(ROOT + "/showcase?name=" + URLEncoder.encode("郑海", StandardCharsets.UTF_8), null).expect(200).json();
        assertEquals(1, found.path("total").asLong());
        assertEquals(204, delete(shown, "officer").status());
        assertProblem(get(shown, null), 404, null);
    }

    /** A complete nomination of {@code name} for {@code org}, submitted by {@code officer}; its id. */
    /** An officer of {@code org} with the module's roles given. */
    @Test
    public void aNominationKeepsTheCandidatesPaperConsentInItsOwnTransaction() throws Exception {
        long port = orgId("厦门海沧港务有限公司工会");
        String nominations = ROOT + "/nominations?orgId=" + port + "&limit=1";
        long before = get(nominations, "admin").expect(200).json().path("total").asLong();
        long consentsBefore = rows("HUB_CONSENT", "SUBJECT_KIND = 'nomination'");
        assertProblem(post(ROOT + "/nominations", "officer", candidate(port, null)), 422, "consent");
        ObjectNode h5 = paper();
        h5.put("channel", "H5");
        assertProblem(post(ROOT + "/nominations", "officer", candidate(port, h5)), 422, "consent.channel");
        ObjectNode noIdConsent = paper();
        noIdConsent.set("sensitive", JSON.createArrayNode());
        assertProblem(post(ROOT + "/nominations", "officer", candidate(port, noIdConsent)), 422, "consent.sensitive");
        ObjectNode old = paper();
        old.put("noticeVersion", "2020-01");
        assertProblem(post(ROOT + "/nominations", "officer", candidate(port, old)), 409, "noticeVersion");
        assertEquals("refused creates keep no nomination", before, get(nominations, "admin").json().path("total").asLong());
        assertEquals("refused creates keep no consent", consentsBefore, rows("HUB_CONSENT", "SUBJECT_KIND = 'nomination'"));

        JsonNode created = post(ROOT + "/nominations", "officer", candidate(port, paper())).expect(201).json();
        long id = created.path("id").asLong();
        long general = created.path("consentId").asLong();
        long idNumber = created.path("idNumberConsentId").asLong();
        assertTrue(created.toString(), general > 0 && idNumber > 0 && general != idNumber);
        assertEquals("the officer attests the candidate's paper consent, under the nomination, not a member", 1,
                rows("HUB_CONSENT", "ID = " + general + " AND KIND = 'GENERAL' AND PURPOSE = 'nomination' AND CHANNEL = 'PAPER' "
                        + "AND GIVEN_BY = 'officer' AND MEMBER_ID IS NULL AND SUBJECT_KIND = 'nomination' AND SUBJECT_REF = " + id));
        assertEquals(1, rows("HUB_CONSENT", "ID = " + idNumber + " AND KIND = 'ID_NUMBER' AND SUBJECT_REF = " + id));
        assertEquals("the detail shows them", general, get(ROOT + "/nominations/" + id, "officer").expect(200).json()
                .path("consentId").asLong());
    }

    /** The candidate's consent as the nominating officer enters it from the signed paper form. */
    private static ObjectNode paper() {
        return obj("noticeVersion", "2026-11-1", "channel", "PAPER", "sensitive", List.of("ID_NUMBER"));
    }

    private static ObjectNode candidate(long org, ObjectNode consent) {
        ObjectNode n = obj("orgId", org, "candidateName", "同意候选人", "contact", "13900003333", "proposedTitle",
                "REGIONAL_MODEL_WORKER");
        if (consent != null) {
            n.set("consent", consent);
        }
        return n;
    }

    /** Rows of a table read straight from the hub's database: what was really kept, not what the API shows. */
    private long rows(String table, String where) throws Exception {
        ServiceReference<DataSource> ref = bundleContext.getServiceReferences(DataSource.class, "(dataSourceName=unionhub)")
                .iterator().next();
        try (Connection c = bundleContext.getService(ref).getConnection(); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        } finally {
            bundleContext.ungetService(ref);
        }
    }

    private Who officerWith(String username, long org, String... roles) throws Exception {
        List<String> all = new ArrayList<>(List.of("officer"));
        all.addAll(List.of(roles));
        post("/api/accounts", "admin", obj("username", username, "password", "secret-" + username, "roles", all, "orgId", org))
                .expect(201);
        return new Who(username, "secret-" + username);
    }

    private long submitted(Who officer, long org, String name, int sequence) throws Exception {
        long id = send("POST", ROOT + "/nominations", officer, obj("orgId", org, "candidateName", name,
                "idNumber", number(LocalDate.of(1979, 5, 4), sequence), "workplace", "IT 工厂", "contact", "13900002222",
                "proposedTitle", "REGIONAL_MODEL_WORKER", "achievements", "技术革新", "consent", paper()), null).expect(201).id();
        for (String item : List.of("RECOMMENDATION_FORM", "ACHIEVEMENT_REPORT", "ID_CARD_COPY")) {
            send("PUT", ROOT + "/nominations/" + id + "/materials/" + item, officer, "%PDF-1.4\n", "application/pdf").expect(200);
        }
        send("POST", ROOT + "/nominations/" + id + "/submit", officer, obj(), null).expect(200);
        return id;
    }

    // ---- status, subsidies, survey, lookup

    @Test
    public void statusChangesAreKeptAndSubsidiesFollowTheRules() throws Exception {
        long port = orgId("厦门海沧港务有限公司工会");
        long member = memberId("林晓燕");
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        var registration = listen("org/unionhub/modelworkers/*", events);
        Resp created = post(ROOT + "/records", "officer", obj("name", "林晓燕", "idNumber", number(LocalDate.of(1975, 3, 9), 308),
                "title", "REGIONAL_MODEL_WORKER", "yearAwarded", 2015, "workplace", "厦门海沧港务有限公司", "orgId", port,
                "status", "ACTIVE", "memberId", member)).expect(201);
        long id = created.id();
        assertTrue(created.header("Location").endsWith(ROOT + "/records/" + id));
        String rec = ROOT + "/records/" + id;
        assertTrue(lookup(member, Set.of()));
        assertTrue(lookup(member, Set.of("REGIONAL_MODEL_WORKER", "NATIONAL_MODEL_WORKER")));
        assertFalse(lookup(member, Set.of("NATIONAL_MODEL_WORKER")));

        put(rec + "/status", "officer", obj("status", "RETIRED", "reason", "2025年3月退休")).expect(200);
        long deadline = System.currentTimeMillis() + 10_000;
        while (events.size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        registration.unregister();
        assertTrue(events.toString(), events.contains("org/unionhub/modelworkers/RECORD_CREATED " + id + " null"));
        assertTrue(events.toString(), events.contains("org/unionhub/modelworkers/STATUS_CHANGED " + id + " RETIRED"));
        assertProblem(put(rec + "/status", "officer", obj("status", "RETIRED", "reason", "again")), 409, "status");
        assertProblem(put(rec + "/status", "officer", obj("status", "DECEASED")), 422, "reason");
        JsonNode history = get(rec + "/history", "officer").expect(200).json();
        assertEquals(2, history.size());
        assertEquals("RETIRED", history.get(1).path("to").asText());
        assertEquals("ACTIVE", history.get(1).path("from").asText());
        assertEquals("officer", history.get(1).path("changedBy").asText());
        assertEquals("2025年3月退休", history.get(1).path("reason").asText());
        assertTrue(history.get(1).path("changedAt").asText().endsWith("+08:00"));

        // a subsidy is applied for by the model worker's union, reviewed, then paid: three people (issue 19)
        long city = orgId("厦门市总工会");
        Who subsidyReviewer = officerWith("mw-subsidy-reviewer", city, "subsidy-reviewer");
        Who subsidyPayer = officerWith("mw-subsidy-payer", city, "subsidy-payer");
        Who both = officerWith("mw-subsidy-both", city, "subsidy-reviewer", "subsidy-payer");
        String apps = ROOT + "/subsidies/applications";
        Resp annual = post(apps, "officer", obj("recordId", id, "kind", "ANNUAL_SPECIAL", "year", 2024)).expect(201);
        assertTrue("the regional model worker's yearly amount, two decimals: " + annual.raw(),
                annual.raw().contains("\"amount\":1800.00"));
        assertEquals("APPLIED", annual.json().path("status").asText());
        long annualId = annual.id();
        assertProblem(post(apps, "officer", obj("recordId", id, "kind", "ANNUAL_SPECIAL", "year", 2024)), 409, "year");
        assertProblem(post(apps, "officer", obj("recordId", id, "kind", "HARDSHIP_RELIEF", "year", 2024,
                "amount", 60000, "note", "重病")), 422, "amount");
        assertProblem(post(apps, "officer", obj("recordId", id, "kind", "HARDSHIP_RELIEF", "year", 2024,
                "amount", 20000)), 422, "note");
        long relief = post(apps, "officer", obj("recordId", id, "kind", "HARDSHIP_RELIEF", "year", 2024, "amount", 20000.5,
                "note", "住院自付费用较高")).expect(201).id();
        assertEquals("nothing is paid on application", 0, get(ROOT + "/subsidies?recordId=" + id, "officer").expect(200).json()
                .path("total").asLong());
        assertProblem(post(apps + "/" + annualId + "/approve", "officer", obj()), 403, null);
        assertProblem(send("POST", apps + "/" + annualId + "/approve", subsidyPayer, obj(), null), 403, null);
        assertProblem(send("POST", apps + "/" + annualId + "/pay", subsidyPayer, obj("payingOrgId", city, "fundSource",
                "劳模专项补助资金"), null), 409, "status");
        JsonNode approved = send("POST", apps + "/" + annualId + "/approve", both, obj(), null).expect(200).json();
        assertEquals("APPROVED", approved.path("status").asText());
        assertEquals(0, new java.math.BigDecimal("1800.00").compareTo(approved.path("approvedAmount").decimalValue()));
        Resp own = send("POST", apps + "/" + annualId + "/pay", both, obj("payingOrgId", city, "fundSource", "劳模专项补助资金"), null);
        assertProblem(own, 403, "status");
        assertTrue(own.raw(), own.json().path("detail").asText().startsWith("SEPARATE_DUTIES"));
        assertProblem(send("POST", apps + "/" + annualId + "/pay", subsidyPayer, obj("fundSource", "劳模专项补助资金"), null), 422,
                "payingOrgId");
        assertProblem(send("POST", apps + "/" + annualId + "/pay", subsidyPayer, obj("payingOrgId", 987654, "fundSource",
                "劳模专项补助资金"), null), 422, "payingOrgId");
        JsonNode paid = send("POST", apps + "/" + annualId + "/pay", subsidyPayer, obj("payingOrgId", city, "fundSource",
                "劳模专项补助资金"), null).expect(200).json();
        assertEquals("PAID", paid.path("status").asText());
        assertEquals(subsidyPayer.username(), paid.path("paidBy").asText());
        assertEquals(city, paid.path("payingOrgId").asLong());
        assertEquals("劳模专项补助资金", paid.path("fundSource").asText());
        // the reviewer may approve less with a note; the applicant may not review
        assertProblem(send("POST", apps + "/" + relief + "/approve", subsidyReviewer, obj("amount", 10000), null), 422, "note");
        send("POST", apps + "/" + relief + "/approve", subsidyReviewer, obj("amount", 20000.5), null).expect(200);
        send("POST", apps + "/" + relief + "/pay", subsidyPayer, obj("payingOrgId", orgId("海沧区总工会"), "fundSource",
                "区总工会困难帮扶资金"), null).expect(200);
        Who applicantReviewer = officerWith("mw-subsidy-applicant", city, "subsidy-reviewer");
        long mine = send("POST", apps, applicantReviewer, obj("recordId", id, "kind", "ANNUAL_SPECIAL", "year", 2023), null)
                .expect(201).id();
        assertProblem(send("POST", apps + "/" + mine + "/approve", applicantReviewer, obj(), null), 403, "status");
        assertProblem(send("POST", apps + "/" + mine + "/reject", subsidyReviewer, obj(), null), 422, "note");
        assertEquals("REJECTED", send("POST", apps + "/" + mine + "/reject", subsidyReviewer, obj("note", "材料不全"), null)
                .expect(200).json().path("status").asText());
        assertEquals("a rejected yearly application frees its year", 201, post(apps, "officer", obj("recordId", id, "kind",
                "ANNUAL_SPECIAL", "year", 2023)).status());
        JsonNode ledger = get(ROOT + "/subsidies?recordId=" + id, "officer").expect(200).json();
        assertEquals(2, ledger.path("total").asLong());
        assertEquals("劳模专项补助资金", ledger.path("items").get(0).path("fundSource").asText());
        assertEquals(annualId, ledger.path("items").get(0).path("applicationId").asLong());
        JsonNode totals = get(ROOT + "/subsidies/totals?year=2024&orgId=" + port, "officer").expect(200).json();
        assertEquals(1, totals.size());
        assertEquals(2024, totals.get(0).path("year").asInt());
        assertEquals(0, totals.get(0).path("total").decimalValue().compareTo(
                totals.get(0).path("annualSpecial").decimalValue().add(totals.get(0).path("hardshipRelief").decimalValue())));
        assertTrue(totals.get(0).path("hardshipRelief").decimalValue().compareTo(new java.math.BigDecimal("20000.50")) >= 0);

        JsonNode survey = put(rec + "/surveys/2024", "officer", obj("incomeBand", "LOW", "health", "SERIOUS_ILLNESS",
                "housing", "ADEQUATE", "selfPaidMedical", 260000, "needs", "医疗费用", "consent", obj("noticeVersion", "2026-11-1",
                "channel", "PAPER", "sensitive", List.of("MEDICAL")))).expect(200).json();
        assertTrue(survey.path("flagged").asBoolean());
        assertEquals(2, survey.path("flagReasons").size());
        boolean listed = false;
        for (JsonNode f : get(ROOT + "/surveys/flagged?year=2024", "officer").expect(200).json()) {
            listed |= f.path("recordId").asLong() == id;
        }
        assertTrue("the record is on the relief list", listed);

        put(rec + "/status", "officer", obj("status", "DECEASED", "reason", "2025年病故")).expect(200);
        assertEquals(3, get(rec + "/history", "officer").json().size());
        assertFalse("a deceased model worker no longer counts for quotas", lookup(member, Set.of()));
        Resp refused = post(ROOT + "/subsidies/applications", "officer", obj("recordId", id, "kind", "HARDSHIP_RELIEF", "year", 2025,
                "amount", 1000, "note", "丧葬"));
        assertProblem(refused, 409, "recordId");
        assertTrue(refused.json().path("detail").asText().contains("DECEASED"));
        assertEquals("nothing was booked", 2, get(ROOT + "/subsidies?recordId=" + id, "officer").json().path("total").asLong());
        assertProblem(put(rec + "/status", "officer", obj("status", "ACTIVE", "reason", "误报")), 409, "status");

        // the yearly subsidy is applied for once however many clerks press the button at the same time
        long other = post(ROOT + "/records", "officer", obj("name", "并发测试", "idNumber", number(LocalDate.of(1968, 8, 8), 88),
                "title", "NATIONAL_MODEL_WORKER", "yearAwarded", 2000, "orgId", port)).expect(201).id();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> post(ROOT + "/subsidies/applications", "officer", obj("recordId", other, "kind", "ANNUAL_SPECIAL",
                        "year", 2023)).status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var a : answers) {
                statuses.add(a.get());
            }
            assertEquals(statuses.toString(), 1, statuses.stream().filter(st -> st == 201).count());
            assertEquals(statuses.toString(), 7, statuses.stream().filter(st -> st == 409).count());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, get(ROOT + "/subsidies/applications?recordId=" + other, "officer").json().path("total").asLong());
    }

    // ---- bad input

    @Test
    public void badInputIsRefusedWithTheFieldAndWritesNothing() throws Exception {
        JsonNode modules = get("/api/modules", null).expect(200).json();
        assertEquals(ROOT, modules.get(0).path("restRoot").asText());
        assertTrue(get("/api/openapi.json", null).json().path("paths").has("/model-workers/records"));
        long port = orgId("厦门海沧港务有限公司工会");
        long before = get(ROOT + "/records?limit=1", "admin").json().path("total").asLong();
        long auditBefore = get("/api/audit?limit=1", "admin").json().path("total").asLong();
        String id = number(LocalDate.of(1960, 10, 1), 77);

        assertProblem(post(ROOT + "/records", "officer", "{\"name\": \"x\", "), 400, "$");
        Resp empty = post(ROOT + "/records", "officer", obj());
        assertProblem(empty, 422, "name");
        Set<String> fields = new HashSet<>();
        empty.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertEquals(Set.of("name", "idNumber", "title", "yearAwarded", "orgId"), fields);
        assertProblem(post(ROOT + "/records", "officer", obj("name", "甲", "idNumber", id.substring(0, 17) + "Z", "title",
                "MAY_DAY_MEDAL", "yearAwarded", 2000, "orgId", port)), 422, "idNumber");
        assertProblem(post(ROOT + "/records", "officer", obj("name", "甲", "idNumber", id, "title", "GOLD", "yearAwarded", 2000,
                "orgId", port)), 422, "title");
        assertProblem(post(ROOT + "/records", "officer", obj("name", "甲", "idNumber", id, "title", "MAY_DAY_MEDAL",
                "yearAwarded", 1949, "orgId", port)), 422, "yearAwarded");
        assertProblem(post(ROOT + "/records", "officer", obj("name", "甲", "idNumber", id, "title", "MAY_DAY_MEDAL",
                "yearAwarded", "two thousand", "orgId", port)), 400, "yearAwarded");
        assertProblem(post(ROOT + "/records", "officer", obj("name", "甲", "idNumber", id, "title", "MAY_DAY_MEDAL",
                "yearAwarded", 2000, "orgId", port, "status", "ALIVE")), 400, "status");
        assertProblem(post(ROOT + "/records", "officer", obj("name", "甲", "idNumber", id, "title", "MAY_DAY_MEDAL",
                "yearAwarded", 2000, "orgId", 999999)), 422, "orgId");
        assertProblem(post(ROOT + "/records", "siming", obj("name", "甲", "idNumber", id, "title", "MAY_DAY_MEDAL",
                "yearAwarded", 2000, "orgId", port)), 403, null);
        assertProblem(post(ROOT + "/records", "member", obj("name", "甲", "idNumber", id, "title", "MAY_DAY_MEDAL",
                "yearAwarded", 2000, "orgId", port)), 403, null);
        assertProblem(post(ROOT + "/records", "admin", obj("name", "重复", "idNumber", "11010519491231002X", "title",
                "MAY_DAY_MEDAL", "yearAwarded", 2000, "orgId", port)), 409, "idNumber");
        assertProblem(get(ROOT + "/records?title=GOLD", "officer"), 400, "title");
        assertProblem(get(ROOT + "/records?limit=0", "officer"), 400, "limit");
        assertProblem(get(ROOT + "/records/987654", "officer"), 404, null);
        assertProblem(send("POST", ROOT + "/records/import", Who.of("officer"), "name,title\r\n甲,MAY_DAY_MEDAL\r\n", "text/csv"),
                422, "header");
        assertProblem(send("POST", ROOT + "/records/import", Who.of("officer"), "", "text/csv"), 422, "body");
        JsonNode outside = send("POST", ROOT + "/records/import", Who.of("siming"), "name,idNumber,title,yearAwarded,orgId\r\n"
                + "丙," + id + ",MAY_DAY_MEDAL,2000," + port + "\r\n", "text/csv").expect(200).json();
        assertEquals(1, outside.path("refused").asInt());
        assertEquals("orgId", outside.path("lines").get(0).path("errors").get(0).path("field").asText());
        assertEquals(415, send("POST", ROOT + "/records/import", Who.of("officer"), "{}", "application/json").status());
        assertProblem(post(ROOT + "/subsidies/applications", "officer", obj("recordId", 987654, "kind", "ANNUAL_SPECIAL", "year", 2024)),
                422, "recordId");
        assertProblem(post(ROOT + "/subsidies/applications", "officer", obj("kind", "BONUS", "year", 2024)), 400, "kind");
        assertProblem(post(ROOT + "/nominations", "officer", obj("candidateName", "乙", "idNumber", "123")), 422, "orgId");

        assertEquals("nothing was written", before, get(ROOT + "/records?limit=1", "admin").json().path("total").asLong());
        assertEquals("nothing was audited", auditBefore, get("/api/audit?limit=1", "admin").json().path("total").asLong());
    }

    // ---- helpers

    /** A valid ID-card number of Urumqi's Tianshan district with this birth date and sequence number. */
    private static String number(LocalDate birth, int sequence) {
        String first17 = "650102" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    private Resp importCsv(String who, String csv) throws Exception {
        return send("POST", ROOT + "/records/import", Who.of(who), csv, "text/csv; charset=UTF-8");
    }

    private long total(String query) throws Exception {
        return get(ROOT + "/records" + query + (query.isEmpty() ? "?" : "&") + "limit=1", "officer").expect(200).json()
                .path("total").asLong();
    }

    private static void assertRefused(JsonNode line, int number, String field, String message) {
        assertEquals(number, line.path("line").asInt());
        assertEquals(line.toString(), "REFUSED", line.path("outcome").asText());
        assertEquals(line.toString(), field, line.path("errors").get(0).path("field").asText());
        assertTrue(line.toString(), line.path("errors").get(0).path("message").asText().startsWith(message));
        assertTrue(line.toString(), line.path("reason").asText().startsWith(field + ": "));
        assertTrue(line.path("recordId").isNull());
    }

    /** Derby keeps recent pages in memory; a checkpoint writes them to the files the test reads. */
    private void checkpoint() throws Exception {
        ServiceReference<DataSource> ref = bundleContext.getServiceReferences(DataSource.class, "(dataSourceName=unionhub)")
                .iterator().next();
        DataSource ds = bundleContext.getService(ref);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CALL SYSCS_UTIL.SYSCS_CHECKPOINT_DATABASE()");
        } finally {
            bundleContext.ungetService(ref);
        }
    }

    /** The module's {@code ModelWorkerLookup} service, called as another module would (through reflection: no compile dependency). */
    private boolean lookup(long memberId, Set<String> levels) throws Exception {
        ServiceReference<?> ref = bundleContext.getServiceReference("org.unionhub.modelworkers.api.ModelWorkerLookup");
        assertNotNull("ModelWorkerLookup is registered", ref);
        Object service = bundleContext.getService(ref);
        try {
            Method m = service.getClass().getMethod("isModelWorker", long.class, Set.class);
            return (Boolean) m.invoke(service, memberId, levels);
        } finally {
            bundleContext.ungetService(ref);
        }
    }

    /**
     * Listens to EventAdmin as another bundle would; the handler is a proxy so that this class needs no compile
     * dependency on the event API. Each event is kept as "topic recordId to".
     */
    private org.osgi.framework.ServiceRegistration<?> listen(String topics, List<String> into) throws Exception {
        Class<?> handlerType = getClass().getClassLoader().loadClass("org.osgi.service.event.EventHandler");
        Object handler = java.lang.reflect.Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType},
                (proxy, method, args) -> {
                    if (!"handleEvent".equals(method.getName())) {
                        return method.getName().equals("hashCode") ? System.identityHashCode(proxy)
                                : method.getName().equals("equals") ? proxy == args[0] : "handler";
                    }
                    Object event = args[0];
                    Method property = event.getClass().getMethod("getProperty", String.class);
                    into.add(event.getClass().getMethod("getTopic").invoke(event) + " " + property.invoke(event, "recordId")
                            + " " + property.invoke(event, "to"));
                    return null;
                });
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        props.put("event.topics", topics);
        return bundleContext.registerService(handlerType.getName(), handler, props);
    }

    private long orgId(String namePrefix) throws Exception {
        for (JsonNode o : get("/api/orgs?limit=500", "admin").json().path("items")) {
            if (o.path("name").asText().startsWith(namePrefix)) {
                return o.path("id").asLong();
            }
        }
        throw new AssertionError("no demo organisation " + namePrefix);
    }

    private long memberId(String name) throws IOException, InterruptedException {
        JsonNode items = get("/api/members?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8), "admin").json().path("items");
        return items.get(0).path("id").asLong();
    }
}
