package org.unionhub.itests.privacy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.unionhub.api.validation.IdCardNumber;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A model worker's personal data (issue 22): the annual care survey holds his health, so it is kept only with his
 * consent to the survey notice and the separate consent for health data, which the visiting officer enters from his
 * signed paper form; and an approved deletion request of a member who is a model worker and a nominee erases his
 * record, nominations, surveys and the words of his subsidy applications while every total stays as it was.
 */
public class ModelWorkerPrivacyIT extends HubTestSupport {

    private static final String ROOT = "/api/model-workers";
    private static final String NOTICE = "2026-11-1";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Override
    protected String[] features() {
        return new String[] {"unionhub-core", "unionhub-modelworkers"};
    }

    @Override
    protected String[] expectedModules() {
        return new String[] {"modelworkers"};
    }

    @Test
    public void aCareSurveyIsKeptOnlyWithTheModelWorkersConsent() throws Exception {
        ModelWorker w = modelWorker("关爱" + SEQ.incrementAndGet());
        String survey = ROOT + "/records/" + w.record + "/surveys/2025";
        JsonNode notice = get("/api/notices/survey", "member").expect(200).json();
        assertEquals(NOTICE, notice.path("version").asText());
        assertEquals(List.of("MEDICAL"), List.of(notice.path("sensitive").get(0).asText()));
        long consentsBefore = count("HUB_CONSENT", "SUBJECT_KIND = 'survey'");

        assertProblem(put(survey, "officer", answers(null)), 422, "consent");
        assertProblem(put(survey, "officer", answers(consent("H5", List.of("MEDICAL")))), 422, "consent.channel");
        assertProblem(put(survey, "officer", answers(consent("PAPER", List.of()))), 422, "consent.sensitive");
        ObjectNode old = consent("PAPER", List.of("MEDICAL"));
        old.put("noticeVersion", "2020-01");
        assertProblem(put(survey, "officer", answers(old)), 409, "noticeVersion");
        assertEquals("refused surveys keep no answers", 0, count("MODELWORKERS_SURVEY", "RECORD_ID = " + w.record));
        assertEquals("refused surveys keep no consent", consentsBefore, count("HUB_CONSENT", "SUBJECT_KIND = 'survey'"));

        // an officer or member reads the problem in Chinese that names the form, not an API path
        String zh = zhCn("PUT", survey, answers(null));
        assertTrue(zh, zh.contains("劳模年度生活状况调查") && !zh.contains("/api/notices"));

        JsonNode kept = put(survey, "officer", answers(consent("PAPER", List.of("MEDICAL")))).expect(200).json();
        long general = kept.path("consentId").asLong();
        long medical = kept.path("medicalConsentId").asLong();
        assertTrue(kept.toString(), general > 0 && medical > 0 && general != medical);
        long surveyId = one("SELECT ID FROM MODELWORKERS_SURVEY WHERE RECORD_ID = " + w.record);
        assertEquals("the officer attests the model worker's paper consent, under the survey", 2, count("HUB_CONSENT",
                "ID IN (" + general + ", " + medical + ") AND SUBJECT_KIND = 'survey' AND SUBJECT_REF = " + surveyId
                + " AND MEMBER_ID IS NULL AND PURPOSE = 'survey' AND CHANNEL = 'PAPER' AND GIVEN_BY = 'officer'"));
        assertEquals(1, count("HUB_CONSENT", "ID = " + medical + " AND KIND = 'MEDICAL'"));

        // a survey of the same year again needs the consent again, and keeps the new one
        assertProblem(put(survey, "officer", answers(null)), 422, "consent");
        assertEquals(general, get(ROOT + "/records/" + w.record + "/surveys", "officer").expect(200).json().get(0)
                .path("consentId").asLong());

        // the model worker, a member, sees the consents among his own and in his download, and withdraws one
        JsonNode mine = send("GET", "/api/me/consents", w.self, null, null).expect(200).json();
        assertTrue(mine.toString(), ids(mine).containsAll(List.of(general, medical)));
        JsonNode data = send("GET", "/api/me/data", w.self, null, null).expect(200).json();
        JsonNode surveys = data.path("modules").path("modelworkers").path("surveys");
        assertEquals(data.toString(), 1, surveys.size());
        assertEquals(general, surveys.get(0).path("consentId").asLong());
        assertEquals(medical, surveys.get(0).path("medicalConsentId").asLong());
        assertTrue(ids(data.path("modules").path("core").path("consents")).contains(medical));
        JsonNode withdrawn = send("POST", "/api/me/consents/" + medical + "/withdraw", w.self, null, null).expect(200).json();
        assertFalse(withdrawn.path("withdrawnAt").isNull());
        assertProblem(send("POST", "/api/me/consents/" + general + "/withdraw", Who.of("member"), null, null), 404, null);
    }

    @Test
    public void anApprovedDeletionErasesTheModelWorkerAndNomineeAndTheTotalsStand() throws Exception {
        long port = orgId("厦门海沧港务有限公司工会");
        ModelWorker w = modelWorker("劳模删" + SEQ.incrementAndGet());
        String rec = ROOT + "/records/" + w.record;
        put(rec + "/surveys/2025", "officer", answers(consent("PAPER", List.of("MEDICAL")))).expect(200);
        post(ROOT + "/visits", "officer", obj("recordId", w.record, "visitedOn", today.toString(), "occasion",
                "SPRING_FESTIVAL", "giftAmount", 1500, "note", "病中走访慰问删除测试")).expect(201);
        long application = post(ROOT + "/subsidies/applications", "officer", obj("recordId", w.record, "kind",
                "HARDSHIP_RELIEF", "year", 2025, "amount", 8000, "note", "住院自付费用较高删除测试")).expect(201).id();
        // nominated again, for a higher title: a nomination found by his ID number, not linked to the record
        long nomination = post(ROOT + "/nominations", "officer", obj("orgId", port, "candidateName", w.name, "idNumber",
                w.idNumber, "workplace", "厦门海沧港务有限公司", "contact", "13900004444", "proposedTitle", "NATIONAL_MODEL_WORKER",
                "achievements", "带徒传艺删除测试", "consent", obj("noticeVersion", NOTICE, "channel", "PAPER", "sensitive",
                        List.of("ID_NUMBER")))).expect(201).id();
        for (String item : List.of("RECOMMENDATION_FORM", "ACHIEVEMENT_REPORT", "ID_CARD_COPY")) {
            send("PUT", ROOT + "/nominations/" + nomination + "/materials/" + item, Who.of("officer"), "%PDF-1.4\n",
                    "application/pdf").expect(200);
        }
        post(ROOT + "/nominations/" + nomination + "/submit", "officer", null).expect(200);
        Who district = account("mwp-district" + SEQ.incrementAndGet(), "modelworkers-reviewer", orgId("海沧区总工会"), null);
        send("POST", ROOT + "/nominations/" + nomination + "/return", district, obj("comments", List.of(obj("field",
                "achievements", "message", "请补充带徒人数删除测试"))), null).expect(200);
        assertEquals(3, count("MODELWORKERS_MATERIAL", "NOMINATION_ID = " + nomination));
        Map<String, String> before = totals();

        long deletion = send("POST", "/api/me/data-requests", w.self, obj("kind", "DELETION"), null).expect(201).id();
        assertEquals("APPROVED", post("/api/data-requests/" + deletion + "/approve", "officer", obj()).expect(200).json()
                .path("status").asText());

        JsonNode record = get(rec, "admin").expect(200).json();
        assertEquals("已删除", record.path("name").asText());
        assertTrue(record.toString(), record.path("contact").isNull() || record.path("contact").isMissingNode());
        assertEquals("no survey is left", 0, count("MODELWORKERS_SURVEY", "RECORD_ID = " + w.record));
        assertEquals(0, count("MODELWORKERS_MATERIAL", "NOMINATION_ID = " + nomination));
        assertEquals(1, count("MODELWORKERS_NOMINATION", "ID = " + nomination + " AND CANDIDATE_NAME = '已删除' "
                + "AND ID_SEALED IS NULL AND ID_INDEX IS NULL AND CONTACT IS NULL AND ACHIEVEMENTS IS NULL"));
        assertEquals(1, count("MODELWORKERS_SUBSIDY_APPLICATION", "ID = " + application + " AND NOTE IS NULL "
                + "AND AMOUNT = 8000 AND STATUS = 'APPLIED'"));
        // nothing that names him or speaks of his health or family is left in the module's tables
        String left = dump("MODELWORKERS_RECORD", "MODELWORKERS_NOMINATION", "MODELWORKERS_NOMINATION_COMMENT",
                "MODELWORKERS_SUBSIDY_APPLICATION", "MODELWORKERS_VISIT", "MODELWORKERS_STATUS_HISTORY");
        for (String personal : List.of(w.name, w.idNumber, IdCardNumber.mask(w.idNumber), "13900004444", w.contact,
                "删除测试")) {
            assertFalse(personal, left.contains(personal));
        }
        assertEquals(1, get("/api/audit?action=modelworkers.personaldata.erase&entityId=" + w.member, "admin").expect(200)
                .json().path("total").asLong());
        assertEquals("figures, subsidies, visits and titles add up as before", before, totals());
    }

    // ---- helpers

    private record ModelWorker(long member, Who self, long record, String name, String idNumber, String contact) {
    }

    /** A member of the port's union who is a regional model worker, with his account. */
    private ModelWorker modelWorker(String name) throws Exception {
        long port = orgId("厦门海沧港务有限公司工会");
        int n = SEQ.incrementAndGet();
        String first17 = "650102" + LocalDate.of(1966, 4, 1).plusDays(n).format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", 500 + n);
        String idNumber = first17 + IdCardNumber.checkCharacter(first17);
        String contact = "1390000" + String.format("%04d", 5000 + n);
        long member = post("/api/members", "admin", obj("name", name, "orgId", port, "employmentForm", "EMPLOYEE",
                "idNumber", idNumber)).expect(201).id();
        Who self = account("mwp.self" + n, "member", null, member);
        long record = post(ROOT + "/records", "officer", obj("name", name, "idNumber", idNumber, "title",
                "REGIONAL_MODEL_WORKER", "yearAwarded", 2012, "workplace", "厦门海沧港务有限公司", "orgId", port, "status",
                "ACTIVE", "memberId", member, "contact", contact)).expect(201).id();
        put(ROOT + "/records/" + record + "/status", "officer", obj("status", "RETIRED", "reason", name + "退休")).expect(200);
        return new ModelWorker(member, self, record, name, idNumber, contact);
    }

    private static ObjectNode answers(ObjectNode consent) {
        ObjectNode a = obj("incomeBand", "LOW", "health", "SERIOUS_ILLNESS", "housing", "ADEQUATE", "selfPaidMedical", 26000,
                "needs", "医疗费用较高");
        if (consent != null) {
            a.set("consent", consent);
        }
        return a;
    }

    private static ObjectNode consent(String channel, List<String> sensitive) {
        return obj("noticeVersion", NOTICE, "channel", channel, "sensitive", sensitive);
    }

    private static List<Long> ids(JsonNode consents) {
        List<Long> out = new ArrayList<>();
        consents.forEach(c -> out.add(c.path("id").asLong()));
        return out;
    }

    /** The module's figures this year, the subsidy totals of 2025, and sums straight from its tables. */
    private Map<String, String> totals() throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode r : get("/api/figures?period=" + today.getYear(), "admin").expect(200).json().path("rows")) {
            if ("modelworkers".equals(r.path("module").asText())) {
                out.put("figure " + r.path("orgId").asText() + "/" + r.path("figure").asText(),
                        r.path("total").decimalValue().stripTrailingZeros().toPlainString());
            }
        }
        out.put("subsidy totals", get(ROOT + "/subsidies/totals?year=2025", "admin").expect(200).raw());
        out.put("applications", dumpOf("SELECT KIND, SUBSIDY_YEAR, STATUS, COUNT(*), SUM(AMOUNT), SUM(APPROVED_AMOUNT) "
                + "FROM MODELWORKERS_SUBSIDY_APPLICATION GROUP BY KIND, SUBSIDY_YEAR, STATUS ORDER BY 1, 2, 3"));
        out.put("ledger", dumpOf("SELECT KIND, SUBSIDY_YEAR, COUNT(*), SUM(AMOUNT) FROM MODELWORKERS_SUBSIDY "
                + "GROUP BY KIND, SUBSIDY_YEAR ORDER BY 1, 2"));
        out.put("visits", dumpOf("SELECT ORG_ID, COUNT(*), SUM(GIFT_AMOUNT) FROM MODELWORKERS_VISIT GROUP BY ORG_ID ORDER BY 1"));
        out.put("titles", dumpOf("SELECT LEVEL_CODE, COUNT(*) FROM MODELWORKERS_TITLE GROUP BY LEVEL_CODE ORDER BY 1"));
        out.put("records", dumpOf("SELECT ORG_ID, STATUS, COUNT(*) FROM MODELWORKERS_RECORD GROUP BY ORG_ID, STATUS ORDER BY 1, 2"));
        out.put("nominations", dumpOf("SELECT ORG_ID, STATE, COUNT(*) FROM MODELWORKERS_NOMINATION GROUP BY ORG_ID, STATE "
                + "ORDER BY 1, 2"));
        return out;
    }

    /** A problem answered in Chinese, as the console and the member app ask for it. */
    private String zhCn(String method, String path, Object body) throws Exception {
        String pair = "officer:" + Who.of("officer").password();
        HttpRequest r = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "zh-CN,zh;q=0.9").header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(answer.body(), 422, answer.statusCode());
        return answer.body();
    }

    private long orgId(String name) throws Exception {
        for (JsonNode o : get("/api/orgs?limit=500", "admin").expect(200).json().path("items")) {
            if (o.path("name").asText().startsWith(name)) {
                return o.path("id").asLong();
            }
        }
        throw new AssertionError("no organisation " + name);
    }

    // ---- straight from the hub's database: what was really kept, not what the API shows

    private long count(String table, String where) throws Exception {
        return one("SELECT COUNT(*) FROM " + table + " WHERE " + where);
    }

    private long one(String sql) throws Exception {
        var ref = bundleContext.getServiceReferences(javax.sql.DataSource.class, "(dataSourceName=unionhub)").iterator().next();
        try (var c = bundleContext.getService(ref).getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String dump(String... tables) throws Exception {
        StringBuilder out = new StringBuilder();
        for (String t : tables) {
            out.append(dumpOf("SELECT * FROM " + t));
        }
        return out.toString();
    }

    private String dumpOf(String sql) throws Exception {
        var ref = bundleContext.getServiceReferences(javax.sql.DataSource.class, "(dataSourceName=unionhub)").iterator().next();
        StringBuilder out = new StringBuilder();
        try (var c = bundleContext.getService(ref).getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if (meta.getColumnType(i) != java.sql.Types.BLOB) {
                        out.append(rs.getString(i)).append('|');
                    }
                }
                out.append('\n');
            }
        }
        return out.toString();
    }
}
