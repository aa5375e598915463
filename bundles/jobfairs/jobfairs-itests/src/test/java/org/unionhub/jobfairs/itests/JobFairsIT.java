package org.unionhub.jobfairs.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
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
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The job fairs module in a hub where no other service module is installed: from an employer's
 * registration and booth to a hire, with the access rules, the booth limit under concurrency, the
 * refusals of bad input, livestream figures and the fair's statistics.
 */
public class JobFairsIT extends HubTestSupport {

    private static final AtomicInteger CODES = new AtomicInteger(1000);
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};

    private final HttpClient raw = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected String[] features() {
        return new String[] {"unionhub-core", "unionhub-jobfairs"};
    }

    @Override
    protected String[] expectedModules() {
        return new String[] {"jobfairs"};
    }

    /**
     * Pax Exam gives its probe 10 s to find the JUnit invoker; on a loaded CI machine (several builds on
     * two cores) that is not always enough, and every test then fails without having run.
     */
    @Override
    protected Option[] extraOptions() {
        return new Option[] {CoreOptions.systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT")
                .value("120000")};
    }

    @Test
    public void anApprovedEmployerHiresThroughTheWholeWorkflow() throws Exception {
        java.util.Queue<String> events = listen("org/unionhub/jobfairs/*");
        Who empA = account("emp-a", "employer", null, null);
        Who empB = account("emp-b", "employer", null, null);
        Resp created = post("/api/jobfairs", "officer", hybridFair("海沧春风行动招聘会", 10)).expect(201);
        long fair = created.id();
        assertTrue(created.header("Location").endsWith("/api/jobfairs/" + fair));
        assertEquals("HYBRID", created.json().path("mode").asText());
        assertTrue(created.json().path("startsAt").asText().endsWith("+08:00"));

        JsonNode regA = send("POST", "/api/jobfairs/" + fair + "/employers", empA, employer("海沧船舶重工", "shipbuilding", null),
                null).expect(201).json();
        long employerA = regA.path("id").asLong();
        assertEquals("PENDING", regA.path("status").asText());
        assertEquals("emp-a", regA.path("accountUsername").asText());
        assertEquals(1, regA.path("boothNumber").asInt());
        assertProblem(send("POST", "/api/jobfairs/" + fair + "/positions", empA, position(null, "电焊工", 2, "8000", "12000"),
                null), 409, "employerId");
        assertProblem(send("POST", "/api/jobfairs/employers/" + employerA + "/approve", empA, obj(), null), 403, null);
        assertEquals("APPROVED", post("/api/jobfairs/employers/" + employerA + "/approve", "officer", obj("note", "资料齐全"))
                .expect(200).json().path("status").asText());
        long employerB = send("POST", "/api/jobfairs/" + fair + "/employers", empB, employer("海沧半导体", "semiconductors", null),
                null).expect(201).id();
        post("/api/jobfairs/employers/" + employerB + "/approve", "officer", obj()).expect(200);
        assertProblem(post("/api/jobfairs/employers/" + employerB + "/approve", "officer", obj()), 409, "status");

        Resp p1 = send("POST", "/api/jobfairs/" + fair + "/positions", empA, position(null, "船体电焊工", 2, "9000", "14000"), null)
                .expect(201);
        long welder = p1.id();
        assertTrue(p1.header("Location").endsWith("/api/jobfairs/positions/" + welder));
        assertEquals("shipbuilding", p1.json().path("industry").asText());
        assertTrue(p1.raw(), p1.raw().contains("\"salaryMin\":9000.00"));
        send("POST", "/api/jobfairs/" + fair + "/positions", empA, position(employerA, "船舶涂装工", 5, "6000", "8000"), null)
                .expect(201);
        send("POST", "/api/jobfairs/" + fair + "/positions", empB, position(null, "晶圆设备技术员", 3, "7000", "11000"), null)
                .expect(201);
        assertProblem(send("POST", "/api/jobfairs/" + fair + "/positions", empB, position(employerA, "冒名岗位", 1, "1", "2"),
                null), 403, null);

        // public search: keyword, industry, salary floor, location, sort and paging
        String base = "/api/jobfairs/" + fair + "/positions";
        assertEquals(1, get(base + "?q=" + enc("电焊"), null).expect(200).json().path("total").asInt());
        assertEquals(2, get(base + "?industry=shipbuilding", null).json().path("total").asInt());
        assertEquals(2, get(base + "?salaryFloor=10000", null).json().path("total").asInt());
        assertEquals(3, get(base + "?location=" + enc("海沧"), null).json().path("total").asInt());
        JsonNode sorted = get(base + "?sort=-salaryMax&limit=2", null).expect(200).json();
        assertEquals(3, sorted.path("total").asInt());
        assertEquals(2, sorted.path("items").size());
        assertEquals("船体电焊工", sorted.path("items").get(0).path("title").asText());
        assertEquals("船舶涂装工", get(base + "?sort=salaryMin&limit=1", null).json().path("items").get(0).path("title").asText());
        assertProblem(get(base + "?sort=password", null), 400, "sort");

        // members apply, once per position, with their consent to the CV notice (kept with the application)
        ObjectNode unconsented = application("王磊");
        unconsented.remove("consent");
        assertProblem(post("/api/jobfairs/positions/" + welder + "/applications", "member", unconsented), 422, "consent");
        ObjectNode oldNotice = application("王磊");
        ((ObjectNode) oldNotice.path("consent")).put("noticeVersion", "2020-01");
        assertProblem(post("/api/jobfairs/positions/" + welder + "/applications", "member", oldNotice), 409, "noticeVersion");
        Resp applied = post("/api/jobfairs/positions/" + welder + "/applications", "member", application("王磊")).expect(201);
        long app = applied.id();
        assertTrue(applied.header("Location").endsWith("/api/jobfairs/applications/" + app));
        assertEquals("SUBMITTED", applied.json().path("status").asText());
        long other = post("/api/jobfairs/positions/" + welder + "/applications", "porter", application("陈建国")).expect(201).id();
        assertProblem(post("/api/jobfairs/positions/" + welder + "/applications", "member", application("王磊")), 409, "positionId");
        assertProblem(post("/api/jobfairs/positions/" + welder + "/applications", "officer", application("x")), 403, null);

        // the CV attachment, stored in the database and read back by the employer
        JsonNode attached = sendBytes("PUT", "/api/jobfairs/applications/" + app + "/attachment", Who.of("member"), PDF,
                "application/pdf").expect(200).json();
        assertEquals("application/pdf", attached.path("attachment").path("contentType").asText());
        assertEquals(PDF.length, attached.path("attachment").path("size").asInt());
        HttpResponse<byte[]> pdf = getBytes("/api/jobfairs/applications/" + app + "/attachment", empA);
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertArrayEquals(PDF, pdf.body());
        assertEquals(404, getBytes("/api/jobfairs/applications/" + app + "/attachment", empB).statusCode());

        // who sees what
        assertEquals(2, send("GET", "/api/jobfairs/applications?fairId=" + fair, empA, null, null).expect(200).json()
                .path("total").asInt());
        assertEquals(0, send("GET", "/api/jobfairs/applications?fairId=" + fair, empB, null, null).expect(200).json()
                .path("total").asInt());
        assertProblem(send("GET", "/api/jobfairs/applications/" + app, empB, null, null), 404, null);
        // the employer's read of the CV and of its file are audited as whose application was read
        send("GET", "/api/jobfairs/applications/" + app, empA, null, null).expect(200);
        JsonNode reads = get("/api/audit?action=jobfairs.application.read&actor=emp-a&entityId=" + app, "admin").expect(200)
                .json();
        assertEquals(reads.toString(), 2, reads.path("total").asLong());
        assertTrue(reads.toString(), reads.toString().contains("memberId") && !reads.toString().contains("13800000003"));
        long ownReads = get("/api/audit?action=jobfairs.application.read&actor=member", "admin").expect(200).json()
                .path("total").asLong();
        assertProblem(send("PUT", "/api/jobfairs/applications/" + app + "/status", empB, obj("status", "VIEWED"), null), 404, null);
        JsonNode mine = get("/api/jobfairs/applications?fairId=" + fair, "member").expect(200).json();
        assertEquals(1, mine.path("total").asInt());
        assertEquals(app, mine.path("items").get(0).path("id").asLong());
        assertProblem(get("/api/jobfairs/applications/" + other, "member"), 404, null);
        get("/api/jobfairs/applications/" + app, "member").expect(200);
        assertEquals("the applicant's own reads are not audited", ownReads,
                get("/api/audit?action=jobfairs.application.read&actor=member", "admin").json().path("total").asLong());
        assertEquals(2, get("/api/jobfairs/applications?fairId=" + fair, "officer").json().path("total").asInt());
        assertEquals(0, get("/api/jobfairs/applications?fairId=" + fair, "siming").json().path("total").asInt());

        // the workflow, one step at a time
        String status = "/api/jobfairs/applications/" + app + "/status";
        assertProblem(send("PUT", status, empA, obj("status", "HIRED"), null), 409, "status");
        assertProblem(put(status, "member", obj("status", "VIEWED")), 403, null);
        assertProblem(send("PUT", status, empA, obj("status", "PROMOTED"), null), 400, "status");
        for (String next : List.of("VIEWED", "INTERVIEW", "OFFERED")) {
            assertEquals(next, send("PUT", status, empA, obj("status", next), null).expect(200).json().path("status").asText());
        }
        JsonNode hired = send("PUT", status, empA, obj("status", "HIRED", "note", "欢迎加入"), null).expect(200).json();
        assertEquals("HIRED", hired.path("status").asText());
        assertFalse(hired.path("hiredAt").isNull());
        assertProblem(send("PUT", status, empA, obj("status", "REJECTED"), null), 409, "status");
        assertEquals("HIRED", get("/api/jobfairs/applications/" + app, "member").expect(200).json().path("status").asText());
        assertEquals(1, get("/api/jobfairs/positions/" + welder, null).json().path("hired").asInt());
        assertEquals("WITHDRAWN", put("/api/jobfairs/applications/" + other + "/status", "porter", obj("status", "WITHDRAWN"))
                .expect(200).json().path("status").asText());
        assertProblem(put("/api/jobfairs/applications/" + other + "/status", "porter", obj("status", "WITHDRAWN")), 409, "status");

        for (int i = 0; i < 50 && !events.contains("org/unionhub/jobfairs/APPLICATION_HIRED " + app); i++) {
            Thread.sleep(100);
        }
        assertTrue(events.toString(), events.contains("org/unionhub/jobfairs/APPLICATION_SUBMITTED " + app));
        assertTrue(events.toString(), events.contains("org/unionhub/jobfairs/APPLICATION_HIRED " + app));
        assertTrue(events.toString(), events.contains("org/unionhub/jobfairs/EMPLOYER_APPROVED -"));

        JsonNode audit = get("/api/audit?entity=application&entityId=" + app, "admin").expect(200).json();
        assertEquals("submit, attach, four steps and the employer's two reads are audited", 8, audit.path("total").asInt());

        JsonNode stats = get("/api/jobfairs/" + fair + "/stats", null).expect(200).json();
        assertEquals(2, stats.path("employers").asInt());
        assertEquals(3, stats.path("positions").asInt());
        assertEquals(10, stats.path("headcount").asInt());
        assertEquals(2, stats.path("applications").asInt());
        assertEquals(1, stats.path("interviews").asInt());
        assertEquals(1, stats.path("offers").asInt());
        assertEquals(1, stats.path("hires").asInt());
        assertEquals(2, stats.path("boothsTaken").asInt());
        JsonNode ship = industry(stats, "shipbuilding");
        assertEquals(1, ship.path("employers").asInt());
        assertEquals(2, ship.path("positions").asInt());
        assertEquals(7, ship.path("headcount").asInt());
        assertEquals(1, ship.path("hires").asInt());
        assertEquals(0, industry(stats, "semiconductors").path("applications").asInt());

        JsonNode own = send("GET", "/api/jobfairs/employers/mine", empA, null, null).expect(200).json();
        assertEquals(employerA, own.get(0).path("id").asLong());
        JsonNode publicView = get("/api/jobfairs/employers/" + employerA, null).expect(200).json();
        assertTrue("contacts are not public", publicView.path("contactPhone").isNull());
    }

    @Test
    public void concurrentBoothRegistrationsNeverExceedTheCapacity() throws Exception {
        long fair = post("/api/jobfairs", "officer", obj("name", "宝安线下招聘会", "mode", "ONSITE", "venue", "宝安体育馆",
                "startsAt", days(10), "endsAt", days(10, 6), "boothCapacity", 5)).expect(201).id();
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Resp>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            ObjectNode body = employer("宝安企业" + i, "metalwork", null);
            Callable<Resp> register = () -> {
                start.await();
                return post("/api/jobfairs/" + fair + "/employers", "officer", body);
            };
            answers.add(pool.submit(register));
        }
        start.countDown();
        int ok = 0;
        int full = 0;
        Set<Integer> booths = new HashSet<>();
        for (Future<Resp> f : answers) {
            Resp r = f.get();
            if (r.status() == 201) {
                ok++;
                booths.add(r.json().path("boothNumber").asInt());
            } else {
                assertProblem(r, 409, "onsiteBooth");
                full++;
            }
        }
        pool.shutdown();
        assertEquals(5, ok);
        assertEquals(15, full);
        assertEquals(Set.of(1, 2, 3, 4, 5), booths);
        assertEquals(5, get("/api/jobfairs/" + fair, null).json().path("boothsTaken").asInt());
        JsonNode listed = get("/api/jobfairs/" + fair + "/employers?status=PENDING", "officer").expect(200).json();
        assertEquals(5, listed.path("total").asInt());

        // a rejection gives the booth back, and the next registration gets it
        JsonNode first = listed.path("items").get(0);
        post("/api/jobfairs/employers/" + first.path("id").asLong() + "/reject", "officer", obj("note", "证照不全")).expect(200);
        assertEquals(4, get("/api/jobfairs/" + fair, null).json().path("boothsTaken").asInt());
        JsonNode late = post("/api/jobfairs/" + fair + "/employers", "officer", employer("宝安迟到企业", "metalwork", null))
                .expect(201).json();
        assertEquals(first.path("boothNumber").asInt(), late.path("boothNumber").asInt());
        assertProblem(put("/api/jobfairs/" + fair, "officer", obj("name", "宝安线下招聘会", "mode", "ONSITE", "venue", "宝安体育馆",
                "startsAt", days(10), "endsAt", days(10, 6), "boothCapacity", 3)), 409, "boothCapacity");
        assertProblem(post("/api/jobfairs/" + fair + "/employers", "siming", employer("思明企业", "metalwork", null)), 403, null);
    }

    @Test
    public void badInputIsRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        Who emp = account("emp-c", "employer", null, null);
        long fair = post("/api/jobfairs", "officer", hybridFair("输入检查招聘会", 5)).expect(201).id();
        long employer = post("/api/jobfairs/" + fair + "/employers", "officer", employer("检查企业", "freight", "emp-c"))
                .expect(201).id();
        post("/api/jobfairs/employers/" + employer + "/approve", "officer", obj()).expect(200);
        long position = send("POST", "/api/jobfairs/" + fair + "/positions", emp, position(null, "货车司机", 2, "7000", "9000"),
                null).expect(201).id();
        long app = post("/api/jobfairs/positions/" + position + "/applications", "member", application("王磊")).expect(201).id();
        JsonNode statsBefore = get("/api/jobfairs/" + fair + "/stats", null).json();
        long auditBefore = get("/api/audit?limit=1", "admin").json().path("total").asLong();
        String positions = "/api/jobfairs/" + fair + "/positions";

        assertProblem(send("POST", positions, emp, position(null, "货车司机", 2, "9000", "6000"), null), 422, "salaryMin");
        assertProblem(send("POST", positions, emp, position(null, "货车司机", 0, "6000", "9000"), null), 422, "headcount");
        ObjectNode badCode = employer("坏代码企业", "freight", null);
        badCode.put("creditCode", "91350100M000100Y44");
        assertProblem(post("/api/jobfairs/" + fair + "/employers", "officer", badCode), 422, "creditCode");
        assertProblem(post("/api/jobfairs/" + fair + "/employers", "officer", employer("检查企业二", "freight", null)
                .put("creditCode", codeOf(employer))), 409, "creditCode");
        assertProblem(post("/api/jobfairs", "officer", obj("name", "x", "mode", "BAZAAR", "startsAt", days(1), "endsAt", days(2))),
                400, "mode");
        assertProblem(post("/api/jobfairs", "officer", "{\"name\": \"x\", "), 400, "$");
        assertProblem(post("/api/jobfairs", "officer", obj("name", "x", "mode", "ONSITE", "startsAt", days(2), "endsAt", days(1))),
                422, "endsAt");
        assertProblem(post("/api/jobfairs/positions/" + position + "/applications", "porter",
                obj("cv", obj("name", "陈建国", "phone", "123", "education", "SENIOR_HIGH", "experienceYears", 3))), 422, "cv.phone");

        String attachment = "/api/jobfairs/applications/" + app + "/attachment";
        assertProblem(sendBytes("PUT", attachment, Who.of("member"), EXE, "application/pdf"), 422, "attachment");
        assertProblem(sendBytes("PUT", attachment, Who.of("member"), EXE, "application/x-msdownload"), 415, "attachment");
        assertProblem(sendBytes("PUT", attachment, Who.of("member"), PDF, "image/png"), 422, "attachment");
        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, huge, 0, PDF.length);
        assertProblem(sendBytes("PUT", attachment, Who.of("member"), huge, "application/pdf"), 413, "attachment");
        assertProblem(get(positions + "?limit=0", null), 400, "limit");

        assertEquals("nothing was audited", auditBefore, get("/api/audit?limit=1", "admin").json().path("total").asLong());
        assertEquals("nothing was written", statsBefore, get("/api/jobfairs/" + fair + "/stats", null).json());
        assertTrue(get("/api/jobfairs/applications/" + app, "member").json().path("attachment").isNull());
        assertEquals(404, getBytes(attachment, Who.of("member")).statusCode());
    }

    @Test
    public void livestreamSessionsCountTheirViewersAndApplications() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.MINUTES);
        long fair = post("/api/jobfairs", "officer", obj("name", "南沙直播带岗", "mode", "LIVESTREAM",
                "streamUrl", "https://live.example.org/nansha", "startsAt", now.minusHours(1).toString(), "endsAt", now.plusDays(1).toString()))
                .expect(201).id();
        JsonNode reg = post("/api/jobfairs/" + fair + "/employers", "officer", employer("南沙珠宝", "jewellery", null))
                .expect(201).json();
        assertFalse(reg.path("onsiteBooth").asBoolean());
        assertTrue(reg.path("boothNumber").isNull());
        long employer = reg.path("id").asLong();
        ObjectNode booth = employer("南沙船厂", "shipbuilding", null);
        booth.put("onsiteBooth", true);
        assertProblem(post("/api/jobfairs/" + fair + "/employers", "officer", booth), 422, "onsiteBooth");
        post("/api/jobfairs/employers/" + employer + "/approve", "officer", obj()).expect(200);
        long polisher = post("/api/jobfairs/" + fair + "/positions", "officer", position(employer, "首饰抛光工", 12, "6000", "8500"))
                .expect(201).id();

        Resp session = post("/api/jobfairs/" + fair + "/livestreams", "officer", obj("title", "看企业·选岗位·投简历",
                "host", "南沙区总工会主席", "startsAt", now.minusMinutes(30).toString(), "endsAt", now.plusHours(2).toString(),
                "positionIds", List.of(polisher))).expect(201);
        long live = session.id();
        assertEquals(polisher, session.json().path("positionIds").get(0).asLong());
        assertProblem(post("/api/jobfairs/" + fair + "/livestreams", "officer", obj("title", "x", "host", "y",
                "startsAt", now.toString(), "endsAt", now.plusHours(1).toString(), "positionIds", List.of(999999))), 422, "positionIds");

        JsonNode applied = post("/api/jobfairs/positions/" + polisher + "/applications", "member", application("王磊"))
                .expect(201).json();
        assertEquals("an application during the session counts for it", live, applied.path("livestreamId").asLong());
        assertProblem(put("/api/jobfairs/livestreams/" + live + "/viewers", "officer",
                obj("peakViewers", 30000, "totalViewers", 27000)), 422, "peakViewers");
        assertProblem(put("/api/jobfairs/livestreams/" + live + "/viewers", "siming",
                obj("peakViewers", 1, "totalViewers", 2)), 403, null);
        put("/api/jobfairs/livestreams/" + live + "/viewers", "officer", obj("peakViewers", 8500, "totalViewers", 27000))
                .expect(200);

        JsonNode sessions = get("/api/jobfairs/" + fair + "/livestreams", null).expect(200).json();
        assertEquals(1, sessions.size());
        assertEquals(1, sessions.get(0).path("applications").asInt());
        JsonNode stats = get("/api/jobfairs/" + fair + "/stats", null).expect(200).json();
        assertEquals(1, stats.path("livestreamSessions").asInt());
        assertEquals(27000, stats.path("livestreamViewers").asInt());
        assertEquals(8500, stats.path("livestreamPeakViewers").asInt());
        assertEquals(1, stats.path("livestreamApplications").asInt());
        assertEquals(12, industry(stats, "jewellery").path("headcount").asInt());
    }

    @Test
    public void theModuleRunsWithNoOtherServiceModule() throws Exception {
        JsonNode modules = get("/api/modules", null).expect(200).json();
        assertEquals(1, modules.size());
        assertEquals("jobfairs", modules.get(0).path("id").asText());
        assertEquals("/api/jobfairs", modules.get(0).path("restRoot").asText());
        assertNotNull(bundleContext.getServiceReference("org.unionhub.jobfairs.api.JobFairs"));
        JsonNode paths = get("/api/openapi.json", null).expect(200).json().path("paths");
        for (String p : List.of("/jobfairs", "/jobfairs/{id}/positions", "/jobfairs/{id}/stats",
                "/jobfairs/applications/{id}/status", "/jobfairs/applications/{id}/attachment")) {
            assertTrue("OpenAPI lacks " + p + ": " + paths.fieldNames(), hasPath(paths, p));
        }
        JsonNode demo = get("/api/jobfairs?name=" + enc("Union chairman"), null).expect(200).json();
        assertTrue("the demo seeds a livestream fair", demo.path("total").asInt() >= 1);
        long demoFair = demo.path("items").get(0).path("id").asLong();
        assertTrue(get("/api/jobfairs/" + demoFair + "/positions", null).json().path("total").asInt() >= 2);
        // other modules read fairs through the exported JobFairs service (reflection: the probe does not import it)
        Object service = bundleContext.getService(bundleContext.getServiceReference("org.unionhub.jobfairs.api.JobFairs"));
        java.util.Optional<?> found = (java.util.Optional<?>) service.getClass().getMethod("find", long.class)
                .invoke(service, demoFair);
        Object summary = found.orElseThrow();
        assertEquals("LIVESTREAM", summary.getClass().getMethod("mode").invoke(summary).toString());
        assertEquals(2L, summary.getClass().getMethod("employers").invoke(summary));
        assertEquals(java.util.Optional.empty(), service.getClass().getMethod("find", long.class).invoke(service, 424242L));
        assertProblem(get("/api/jobfairs/424242", null), 404, null);
        assertProblem(post("/api/jobfairs", "member", hybridFair("x", 1)), 403, null);
        assertProblem(post("/api/jobfairs", "officer", hybridFair("没有集市", 1).put("unionFairId", 1)), 422, "unionFairId");
    }

    @Test
    public void theAttachmentLimitComesFromTheConfiguration() throws Exception {
        long fair = post("/api/jobfairs", "officer", hybridFair("配置检查招聘会", 3)).expect(201).id();
        long employer = post("/api/jobfairs/" + fair + "/employers", "officer", employer("配置企业", "freight", null))
                .expect(201).id();
        post("/api/jobfairs/employers/" + employer + "/approve", "officer", obj()).expect(200);
        long position = post("/api/jobfairs/" + fair + "/positions", "officer", position(employer, "叉车司机", 1, "6000", "7000"))
                .expect(201).id();
        long app = post("/api/jobfairs/positions/" + position + "/applications", "porter", application("陈建国")).expect(201).id();
        byte[] cv = new byte[3000];
        System.arraycopy(PDF, 0, cv, 0, PDF.length);
        String path = "/api/jobfairs/applications/" + app + "/attachment";
        try {
            configure("org.unionhub.jobfairs", new java.util.Hashtable<>(java.util.Map.of("attachment.max.bytes", "2048")));
            Resp refused = untilStatus(413, () -> sendBytes("PUT", path, Who.of("porter"), cv, "application/pdf"));
            assertProblem(refused, 413, "attachment");
            assertTrue(refused.raw(), refused.raw().contains("2048"));
        } finally {
            configure("org.unionhub.jobfairs", null);
        }
        untilStatus(200, () -> sendBytes("PUT", path, Who.of("porter"), cv, "application/pdf"));
    }

    // ---- helpers

    /**
     * Subscribes to EventAdmin topics and collects "topic applicationId" (or "topic -"). Reflection and a
     * proxy again: the probe does not import org.osgi.service.event.
     */
    private java.util.Queue<String> listen(String topics) throws Exception {
        java.util.Queue<String> seen = new java.util.concurrent.ConcurrentLinkedQueue<>();
        Object admin = bundleContext.getService(bundleContext.getServiceReference("org.osgi.service.event.EventAdmin"));
        ClassLoader loader = admin.getClass().getClassLoader();
        Class<?> handler = loader.loadClass("org.osgi.service.event.EventHandler");
        Object proxy = java.lang.reflect.Proxy.newProxyInstance(loader, new Class<?>[] {handler}, (p, method, args) -> {
            if (method.getName().equals("handleEvent")) {
                Object event = args[0];
                Object id = event.getClass().getMethod("getProperty", String.class).invoke(event, "applicationId");
                seen.add(event.getClass().getMethod("getTopic").invoke(event) + " " + (id == null ? "-" : id));
                return null;
            }
            return method.getName().equals("hashCode") ? System.identityHashCode(p)
                    : method.getName().equals("equals") ? p == args[0] : "event collector";
        });
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        props.put("event.topics", topics);
        bundleContext.registerService(handler.getName(), proxy, props);
        return seen;
    }

    /**
     * Sets the Config Admin configuration of {@code pid}, or deletes it when {@code properties} is null,
     * by reflection on the service's interfaces: the probe does not import org.osgi.service.cm, and
     * Karaf's config commands need a role the test session lacks.
     */
    private void configure(String pid, java.util.Dictionary<String, ?> properties) throws Exception {
        Object admin = bundleContext.getService(bundleContext.getServiceReference("org.osgi.service.cm.ConfigurationAdmin"));
        ClassLoader cm = admin.getClass().getClassLoader();
        Object config = cm.loadClass("org.osgi.service.cm.ConfigurationAdmin")
                .getMethod("getConfiguration", String.class, String.class).invoke(admin, pid, "?");
        Class<?> type = cm.loadClass("org.osgi.service.cm.Configuration");
        if (properties == null) {
            type.getMethod("delete").invoke(config);
        } else {
            type.getMethod("update", java.util.Dictionary.class).invoke(config, properties);
        }
    }

    /** Configuration changes reach the service asynchronously: retry for a few seconds. */
    private static Resp untilStatus(int status, Callable<Resp> call) throws Exception {
        Resp r = call.call();
        for (int i = 0; i < 50 && r.status() != status; i++) {
            Thread.sleep(200);
            r = call.call();
        }
        assertEquals(r.raw(), status, r.status());
        return r;
    }

    private static boolean hasPath(JsonNode paths, String wanted) {
        String normal = wanted.replaceAll("\\{[^}]+}", "{}");
        for (var it = paths.fieldNames(); it.hasNext();) {
            if (it.next().replaceAll("\\{[^}]+}", "{}").equals(normal)) {
                return true;
            }
        }
        return false;
    }

    private String codeOf(long employer) throws Exception {
        return get("/api/jobfairs/employers/" + employer, "officer").json().path("creditCode").asText();
    }

    private static JsonNode industry(JsonNode stats, String name) {
        for (JsonNode i : stats.path("byIndustry")) {
            if (name.equals(i.path("industry").asText())) {
                return i;
            }
        }
        throw new AssertionError("no industry " + name + " in " + stats);
    }

    /** Nine o'clock Beijing time {@code n} days from now, plus some hours, as ISO-8601 text. */
    private static String days(int n, int plusHours) {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.DAYS).plusDays(n).withHour(9)
                .plusHours(plusHours).toString();
    }

    private static String days(int n) {
        return days(n, 0);
    }

    private static ObjectNode hybridFair(String name, int booths) {
        return obj("name", name, "mode", "HYBRID", "venue", "海沧区文化中心", "startsAt", days(7), "endsAt", days(7, 7),
                "serviceZones", List.of("职业规划", "技能提升", "劳动法律咨询", "心理疏导", "工会入会"), "boothCapacity", booths);
    }

    private static String creditCode() {
        String first17 = String.format("91350205%09d", CODES.incrementAndGet());
        return first17 + CreditCode.checkCharacter(first17);
    }

    private static ObjectNode employer(String name, String industry, String account) {
        ObjectNode n = obj("name", name + NAMES.incrementAndGet(), "creditCode", creditCode(), "industry", industry,
                "size", "MEDIUM", "contactName", "人事部", "contactPhone", "0592-6000000");
        if (account != null) {
            n.put("accountUsername", account);
        }
        return n;
    }

    private static ObjectNode position(Long employerId, String title, int headcount, String min, String max) {
        ObjectNode n = obj("title", title, "headcount", headcount, "salaryMin", new java.math.BigDecimal(min),
                "salaryMax", new java.math.BigDecimal(max), "education", "JUNIOR_MIDDLE", "experienceYears", 1,
                "location", "厦门海沧", "description", "五险一金，包食宿");
        if (employerId != null) {
            n.put("employerId", employerId);
        }
        return n;
    }

    private static ObjectNode application(String name) {
        return obj("cv", obj("name", name, "phone", "13800000003", "education", "SENIOR_HIGH", "experienceYears", 3,
                "skills", "电焊, 叉车", "expectedSalary", 9000), "consent", obj("noticeVersion", "2026-11-1", "channel", "H5"));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String basic(Who who) {
        return "Basic " + Base64.getEncoder().encodeToString((who.username() + ":" + who.password())
                .getBytes(StandardCharsets.UTF_8));
    }

    private Resp sendBytes(String method, String path, Who who, byte[] body, String contentType) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(who)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> r = raw.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Resp(r.statusCode(), r.body(), r.headers());
    }

    private HttpResponse<byte[]> getBytes(String path, Who who) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(who)).GET().build();
        return raw.send(req, HttpResponse.BodyHandlers.ofByteArray());
    }
}
