package org.unionhub.itests.privacy;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.FixMethodOrder;
import org.junit.Before;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Option;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A member's personal data through the hub with every module installed (issue 22): his download holds every record of
 * his in every module and nothing of anyone else's; an officer's approval of his deletion anonymises him everywhere
 * while the figures and the mutual-aid fund keep their totals; a deletion that a paid claim holds back is refused.
 * Uses the demo data: 王磊 (account {@code member}, card XM-0003) and 陈建国 (account {@code porter}, card XM-0001).
 * The download runs first (the deletion erases the rider).
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PersonalDataIT extends HubTestSupport {

    private static final String MA = "/api/mutual-aid";
    private static final byte[] PDF = "%PDF-1.4\n% 出院小结 discharge summary\n".getBytes(StandardCharsets.UTF_8);
    private static final String HOSPITAL = "厦门市第五医院隐私测试";
    private static final String NOTE = "腰椎不好想去疗养隐私测试";
    private static final List<String> OTHERS = List.of("陈建国", "13800000001", "林晓燕", "13800000002", "张伟", "13800000004",
            "贵州省人民医院", "厦门大学附属第一医院");

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Override
    protected String[] features() {
        return new String[] {"unionhub-core", "unionhub-fairs", "unionhub-jobfairs", "unionhub-mutualaid",
            "unionhub-recuperation", "unionhub-modelworkers"};
    }

    @Override
    protected String[] expectedModules() {
        return new String[] {"fairs", "jobfairs", "mutualaid", "recuperation", "modelworkers"};
    }

    @Override
    protected Option[] extraOptions() {
        return new Option[] {systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("120000")};
    }

    /** The demo members' ids, read before any test here deletes the rider's card number. */
    private static long riderId;
    private static long porterId;

    @Before
    public void demoMembers() throws Exception {
        if (riderId == 0) {
            riderId = demoMember("XM-0003");
            porterId = demoMember("XM-0001");
        }
    }

    @Test
    public void aMemberDownloadsEveryRecordOfHisAndNothingOfAnyoneElses() throws Exception {
        Records mine = recordsOfTheRider();

        JsonNode data = get("/api/me/data", "member").expect(200).json();
        String raw = data.toString();
        assertEquals(riderId, data.path("memberId").asLong());
        JsonNode modules = data.path("modules");
        for (String m : List.of("core", "fairs", "jobfairs", "mutualaid", "recuperation", "modelworkers")) {
            assertTrue("module " + m + " answers: " + modules, modules.has(m));
        }
        assertEquals("王磊", modules.path("core").path("member").get(0).path("name").asText());
        assertEquals("13800000003", modules.path("core").path("member").get(0).path("phone").asText());
        assertTrue(raw, has(modules.path("fairs").path("coupons"), "code", mine.coupon));
        assertTrue(raw, has(modules.path("jobfairs").path("applications"), "id", Long.toString(mine.application)));
        JsonNode board = modules.path("jobfairs").path("jobApplications");
        assertTrue(raw, has(board, "id", Long.toString(mine.jobApplication)));
        assertTrue(raw, has(modules.path("jobfairs").path("programmeApplications"), "id",
                Long.toString(mine.programmeApplication)));
        assertTrue("the board application names its consent: " + board, board.get(0).path("consentId").asLong() > 0);
        for (JsonNode r : modules.path("recuperation").path("requests")) {
            assertTrue("the note's separate consent: " + r, !NOTE.equals(r.path("note").asText())
                    || r.path("medicalConsentId").asLong() > 0);
        }
        for (String purpose : List.of("cv", "claim", "jobboard", "programme", "trip")) {
            assertTrue(purpose + " consent in " + raw, has(modules.path("core").path("consents"), "purpose", purpose));
        }
        assertTrue(raw, has(modules.path("mutualaid").path("claims"), "hospital", HOSPITAL));
        assertEquals("both demo enrolments", 2, modules.path("mutualaid").path("enrolments").size());
        assertTrue(raw, has(modules.path("mutualaid").path("ledger"), "kind", "CONTRIBUTION"));
        assertTrue(raw, has(modules.path("recuperation").path("requests"), "note", NOTE));
        assertEquals(0, modules.path("modelworkers").path("records").size());
        assertEquals(1, data.path("attachments").size());
        assertEquals(Long.toString(mine.attachment), data.path("attachments").get(0).path("id").asText());
        for (String other : OTHERS) {
            assertFalse("another member's " + other + " in " + raw, raw.contains(other));
        }

        // the ZIP: a JSON file per module and the claim document itself
        Map<String, byte[]> zip = unzip(bytes("/api/me/data/archive", "member", "member"));
        assertTrue(zip.keySet().toString(), zip.keySet().containsAll(List.of("core.json", "fairs.json", "jobfairs.json",
                "mutualaid.json", "recuperation.json", "modelworkers.json", "attachments.json")));
        assertArrayEquals(PDF, zip.get("attachments/mutualaid/" + mine.attachment + "-invoice.pdf"));
        assertTrue(new String(zip.get("mutualaid.json"), StandardCharsets.UTF_8).contains(HOSPITAL));

        // the porter's holds his archive record and his paid claim, and nothing of the rider's
        JsonNode porter = get("/api/me/data", "porter").expect(200).json();
        String porterRaw = porter.toString();
        assertEquals("陈建国", porter.path("modules").path("modelworkers").path("records").get(0).path("name").asText());
        assertEquals(1, porter.path("modules").path("modelworkers").path("subsidies").size());
        assertTrue(porterRaw, has(porter.path("modules").path("mutualaid").path("claims"), "status", "PAID"));
        assertFalse("the full ID number never leaves sealed", porterRaw.contains("11010519491231002X"));
        for (String other : List.of("王磊", "13800000003", HOSPITAL, NOTE, mine.coupon)) {
            assertFalse("the rider's " + other + " in the porter's download", porterRaw.contains(other));
        }

        // only a member's own account has data of its own; each download is audited
        assertProblem(get("/api/me/data", "officer"), 403, null);
        assertProblem(get("/api/me/data", null), 401, null);
        assertTrue(get("/api/audit?action=core.personaldata.export", "admin").expect(200).json().path("total").asLong() >= 3);
    }

    @Test
    public void anApprovedDeletionAnonymisesTheMemberEverywhereAndTheTotalsStay() throws Exception {
        Records mine = recordsOfTheRider();
        Map<String, BigDecimal> figuresBefore = figures();
        Map<String, BigDecimal> fundsBefore = funds();

        assertProblem(post("/api/me/data-requests", "member", obj("kind", "FORGET")), 422, "kind");
        assertProblem(post("/api/me/data-requests", "member", obj("kind", "CORRECTION")), 422, "detail");
        long correction = post("/api/me/data-requests", "member", obj("kind", "CORRECTION", "detail", "手机号应为13800000099"))
                .expect(201).id();
        JsonNode asked = post("/api/me/data-requests", "member", obj("kind", "DELETION")).expect(201).json();
        long deletion = asked.path("id").asLong();
        assertEquals("PENDING", asked.path("status").asText());
        assertProblem(post("/api/me/data-requests", "member", obj("kind", "DELETION")), 409, "kind");
        assertProblem(post("/api/me/data-requests", "officer", obj("kind", "DELETION")), 403, null);

        // another district's officer learns nothing of it; the rider's own district sees and decides it
        assertProblem(get("/api/data-requests/" + deletion, "siming"), 404, null);
        assertProblem(post("/api/data-requests/" + deletion + "/approve", "siming", obj()), 404, null);
        assertFalse(get("/api/data-requests?status=PENDING", "siming").expect(200).raw().contains("\"id\":" + deletion + ","));
        assertTrue(get("/api/data-requests?status=PENDING", "officer").expect(200).raw().contains("\"id\":" + deletion + ","));
        assertProblem(post("/api/data-requests/" + deletion + "/approve", "member", obj()), 403, null);
        assertProblem(get("/api/data-requests?status=LOST", "officer"), 400, "status");
        assertEquals("APPROVED", post("/api/data-requests/" + correction + "/approve", "officer", obj()).expect(200).json()
                .path("status").asText());
        assertProblem(post("/api/data-requests/" + correction + "/refuse", "officer", obj("reason", "x")), 409, "status");

        assertEquals("APPROVED", post("/api/data-requests/" + deletion + "/approve", "officer", obj()).expect(200).json()
                .path("status").asText());

        // anonymised in every module: the core's record, the claim and its document, the CV, the request's note
        JsonNode member = get("/api/members/" + riderId, "admin").expect(200).json();
        assertEquals("已注销会员", member.path("name").asText());
        assertTrue(member.toString(), member.path("phone").isNull() || member.path("phone").isMissingNode());
        JsonNode claim = get(MA + "/claims/" + mine.claim, "admin").expect(200).json();
        assertEquals("已删除", claim.path("hospital").asText());
        assertEquals(0, claim.path("attachments").size());
        String application = get("/api/jobfairs/applications/" + mine.application, "admin").expect(200).raw();
        assertFalse(application, application.contains("王磊") || application.contains("13800000003"));
        for (String path : List.of("/api/jobfairs/board/applications/" + mine.jobApplication,
                "/api/jobfairs/programmes/applications/" + mine.programmeApplication)) {
            JsonNode applied = get(path, "admin").expect(200).json();
            assertEquals(path, "已删除", applied.path("name").asText());
            assertFalse(applied.toString(), applied.toString().contains("13800000003"));
        }
        String requests = get("/api/recuperation/requests?limit=500", "admin").expect(200).raw();
        assertFalse(requests, requests.contains(NOTE));
        assertProblem(get("/api/me/data", "member"), 401, null);

        // and every total stands as before
        assertEquals(figuresBefore, figures());
        assertEquals(fundsBefore, funds());
        for (String module : List.of("core", "fairs", "jobfairs", "mutualaid", "recuperation", "modelworkers")) {
            assertEquals(module, 1, get("/api/audit?action=" + module + ".personaldata.erase&entityId=3", "admin").expect(200)
                    .json().path("total").asLong());
        }
        String audit = get("/api/audit?limit=500", "admin").expect(200).raw();
        assertFalse("the member's words stay out of the audit", audit.contains("13800000099"));

        // the porter's paid claim and subsidy hold his data: the approval is refused, the officer refuses with the reason
        long held = post("/api/me/data-requests", "porter", obj("kind", "DELETION")).expect(201).id();
        assertProblem(post("/api/data-requests/" + held + "/approve", "officer", obj()), 409, "retention");
        String why = post("/api/data-requests/" + held + "/approve", "officer", obj()).raw();
        assertTrue(why, why.contains("mutualaid claim") && why.contains("modelworkers subsidy"));
        assertProblem(post("/api/data-requests/" + held + "/refuse", "officer", obj("reason", " ")), 422, "reason");
        post("/api/data-requests/" + held + "/refuse", "officer", obj("reason", "已赔付的互助金属会计档案，须保存30年")).expect(200);
        JsonNode his = get("/api/me/data-requests", "porter").expect(200).json();
        assertEquals("REFUSED", his.get(0).path("status").asText());
        assertEquals("已赔付的互助金属会计档案，须保存30年", his.get(0).path("decisionReason").asText());
        assertEquals("陈建国", get("/api/members/" + porterId, "admin").expect(200).json().path("name").asText());
    }

    @Test
    public void aNoticeIsShownAndTheMembersConsentsAreRecordedSeparatelyForSensitiveData() throws Exception {
        JsonNode notice = get("/api/notices/claim", null).expect(200).json();
        assertEquals("mutualaid", notice.path("module").asText());
        assertTrue(notice.path("text").asText().contains("敏感个人信息"));
        assertEquals(List.of("MEDICAL", "ID_NUMBER"), List.of(notice.path("sensitive").get(0).asText(),
                notice.path("sensitive").get(1).asText()));
        String version = notice.path("version").asText();
        assertProblem(get("/api/notices/horoscope", null), 404, null);

        long audited = get("/api/audit?action=core.consent", "admin").expect(200).json().path("total").asLong();
        JsonNode given = post("/api/me/consents", "porter", obj("purpose", "claim", "noticeVersion", version, "channel", "H5",
                "sensitive", List.of("MEDICAL", "ID_NUMBER"))).expect(200).json();
        assertEquals("GENERAL, MEDICAL and ID_NUMBER, each its own consent", 3, given.size());
        assertEquals(version, given.get(1).path("noticeVersion").asText());
        assertProblem(post("/api/me/consents", "porter", obj("purpose", "claim", "noticeVersion", "1999-1", "channel", "H5")),
                409, "noticeVersion");
        assertProblem(post("/api/me/consents", "porter", obj("purpose", "cv", "noticeVersion", version, "channel", "H5",
                "sensitive", List.of("MEDICAL"))), 422, "sensitive");
        assertProblem(post("/api/me/consents", "porter", obj("purpose", "claim", "noticeVersion", version, "channel", "FAX")),
                422, "channel");
        // an account without a member record consents as itself (issue 22), never for a member
        JsonNode own = post("/api/me/consents", "officer", obj("purpose", "claim", "noticeVersion", version, "channel", "H5"))
                .expect(200).json();
        assertEquals(own.toString(), "account", own.get(0).path("subjectKind").asText());
        assertTrue(own.toString(), own.get(0).path("memberId").isNull());

        long medical = given.get(1).path("id").asLong();
        assertTrue(post("/api/me/consents/" + medical + "/withdraw", "porter", obj()).expect(200).json().has("withdrawnAt"));
        assertProblem(post("/api/me/consents/" + medical + "/withdraw", "porter", obj()), 409, "status");
        assertProblem(post("/api/me/consents/" + medical + "/withdraw", "member", obj()), 404, null);
        JsonNode mine = get("/api/me/data", "porter").expect(200).json().path("modules").path("core").path("consents");
        assertEquals(3, mine.size());
        assertEquals("three given, one withdrawn, and the officer's own", audited + 5,
                get("/api/audit?action=core.consent", "admin").expect(200).json().path("total").asLong());
    }

    @Test
    public void aCvListAnOfficerReadsIsAuditedAsOneRowNamingTheCvsShown() throws Exception {
        Records mine = recordsOfTheRider();
        get("/api/jobfairs/applications?fairId=" + mine.fair, "officer").expect(200);
        JsonNode audit = get("/api/audit?action=jobfairs.application.list&actor=officer", "admin").expect(200).json();
        assertEquals(audit.toString(), 1, audit.path("total").asLong());
        JsonNode read = JSON.readTree(audit.path("items").get(0).path("changes").asText());
        assertEquals(mine.fair, read.path("fairId").asLong());
        assertTrue(read.toString(), read.path("ids").toString().contains(Long.toString(mine.application)));
        assertEquals(read.path("ids").size(), read.path("rows").asInt());

        // the member's own list is no read of anyone else's CV
        get("/api/jobfairs/applications", "member").expect(200);
        assertEquals(0, get("/api/audit?action=jobfairs.application.list&actor=member", "admin").expect(200).json()
                .path("total").asLong());
    }

    @Test
    public void aPaperConsentToANominationOfAMemberIsAmongHisOwnConsents() throws Exception {
        long port = 0;
        for (JsonNode o : get("/api/orgs?limit=500", "admin").expect(200).json().path("items")) {
            port = o.path("name").asText().startsWith("厦门海沧港务有限公司工会") ? o.path("id").asLong() : port;
        }
        JsonNode nomination = post("/api/model-workers/nominations", "officer", obj("orgId", port, "candidateName", "陈建国",
                "idNumber", "11010519491231002X", "proposedTitle", "REGIONAL_MODEL_WORKER", "consent", obj("noticeVersion",
                "2026-11-1", "channel", "PAPER", "sensitive", List.of("ID_NUMBER")))).expect(201).json();
        long id = nomination.path("id").asLong();
        long general = nomination.path("consentId").asLong();

        // the porter (a member whose ID number the nomination bears) sees both consents as his, under the nomination
        int found = 0;
        for (JsonNode c : get("/api/me/consents", "porter").expect(200).json()) {
            if ("nomination".equals(c.path("subjectKind").asText()) && c.path("subjectRef").asLong() == id) {
                found++;
                assertEquals("PAPER", c.path("channel").asText());
                assertTrue(c.toString(), c.path("memberId").isNull() || c.path("memberId").isMissingNode());
            }
        }
        assertEquals("GENERAL and ID_NUMBER", 2, found);
        JsonNode data = get("/api/me/data", "porter").expect(200).json().path("modules");
        assertTrue(data.toString(), has(data.path("core").path("consents"), "id", Long.toString(general)));
        assertTrue(has(data.path("modelworkers").path("nominations"), "consentId", Long.toString(general)));

        // nobody else sees it; he may withdraw it as any consent of his
        assertFalse(get("/api/me/consents", "member").expect(200).raw().contains("\"subjectRef\":" + id));
        assertProblem(post("/api/me/consents/" + general + "/withdraw", "worker", obj()), 404, null);
        assertTrue(post("/api/me/consents/" + general + "/withdraw", "porter", obj()).expect(200).json().has("withdrawnAt"));
    }

    // ---- the rider's records in every module, made through each module's own API

    private record Records(String coupon, long fair, long application, long claim, long attachment, long jobApplication,
            long programmeApplication) {
    }

    private static Records records;

    private synchronized Records recordsOfTheRider() throws Exception {
        if (records != null) {
            return records;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        long batch = post("/api/fairs/coupon-batches", "officer", obj("title", "满30减20", "kind", "THRESHOLD", "threshold", 30,
                "discount", 20, "quantity", 10, "perMemberLimit", 1, "validFrom", now.minusMinutes(5).toString(),
                "validTo", now.plusDays(1).toString())).expect(201).id();
        String coupon = post("/api/fairs/coupon-batches/" + batch + "/claims", "member", null).expect(201).json().path("code")
                .asText();

        long fair = get("/api/jobfairs", null).expect(200).json().path("items").get(0).path("id").asLong();
        long position = get("/api/jobfairs/" + fair + "/positions", null).expect(200).json().path("items").get(0).path("id")
                .asLong();
        long application = post("/api/jobfairs/positions/" + position + "/applications", "member", obj("cv", obj("name", "王磊",
                "phone", "13800000003", "education", "SENIOR_HIGH", "experienceYears", 3, "skills", "电焊, 叉车"),
                "consent", obj("noticeVersion", "2026-11-1", "channel", "H5"))).expect(201).id();

        long sanatorium = post("/api/recuperation/sanatoriums", "admin", obj("name", "隐私测试疗养院", "region", "内蒙古",
                "unionOwned", true, "bedsPerNight", 20)).expect(201).id();
        long programme = post("/api/recuperation/programmes", "admin", obj("sanatoriumId", sanatorium, "startDate", "2030-04-08",
                "days", 3, "places", 10, "pricePerPersonPerDay", new BigDecimal("100.00"), "quotas", List.of())).expect(201).id();
        // a trip request carries the member's consent to the trip notice; a note (often about health) its MEDICAL one
        assertProblem(post("/api/recuperation/requests", "member", obj("programmeId", programme, "note", NOTE)), 422, "consent");
        assertProblem(post("/api/recuperation/requests", "member", obj("programmeId", programme, "note", NOTE, "consent",
                obj("noticeVersion", "2026-11-1", "channel", "H5"))), 422, "consent.sensitive");
        post("/api/recuperation/requests", "member", obj("programmeId", programme, "note", NOTE, "consent",
                obj("noticeVersion", "2026-11-1", "channel", "H5", "sensitive", List.of("MEDICAL")))).expect(201);

        long plan = 0;
        for (JsonNode p : get(MA + "/plans", "admin").expect(200).json()) {
            plan = "ACCIDENT".equals(p.path("kind").asText()) ? p.path("id").asLong() : plan;
        }
        long claim = post(MA + "/claims", "member", obj("planId", plan, "memberId", riderId, "hospital", HOSPITAL, "admittedOn",
                today.minusDays(3).toString(), "dischargedOn", today.minusDays(1).toString(), "totalExpenses",
                new BigDecimal("3000.00"), "reimbursed", new BigDecimal("1000.00"), "consent", obj("noticeVersion", "2026-11-1",
                "channel", "H5", "sensitive", List.of("MEDICAL")))).expect(201).id();
        HttpResponse<byte[]> up = raw("POST", MA + "/claims/" + claim + "/attachments?kind=INVOICE&fileName=invoice.pdf", PDF,
                "application/pdf", "member", "member");
        assertEquals(new String(up.body(), StandardCharsets.UTF_8), 201, up.statusCode());
        long attachment = JSON.readTree(up.body()).path("id").asLong();

        // a job-board application and a training application, each with its consent (issue 22: jobboard, programme)
        String unit = "privacy.unit";
        post("/api/accounts", "admin", obj("username", unit, "password", "secret-" + unit, "roles", List.of("employer")))
                .expect(201);
        Who employer = new Who(unit, "secret-" + unit);
        long registry = send("POST", "/api/jobfairs/registry", employer, obj("orgId", demoOrg("海沧区总工会"), "name", "隐私测试物流公司", "creditCode",
                "91350205000009999" + org.unionhub.api.validation.CreditCode.checkCharacter("91350205000009999"),
                "industry", "freight", "size", "LARGE", "contactName", "人事部", "contactPhone", "0592-6000009"), null)
                .expect(201).id();
        post("/api/jobfairs/registry/" + registry + "/approve", "officer", obj()).expect(200);
        long job = send("POST", "/api/jobfairs/board/positions", employer, obj("title", "配送站长", "headcount", 1, "salaryMin",
                6000, "salaryMax", 8000, "education", "SENIOR_HIGH", "experienceYears", 1, "location", "厦门海沧", "expiresOn",
                today.plusDays(30).toString()), null).expect(201).id();
        long jobApplication = post("/api/jobfairs/board/positions/" + job + "/applications", "member", obj("applicant",
                obj("name", "王磊", "phone", "13800000003"), "education", "SENIOR_HIGH", "experienceYears", 3, "skills", "电焊",
                "consent", obj("noticeVersion", "2026-11-1", "channel", "H5"))).expect(201).id();
        long course = post("/api/jobfairs/programmes", "officer", obj("kind", "TRAINING", "name", "隐私测试叉车培训", "places", 5,
                "applyFrom", today.minusDays(1).toString(), "applyTo", today.plusDays(30).toString())).expect(201).id();
        long programmeApplication = post("/api/jobfairs/programmes/" + course + "/applications", "member", obj("applicant",
                obj("name", "王磊", "phone", "13800000003"), "workplace", "海沧配送站", "consent",
                obj("noticeVersion", "2026-11-1", "channel", "H5"))).expect(201).id();
        records = new Records(coupon, fair, application, claim, attachment, jobApplication, programmeApplication);
        return records;
    }

    // ---- totals before and after

    /** Every figure of every organisation this year, by organisation, module and figure. */
    private Map<String, BigDecimal> figures() throws Exception {
        Map<String, BigDecimal> out = new TreeMap<>();
        JsonNode report = get("/api/figures?period=" + today.getYear(), "admin").expect(200).json();
        for (JsonNode r : report.path("rows")) {
            out.put(r.path("orgId").asText() + "/" + r.path("module").asText() + "/" + r.path("figure").asText(),
                    r.path("total").decimalValue().stripTrailingZeros());
        }
        assertTrue(out.keySet().toString(), out.keySet().stream().anyMatch(k -> k.contains("/mutualaid/"))
                && out.keySet().stream().anyMatch(k -> k.contains("/fairs/"))
                && out.keySet().stream().anyMatch(k -> k.contains("/recuperation/")));
        return out;
    }

    /** Each mutual-aid plan's fund: contributions, allocations, payouts and balance. */
    private Map<String, BigDecimal> funds() throws Exception {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (JsonNode p : get(MA + "/plans", "admin").expect(200).json()) {
            JsonNode fund = get(MA + "/plans/" + p.path("id").asLong() + "/fund", "admin").expect(200).json();
            for (String k : List.of("contributions", "allocations", "payouts", "balance", "contributionCount", "payoutCount")) {
                out.put(p.path("id").asText() + "/" + k, fund.path(k).decimalValue().stripTrailingZeros());
            }
        }
        return out;
    }

    // ---- helpers

    private static boolean has(JsonNode rows, String field, String value) {
        for (JsonNode r : rows) {
            if (value.equals(r.path(field).asText())) {
                return true;
            }
        }
        return false;
    }

    private byte[] bytes(String path, String user, String password) throws Exception {
        HttpResponse<byte[]> r = raw("GET", path, null, null, user, password);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/zip"));
        return r.body();
    }

    private HttpResponse<byte[]> raw(String method, String path, byte[] body, String type, String user, String password)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)));
        if (type != null) {
            b.header("Content-Type", type);
        }
        return HttpClient.newHttpClient().send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> out = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }
}
