package org.unionhub.itests.privacy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.math.BigDecimal;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Retention with the job's clock set forward (issue 22): the region shortens two periods (a job fair's CVs 10 days
 * after the fair, a trip request's note 20 days), the demo fair ends in 14 days; a purge as of now changes neither, 22
 * days on only the notes have expired, 30 days on the CVs too — and a non-member's job-board and training
 * applications (25 days after their last change) — and each purge changes exactly the expired records; a second run at
 * the same clock changes nothing.
 */
public class RetentionIT extends HubTestSupport {

    private static final String NOTE = "膝关节不好留存测试";

    @Override
    protected String[] features() {
        return new String[] {"unionhub-core", "unionhub-jobfairs", "unionhub-recuperation"};
    }

    @Override
    protected String[] expectedModules() {
        return new String[] {"jobfairs", "recuperation"};
    }

    @Override
    protected Option[] extraOptions() {
        return new Option[] {editConfigurationFilePut("etc/org.unionhub.jobfairs.retention.cfg", "application.cv.days", "10"),
                editConfigurationFilePut("etc/org.unionhub.recuperation.retention.cfg", "request.note.days", "20"),
                editConfigurationFilePut("etc/org.unionhub.jobfairs.retention.cfg", "jobApplication.applicant.days", "25"),
                editConfigurationFilePut("etc/org.unionhub.jobfairs.retention.cfg", "programmeApplication.applicant.days",
                        "25"),
                systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("120000")};
    }

    @Test
    public void aPurgeWithTheClockSetForwardChangesExactlyTheExpiredRecords() throws Exception {
        long fair = get("/api/jobfairs", null).expect(200).json().path("items").get(0).path("id").asLong();
        long position = get("/api/jobfairs/" + fair + "/positions", null).expect(200).json().path("items").get(0).path("id")
                .asLong();
        long application = post("/api/jobfairs/positions/" + position + "/applications", "member", obj("cv", obj("name", "王磊",
                "phone", "13800000003", "education", "SENIOR_HIGH", "experienceYears", 3, "skills", "叉车"),
                "consent", obj("noticeVersion", "2026-11-1", "channel", "H5"))).expect(201).id();
        long sanatorium = post("/api/recuperation/sanatoriums", "admin", obj("name", "留存测试疗养院", "region", "内蒙古",
                "unionOwned", true, "bedsPerNight", 20)).expect(201).id();
        long programme = post("/api/recuperation/programmes", "admin", obj("sanatoriumId", sanatorium, "startDate", "2030-04-08",
                "days", 3, "places", 10, "pricePerPersonPerDay", new BigDecimal("100.00"), "quotas", List.of())).expect(201).id();
        long request = post("/api/recuperation/requests", "member", obj("programmeId", programme, "note", NOTE, "consent",
                obj("noticeVersion", "2026-11-1", "channel", "H5", "sensitive", List.of("MEDICAL")))).expect(201).id();
        long[] applied = nonMemberApplications();

        // a repeatable answer the idempotency filter keeps (as a keyed POST leaves it): 24 hours
        sql("INSERT INTO HUB_IDEMPOTENCY (KEY_HASH, ACCOUNT, METHOD, PATH, BODY_HASH, STATUS, BODY, CREATED_AT) VALUES ('"
                + "0".repeat(64) + "', 'member', 'POST', '/api/recuperation/requests', '" + "1".repeat(64) + "', 201, NULL, "
                + "CURRENT_TIMESTAMP)");

        // the kinds, with the region's days beside the module's default and the legal reason
        JsonNode rules = get("/api/admin/retention", "admin").expect(200).json();
        JsonNode cv = rule(rules, "jobfairs", "application.cv");
        assertEquals(10, cv.path("days").asInt());
        assertEquals(180, cv.path("defaultDays").asInt());
        assertTrue(cv.path("legalReason").asText().contains("个人信息保护法"));
        assertEquals(20, rule(rules, "recuperation", "request.note").path("days").asInt());
        assertEquals(1095, rule(rules, "core", "dataRequest.detail").path("days").asInt());
        assertEquals(1, rule(rules, "core", "idempotency.answers").path("days").asInt());
        assertProblem(get("/api/admin/retention", "officer"), 403, null);
        assertProblem(post("/api/admin/retention/runs", "officer", null), 403, null);

        JsonNode now = post("/api/admin/retention/runs", "admin", null).expect(200).json();
        assertEquals(0, line(now, "jobfairs", "application.cv"));
        assertEquals(0, line(now, "recuperation", "request.note"));
        assertEquals(0, line(now, "core", "idempotency.answers"));
        assertEquals(NOTE, note(request));
        assertEquals("王磊", cvName(application));
        assertEquals(0, line(now, "jobfairs", "jobApplication.applicant"));
        assertEquals(0, line(now, "jobfairs", "programmeApplication.applicant"));

        clockForward(22);
        JsonNode later = post("/api/admin/retention/runs", "admin", null).expect(200).json();
        assertEquals("the one note written today, 20 days and more ago as of the job's clock", 1,
                line(later, "recuperation", "request.note"));
        assertEquals("the fair ends in 14 days: 22 - 10 is not yet past it", 0, line(later, "jobfairs", "application.cv"));
        assertEquals("the kept answer, a day old and more", 1, line(later, "core", "idempotency.answers"));
        assertEquals(0, sql("SELECT COUNT(*) FROM HUB_IDEMPOTENCY"));
        assertTrue(note(request) == null);
        assertEquals("王磊", cvName(application));
        assertEquals(0, line(later, "jobfairs", "jobApplication.applicant"));
        assertEquals(0, line(later, "jobfairs", "programmeApplication.applicant"));
        assertEquals("周留存", get("/api/jobfairs/board/applications/" + applied[0], "officer").json().path("name").asText());

        clockForward(30);
        JsonNode after = post("/api/admin/retention/runs", "admin", null).expect(200).json();
        assertEquals("the one CV of the fair that ended, and no file", 1, line(after, "jobfairs", "application.cv"));
        assertEquals("purged before: not counted again", 0, line(after, "recuperation", "request.note"));
        assertEquals("已删除", cvName(application));
        assertEquals("the one board application, 25 days after its last change", 1,
                line(after, "jobfairs", "jobApplication.applicant"));
        assertEquals(1, line(after, "jobfairs", "programmeApplication.applicant"));
        for (String path : List.of("/api/jobfairs/board/applications/" + applied[0],
                "/api/jobfairs/programmes/applications/" + applied[1])) {
            JsonNode purged = get(path, "admin").expect(200).json();
            assertEquals(path, "已删除", purged.path("name").asText());
            assertTrue("the ID number is gone: " + purged, purged.path("idNumber").isNull() || purged.path("idNumber").isMissingNode());
            assertEquals("SUBMITTED", purged.path("status").asText());
        }
        assertEquals("SUBMITTED", get("/api/jobfairs/applications/" + application, "admin").json().path("status").asText());

        JsonNode again = post("/api/admin/retention/runs", "admin", null).expect(200).json();
        assertEquals(0, again.path("rowsChanged").asLong());

        // the reports, newest first, and the audit
        JsonNode reports = get("/api/admin/retention/runs", "admin").expect(200).json();
        assertEquals(again.path("id").asLong(), reports.get(0).path("id").asLong());
        assertEquals(4, reports.size());
        assertEquals(4, get("/api/audit?action=core.retention.purge", "admin").expect(200).json().path("total").asLong());
    }

    /** A non-member's application to a new board position and to a new training course, each with his consent. */
    private long[] nonMemberApplications() throws Exception {
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String in30 = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(30).toString();
        post("/api/accounts", "admin", obj("username", "retention.unit", "password", "secret-retention.unit", "roles",
                List.of("employer"))).expect(201);
        Who unit = new Who("retention.unit", "secret-retention.unit");
        String first17 = "91350205000008888";
        long registry = send("POST", "/api/jobfairs/registry", unit, obj("orgId", demoOrg("海沧区总工会"), "name", "留存测试物流公司", "creditCode",
                first17 + org.unionhub.api.validation.CreditCode.checkCharacter(first17), "industry", "freight", "size",
                "LARGE", "contactName", "人事部", "contactPhone", "0592-6000008"), null).expect(201).id();
        post("/api/jobfairs/registry/" + registry + "/approve", "officer", obj()).expect(200);
        long job = send("POST", "/api/jobfairs/board/positions", unit, obj("title", "仓库管理员", "headcount", 1, "salaryMin",
                5000, "salaryMax", 7000, "education", "SENIOR_HIGH", "experienceYears", 0, "location", "厦门海沧",
                "expiresOn", in30), null).expect(201).id();
        String id = "35020519900101" + "777";
        id = id + org.unionhub.api.validation.IdCardNumber.checkCharacter(id);
        var consent = obj("noticeVersion", "2026-11-1", "channel", "H5", "sensitive", List.of("ID_NUMBER"));
        var applicant = obj("kind", "FLEXIBLE", "name", "周留存", "phone", "13900000031", "idNumber", id);
        long onBoard = send("POST", "/api/jobfairs/board/positions/" + job + "/applications", null, obj("applicant", applicant,
                "education", "SENIOR_HIGH", "experienceYears", 1, "consent", consent), null).expect(201).id();
        long course = post("/api/jobfairs/programmes", "officer", obj("kind", "TRAINING", "name", "留存测试培训", "places", 5,
                "applyFrom", today, "applyTo", in30)).expect(201).id();
        long trained = send("POST", "/api/jobfairs/programmes/" + course + "/applications", null, obj("applicant", applicant,
                "workplace", "海沧仓库", "consent", consent), null).expect(201).id();
        return new long[] {onBoard, trained};
    }

    private static JsonNode rule(JsonNode rules, String module, String kind) {
        for (JsonNode r : rules) {
            if (module.equals(r.path("module").asText()) && kind.equals(r.path("kind").asText())) {
                return r;
            }
        }
        throw new AssertionError("no rule " + module + "/" + kind + " in " + rules);
    }

    private static long line(JsonNode report, String module, String kind) {
        for (JsonNode l : report.path("lines")) {
            if (module.equals(l.path("module").asText()) && kind.equals(l.path("kind").asText())) {
                return l.path("rowsChanged").asLong();
            }
        }
        throw new AssertionError("no line " + module + "/" + kind + " in " + report);
    }

    private String note(long request) throws Exception {
        for (JsonNode r : get("/api/recuperation/requests?limit=500", "admin").expect(200).json().path("items")) {
            if (r.path("id").asLong() == request) {
                return r.path("note").isNull() || r.path("note").isMissingNode() ? null : r.path("note").asText();
            }
        }
        throw new AssertionError("no request " + request);
    }

    private String cvName(long application) throws Exception {
        return get("/api/jobfairs/applications/" + application, "admin").expect(200).json().path("cv").path("name").asText();
    }

    /** Runs a statement on the hub's database: an update answers its count, a query its first column. */
    private long sql(String statement) throws Exception {
        var ref = bundleContext.getServiceReferences(javax.sql.DataSource.class, "(dataSourceName=unionhub)").iterator().next();
        try (var c = bundleContext.getService(ref).getConnection(); var st = c.createStatement()) {
            if (!statement.startsWith("SELECT")) {
                return st.executeUpdate(statement);
            }
            try (var rs = st.executeQuery(statement)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The job's clock, through Config Admin by reflection (the probe does not import org.osgi.service.cm). */
    private void clockForward(int days) throws Exception {
        Object cm = bundleContext.getService(bundleContext.getServiceReference("org.osgi.service.cm.ConfigurationAdmin"));
        ClassLoader loader = cm.getClass().getClassLoader();
        Object config = loader.loadClass("org.osgi.service.cm.ConfigurationAdmin")
                .getMethod("getConfiguration", String.class, String.class).invoke(cm, "org.unionhub.retention", "?");
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("clock.offset.days", Integer.toString(days));
        loader.loadClass("org.osgi.service.cm.Configuration").getMethod("update", Dictionary.class).invoke(config, p);
    }
}
