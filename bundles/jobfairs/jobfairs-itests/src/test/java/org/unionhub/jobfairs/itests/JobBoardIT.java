package org.unionhub.jobfairs.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.unionhub.api.validation.CreditCode;
import org.unionhub.api.validation.IdCardNumber;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The job fairs module's year-round side, with no other service module installed: employers register themselves in
 * the registry, are returned or approved by their union and post on the board all year; members, non-members and
 * flexible workers apply (their ID numbers masked, an admin's read audited); study-subsidy places are never
 * approved or paid beyond the programme's places, however many officers press at once.
 */
public class JobBoardIT extends HubTestSupport {

    private static final AtomicInteger CODES = new AtomicInteger(7000);
    private static final AtomicInteger IDS = new AtomicInteger(100);
    private static final String NOTICE = "2026-11-1";

    @Override
    protected String[] features() {
        return new String[] {"unionhub-core", "unionhub-jobfairs"};
    }

    @Override
    protected String[] expectedModules() {
        return new String[] {"jobfairs"};
    }

    @Override
    protected Option[] extraOptions() {
        return new Option[] {CoreOptions.systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT")
                .value("120000")};
    }

    @Test
    public void anEmployerRegistersIsApprovedAndPostsAllYear() throws Exception {
        long haicang = org("海沧区总工会");
        Who unit = account("unit-a", "employer", null, null);
        String code = creditCode();

        assertProblem(send("POST", "/api/jobfairs/registry", null, registration(null, creditCode()), null), 422, "orgId");
        ObjectNode bad = registration(haicang, creditCode());
        String badCode = bad.path("creditCode").asText();
        bad.put("creditCode", badCode.substring(0, 17) + (badCode.charAt(17) == '0' ? '1' : '0'));
        assertProblem(send("POST", "/api/jobfairs/registry", null, bad, null), 422, "creditCode");

        Resp registered = send("POST", "/api/jobfairs/registry", unit, registration(haicang, code), null).expect(201);
        long employer = registered.id();
        assertTrue(registered.header("Location").endsWith("/api/jobfairs/registry/" + employer));
        assertEquals("PENDING", registered.json().path("status").asText());
        assertEquals("unit-a", registered.json().path("accountUsername").asText());
        assertProblem(send("POST", "/api/jobfairs/registry", null, registration(haicang, code), null), 409, "creditCode");
        assertProblem(send("POST", "/api/jobfairs/board/positions", unit, job("港口装卸工", 120), null), 409, "employerId");

        // the union reviews: another district's officer may not, a return needs its reason
        assertProblem(post("/api/jobfairs/registry/" + employer + "/approve", "siming", obj()), 403, null);
        assertProblem(post("/api/jobfairs/registry/" + employer + "/return", "officer", obj()), 422, "note");
        JsonNode returned = post("/api/jobfairs/registry/" + employer + "/return", "officer", obj("note", "营业执照照片不清晰"))
                .expect(200).json();
        assertEquals("RETURNED", returned.path("status").asText());
        assertProblem(get("/api/jobfairs/registry/" + employer, null), 404, null);
        assertEquals("营业执照照片不清晰", send("GET", "/api/jobfairs/registry/" + employer, unit, null, null).expect(200).json()
                .path("reviewNote").asText());
        assertProblem(post("/api/jobfairs/registry/" + employer + "/approve", "officer", obj()), 409, "status");
        assertEquals("PENDING", send("PUT", "/api/jobfairs/registry/" + employer, unit, registration(haicang, code), null)
                .expect(200).json().path("status").asText());
        assertEquals("APPROVED", post("/api/jobfairs/registry/" + employer + "/approve", "officer", obj("note", "资料齐全"))
                .expect(200).json().path("status").asText());
        JsonNode shown = get("/api/jobfairs/registry/" + employer, null).expect(200).json();
        assertTrue("contacts stay private: " + shown, shown.path("contactPhone").isNull());

        // a public registration without an account: the officer binds one on approval
        long second = send("POST", "/api/jobfairs/registry", null, registration(haicang, creditCode()), null).expect(201).id();
        Who unitB = account("unit-b", "employer", null, null);
        post("/api/jobfairs/registry/" + second + "/approve", "officer", obj("accountUsername", "unit-b")).expect(200);

        // posting all year: outside any fair, with an expiry within the region's limit
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertProblem(send("POST", "/api/jobfairs/board/positions", unit, job("x", 400), null), 422, "expiresOn");
        assertProblem(send("POST", "/api/jobfairs/board/positions", unit, job("x", -2), null), 422, "expiresOn");
        Resp posted = send("POST", "/api/jobfairs/board/positions", unit, job("港口装卸工", 120), null).expect(201);
        long dock = posted.id();
        assertTrue(posted.header("Location").endsWith("/api/jobfairs/board/positions/" + dock));
        assertEquals(today.plusDays(120).toString(), posted.json().path("expiresOn").asText());
        send("POST", "/api/jobfairs/board/positions", unit, job("龙门吊司机", 30), null).expect(201);
        send("POST", "/api/jobfairs/board/positions", unitB, job("仓储管理员", 60), null).expect(201);
        ObjectNode other = job("冒名岗位", 30);
        other.put("employerId", employer);
        assertProblem(send("POST", "/api/jobfairs/board/positions", unitB, other, null), 403, null);

        // the board on the list contract: search, sort, keyset pages (other tests post too: filter by employer)
        String mine = "/api/jobfairs/board/positions?employerId=" + employer;
        assertEquals(2, get(mine, null).expect(200).json().path("total").asInt());
        assertEquals(1, get("/api/jobfairs/board/positions?employerId=" + second, null).json().path("total").asInt());
        assertEquals(1, get("/api/jobfairs/board/positions?q=" + enc("龙门吊"), null).json().path("total").asInt());
        JsonNode first = get(mine + "&sort=expiresOn&limit=1", null).expect(200).json();
        assertEquals("龙门吊司机", first.path("items").get(0).path("title").asText());
        String cursor = first.path("nextCursor").asText();
        JsonNode next = get(mine + "&sort=expiresOn&limit=1&cursor=" + cursor, null).expect(200).json();
        assertEquals(1, next.path("items").size());
        assertEquals("港口装卸工", next.path("items").get(0).path("title").asText());
        assertTrue(next.path("nextCursor").isNull());
        assertProblem(get("/api/jobfairs/board/positions?sort=salary", null), 400, "sort");
        assertProblem(get("/api/jobfairs/board/positions?size=2", null), 400, "size");

        // closed positions leave the board
        ObjectNode closed = job("港口装卸工", 120);
        closed.put("status", "CLOSED");
        send("PUT", "/api/jobfairs/board/positions/" + dock, unit, closed, null).expect(200);
        assertEquals(1, get(mine, null).json().path("total").asInt());
        assertEquals(1, send("GET", "/api/jobfairs/registry/mine", unit, null, null).expect(200).json().size());
    }

    @Test
    public void nonMembersAndFlexibleWorkersApplyAndTheirIdNumbersStayMasked() throws Exception {
        long haicang = org("海沧区总工会");
        Who unit = account("unit-c", "employer", null, null);
        long employer = send("POST", "/api/jobfairs/registry", unit, registration(haicang, creditCode()), null).expect(201).id();
        post("/api/jobfairs/registry/" + employer + "/approve", "officer", obj()).expect(200);
        long job = send("POST", "/api/jobfairs/board/positions", unit, job("外卖站点站长", 90), null).expect(201).id();
        String apply = "/api/jobfairs/board/positions/" + job + "/applications";

        String id = idNumber();
        Resp flexible = send("POST", apply, null, application("FLEXIBLE", "赵敏", "13900000001", id), null).expect(201);
        JsonNode a = flexible.json();
        assertEquals("FLEXIBLE", a.path("applicantKind").asText());
        assertTrue(a.path("memberId").isNull());
        assertEquals(IdCardNumber.mask(id), a.path("idNumber").asText());
        assertFalse(flexible.raw().contains(id));
        assertProblem(send("POST", apply, null, application("NON_MEMBER", "赵敏", "13900000001", id), null), 409, "jobId");
        String wrong = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
        assertProblem(send("POST", apply, null, application("NON_MEMBER", "钱多", "13900000002", wrong), null), 422,
                "applicant.idNumber");
        assertProblem(send("POST", apply, null, application("NON_MEMBER", "钱多", "12345", idNumber()), null), 422,
                "applicant.phone");
        assertProblem(send("POST", apply, null, application("MEMBER", "钱多", "13900000002", idNumber()), null), 422,
                "applicant.kind");
        send("POST", apply, null, application("NON_MEMBER", "孙丽", "13900000003", idNumber()), null).expect(201);
        JsonNode member = post(apply, "member", application(null, "王磊", "13800000003", null)).expect(201).json();
        assertEquals("MEMBER", member.path("applicantKind").asText());
        assertFalse(member.path("memberId").isNull());

        // who sees what: the employer and the union's officers all three, masked; another district none
        JsonNode listed = send("GET", "/api/jobfairs/board/applications?jobId=" + job, unit, null, null).expect(200).json();
        assertEquals(3, listed.path("total").asInt());
        for (JsonNode item : listed.path("items")) {
            String shown = item.path("idNumber").asText(null);
            assertTrue(shown == null || shown.startsWith("**************"));
        }
        assertEquals(3, get("/api/jobfairs/board/applications?jobId=" + job, "officer").json().path("total").asInt());
        assertEquals(0, get("/api/jobfairs/board/applications?jobId=" + job, "siming").json().path("total").asInt());
        assertEquals(1, get("/api/jobfairs/board/applications?jobId=" + job, "member").json().path("total").asInt());
        assertProblem(get("/api/jobfairs/board/applications/" + a.path("id").asLong(), "member"), 404, null);

        // an admin's read shows the whole number, and the read is audited
        assertEquals(id, get("/api/jobfairs/board/applications/" + a.path("id").asLong(), "admin").expect(200).json()
                .path("idNumber").asText());
        JsonNode audit = get("/api/audit?action=jobfairs.job.application.reveal&entityId=" + a.path("id").asLong(), "admin")
                .expect(200).json();
        assertEquals(1, audit.path("items").size());

        String status = "/api/jobfairs/board/applications/" + a.path("id").asLong() + "/status";
        assertEquals("VIEWED", send("PUT", status, unit, obj("status", "VIEWED"), null).expect(200).json().path("status").asText());
        assertProblem(put(status, "siming", obj("status", "INTERVIEW")), 404, null);
    }

    @Test
    public void everyApplicationCarriesItsApplicantsConsentAndListsOfOthersAreAudited() throws Exception {
        long haicang = org("海沧区总工会");
        Who unit = account("unit-consent", "employer", null, null);
        long employer = send("POST", "/api/jobfairs/registry", unit, registration(haicang, creditCode()), null).expect(201).id();
        post("/api/jobfairs/registry/" + employer + "/approve", "officer", obj()).expect(200);
        long job = send("POST", "/api/jobfairs/board/positions", unit, job("同意测试岗位", 60), null).expect(201).id();
        String apply = "/api/jobfairs/board/positions/" + job + "/applications";
        assertEquals("jobfairs", get("/api/notices/jobboard", null).expect(200).json().path("module").asText());
        assertEquals(List.of("ID_NUMBER"), List.of(get("/api/notices/programme", null).expect(200).json().path("sensitive")
                .get(0).asText()));

        // refused: no consent, no separate consent for the ID number, a paper form without anyone signed in, an old text
        long consentsBefore = rows("HUB_CONSENT", "PURPOSE = 'jobboard'");
        String id = idNumber();
        ObjectNode none = application("NON_MEMBER", "周同意", "13900000021", id);
        none.remove("consent");
        assertProblem(send("POST", apply, null, none, null), 422, "consent");
        ObjectNode noId = application("NON_MEMBER", "周同意", "13900000021", id);
        noId.set("consent", consent("H5", false));
        assertProblem(send("POST", apply, null, noId, null), 422, "consent.sensitive");
        ObjectNode paper = application("NON_MEMBER", "周同意", "13900000021", id);
        paper.set("consent", consent("PAPER", true));
        assertProblem(send("POST", apply, null, paper, null), 422, "consent.channel");
        ObjectNode old = application("NON_MEMBER", "周同意", "13900000021", id);
        ((ObjectNode) old.path("consent")).put("noticeVersion", "2020-01");
        assertProblem(send("POST", apply, null, old, null), 409, "noticeVersion");
        assertProblem(post(apply, "officer", application("NON_MEMBER", "周同意", "13900000021", id)), 422, "consent.channel");
        assertEquals("refused creates keep no application", 0, rows("JOBFAIRS_JOB_APPLICATION", "JOB_ID = " + job));
        assertEquals("refused creates keep no consent", consentsBefore, rows("HUB_CONSENT", "PURPOSE = 'jobboard'"));

        // the non-member's own consent on the form, under his application; an officer's entry of a paper form; a member's
        long own = send("POST", apply, null, application("NON_MEMBER", "周同意", "13900000021", id), null).expect(201).id();
        assertEquals(2, rows("HUB_CONSENT", "PURPOSE = 'jobboard' AND MEMBER_ID IS NULL AND SUBJECT_KIND = 'jobApplication' "
                + "AND SUBJECT_REF = " + own + " AND CHANNEL = 'H5' AND GIVEN_BY = 'anonymous'"));
        assertEquals(1, rows("JOBFAIRS_JOB_APPLICATION", "ID = " + own + " AND CONSENT_ID IS NOT NULL "
                + "AND ID_NUMBER_CONSENT_ID IS NOT NULL"));
        ObjectNode entered = application("FLEXIBLE", "吴纸质", "13900000022", idNumber());
        entered.set("consent", consent("PAPER", true));
        long onPaper = post(apply, "officer", entered).expect(201).id();
        assertEquals(2, rows("HUB_CONSENT", "SUBJECT_KIND = 'jobApplication' AND SUBJECT_REF = " + onPaper
                + " AND CHANNEL = 'PAPER' AND GIVEN_BY = 'officer'"));
        long mine = post(apply, "member", application(null, "王磊", "13800000003", null)).expect(201).id();
        assertEquals(1, rows("JOBFAIRS_JOB_APPLICATION", "ID = " + mine + " AND CONSENT_ID IS NOT NULL "
                + "AND ID_NUMBER_CONSENT_ID IS NULL"));
        boolean listed = false;
        for (JsonNode c : get("/api/me/consents", "member").expect(200).json()) {
            listed |= "jobboard".equals(c.path("purpose").asText()) && "GENERAL".equals(c.path("kind").asText());
        }
        assertTrue("the member's consent is among his own", listed);

        // a programme application the same way
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long programme = post("/api/jobfairs/programmes", "officer", programme("TRAINING", 5, null, today)).expect(201).id();
        String join = "/api/jobfairs/programmes/" + programme + "/applications";
        assertProblem(send("POST", join, null, obj("applicant", applicant("NON_MEMBER", "郑培训", "13900000023", idNumber())),
                null), 422, "consent");
        long trainee = send("POST", join, null, obj("applicant", applicant("NON_MEMBER", "郑培训", "13900000023", idNumber()),
                "consent", consent("CONSOLE", true)), null).expect(201).id();
        assertEquals(2, rows("HUB_CONSENT", "PURPOSE = 'programme' AND SUBJECT_KIND = 'programmeApplication' "
                + "AND SUBJECT_REF = " + trainee + " AND CHANNEL = 'CONSOLE'"));
        assertEquals(1, rows("JOBFAIRS_PROGRAMME_APPLICATION", "PROGRAMME_ID = " + programme));

        // the employer's list page is one audit row naming the applications of others it showed; the member's own is none
        send("GET", "/api/jobfairs/board/applications?jobId=" + job, unit, null, null).expect(200);
        JsonNode audit = get("/api/audit?action=jobfairs.job.application.list&actor=unit-consent", "admin").expect(200).json();
        assertEquals(audit.toString(), 1, audit.path("total").asLong());
        String shown = JSON.readTree(audit.path("items").get(0).path("changes").asText()).path("ids").toString();
        for (long a : List.of(own, onPaper, mine)) {
            assertTrue(shown, shown.contains(Long.toString(a)));
        }
        long before = get("/api/audit?action=jobfairs.job.application.list&actor=member", "admin").json().path("total").asLong();
        get("/api/jobfairs/board/applications?jobId=" + job, "member").expect(200);
        assertEquals(before, get("/api/audit?action=jobfairs.job.application.list&actor=member", "admin").json()
                .path("total").asLong());
    }

    @Test
    public void studySubsidyPlacesAreNeverApprovedOrPaidBeyondTheProgramme() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        ObjectNode noAmount = programme("STUDY_SUBSIDY", 3, null, today);
        assertProblem(post("/api/jobfairs/programmes", "officer", noAmount), 422, "amount");
        assertProblem(post("/api/jobfairs/programmes", "officer", programme("TRAINING", 3, "100", today)), 422, "amount");
        assertProblem(post("/api/jobfairs/programmes", "member", programme("TRAINING", 3, null, today)), 403, null);
        Resp created = post("/api/jobfairs/programmes", "officer", programme("STUDY_SUBSIDY", 3, "1500", today)).expect(201);
        long subsidy = created.id();
        assertTrue(created.raw(), created.raw().contains("\"amount\":1500.00"));

        List<Long> applications = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            applications.add(send("POST", "/api/jobfairs/programmes/" + subsidy + "/applications", null,
                    obj("applicant", applicant("NON_MEMBER", "职工" + i, "1390000010" + i, idNumber()), "workplace", "海沧港",
                            "consent", consent("H5", true)),
                    null).expect(201).id());
        }
        assertProblem(post("/api/jobfairs/programmes/applications/" + applications.get(0) + "/approve", "siming", obj()),
                403, null);

        // eight approvals at once for three places: exactly three
        List<Resp> approvals = all(applications, app -> post("/api/jobfairs/programmes/applications/" + app + "/approve",
                "officer", obj()));
        List<Long> approved = new ArrayList<>();
        for (int i = 0; i < approvals.size(); i++) {
            Resp r = approvals.get(i);
            if (r.status() == 200) {
                approved.add(applications.get(i));
            } else {
                assertProblem(r, 409, "places");
            }
        }
        assertEquals(3, approved.size());
        assertEquals(3, get("/api/jobfairs/programmes/" + subsidy, null).json().path("placesTaken").asInt());

        // each approved place paid once, however often it is pressed
        List<Long> twice = new ArrayList<>(approved);
        twice.addAll(approved);
        List<Resp> payments = all(twice, app -> post("/api/jobfairs/programmes/applications/" + app + "/pay", "officer", obj()));
        int paid = 0;
        for (Resp r : payments) {
            if (r.status() == 200) {
                paid++;
                assertTrue(r.raw(), r.raw().contains("\"amountPaid\":1500.00"));
            } else {
                assertProblem(r, 409, "status");
            }
        }
        assertEquals(3, paid);
        Resp after = get("/api/jobfairs/programmes/" + subsidy, null);
        assertEquals(3, after.json().path("paidCount").asInt());
        assertTrue(after.raw(), after.raw().contains("\"paidTotal\":4500.00"));
        Set<Long> leftOver = new HashSet<>(applications);
        leftOver.removeAll(approved);
        long rest = leftOver.iterator().next();
        assertProblem(post("/api/jobfairs/programmes/applications/" + rest + "/pay", "officer", obj()), 409, "status");
        assertProblem(post("/api/jobfairs/programmes/applications/" + rest + "/return", "officer", obj()), 422, "note");
        assertEquals("RETURNED", post("/api/jobfairs/programmes/applications/" + rest + "/return", "officer",
                obj("note", "名额已满")).expect(200).json().path("status").asText());
        assertEquals(3, get("/api/jobfairs/programmes/" + subsidy + "/applications?status=PAID", "officer").json()
                .path("total").asInt());

        // training: places, no money
        long training = post("/api/jobfairs/programmes", "officer", programme("TRAINING", 2, null, today)).expect(201).id();
        long trainee = post("/api/jobfairs/programmes/" + training + "/applications", "porter",
                obj("applicant", applicant(null, "陈建国", "13800000001", null), "consent", consent("H5", false))).expect(201).id();
        post("/api/jobfairs/programmes/applications/" + trainee + "/approve", "officer", obj()).expect(200);
        assertProblem(post("/api/jobfairs/programmes/applications/" + trainee + "/pay", "officer", obj()), 409, "kind");
        assertNotEquals(0, get("/api/jobfairs/programmes?kind=TRAINING", null).json().path("total").asInt());
    }

    // ---- helpers

    private interface Call {
        Resp call(long id) throws Exception;
    }

    /** Sends one request per id, all released at once, and answers the responses in the ids' order. */
    private static List<Resp> all(List<Long> ids, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(ids.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Resp>> futures = new ArrayList<>();
            for (long id : ids) {
                Callable<Resp> task = () -> {
                    start.await();
                    return call.call(id);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Resp> out = new ArrayList<>();
            for (Future<Resp> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private long org(String prefix) throws Exception {
        for (JsonNode o : get("/api/orgs?limit=100", "admin").expect(200).json().path("items")) {
            if (o.path("name").asText().startsWith(prefix)) {
                return o.path("id").asLong();
            }
        }
        throw new AssertionError("no organisation " + prefix);
    }

    private static String creditCode() {
        String first17 = String.format("91350205%09d", CODES.incrementAndGet());
        return first17 + CreditCode.checkCharacter(first17);
    }

    private static String idNumber() {
        String first17 = String.format("35020519900101%03d", IDS.incrementAndGet());
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    private static ObjectNode registration(Long orgId, String code) {
        ObjectNode n = obj("name", "厦门港务单位" + code.substring(12, 16), "creditCode", code, "industry", "freight",
                "size", "LARGE", "contactName", "人事部", "contactPhone", "0592-6000001");
        if (orgId != null) {
            n.put("orgId", orgId);
        }
        return n;
    }

    private static ObjectNode job(String title, int days) {
        return obj("title", title, "headcount", 2, "salaryMin", 6000, "salaryMax", 9000, "education", "JUNIOR_MIDDLE",
                "experienceYears", 0, "location", "厦门海沧", "expiresOn",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(days).toString());
    }

    private static ObjectNode applicant(String kind, String name, String phone, String idNumber) {
        ObjectNode n = obj("name", name, "phone", phone);
        if (kind != null) {
            n.put("kind", kind);
        }
        if (idNumber != null) {
            n.put("idNumber", idNumber);
        }
        return n;
    }

    private static ObjectNode application(String kind, String name, String phone, String idNumber) {
        return obj("applicant", applicant(kind, name, phone, idNumber), "education", "SENIOR_HIGH", "experienceYears", 2,
                "skills", "电动车驾驶", "consent", consent("H5", idNumber != null));
    }

    /** The applicant's consent to the notice as his form sends it: with the separate one when he gives his ID number. */
    private static ObjectNode consent(String channel, boolean idNumber) {
        return obj("noticeVersion", NOTICE, "channel", channel, "sensitive", idNumber ? List.of("ID_NUMBER") : List.of());
    }

    /** Rows of a table read straight from the hub's database: what was really kept, not what the API shows. */
    private long rows(String table, String where) throws Exception {
        var ref = bundleContext.getServiceReferences(javax.sql.DataSource.class, "(dataSourceName=unionhub)").iterator().next();
        try (var c = bundleContext.getService(ref).getConnection(); var st = c.createStatement();
                var rs = st.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        } finally {
            bundleContext.ungetService(ref);
        }
    }

    private static ObjectNode programme(String kind, int places, String amount, LocalDate today) {
        ObjectNode n = obj("kind", kind, "name", "学历提升补助" + places, "places", places, "applyFrom", today.minusDays(1)
                .toString(), "applyTo", today.plusDays(30).toString());
        if (amount != null) {
            n.put("amount", new java.math.BigDecimal(amount));
        }
        return n;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
