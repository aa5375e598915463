package org.unionhub.recuperation.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Recuperation over HTTP against the assembled hub: bookings with no policy, with each policy, and across a
 * swap of policies at runtime; concurrent bookings against places, quotas, beds per night and the Zhejiang
 * budget; bad input. The container boots with no policy; tests that install one remove it again.
 */
public class RecuperationIT extends HubTestSupport {

    private static final String IM = "unionhub-recuperation-innermongolia";
    private static final String ZJ = "unionhub-recuperation-zhejiang";
    private static final long HAICANG = 2;
    private static final long PORT_UNION = 4;
    private static final long NEW_FORM_UNION = 5;
    private static int memberSeq;

    @Override
    protected String[] features() {
        return new String[] {"unionhub-core", "unionhub-recuperation"};
    }

    @Override
    protected String[] expectedModules() {
        return new String[] {"recuperation"};
    }

    @Override
    protected Option[] extraOptions() {
        // a small Zhejiang budget, so that a test can exhaust it: 1500 reserved, 1500 general per year
        return new Option[] {
            editConfigurationFilePut("etc/org.unionhub.recuperation.policy.zhejiang.cfg", "annualBudget", "3000.00"),
            editConfigurationFilePut("etc/org.unionhub.recuperation.policy.zhejiang.cfg", "reservedShare", "0.5")};
    }

    @Test
    public void withNoPolicyBookingsWorkWithZeroSubsidyAndCancellingFreesThePlace() throws Exception {
        awaitPolicies();
        assertTrue("demo sanatoriums are seeded", get("/api/recuperation/sanatoriums?region="
                + java.net.URLEncoder.encode("内蒙古", java.nio.charset.StandardCharsets.UTF_8), "member").expect(200).raw()
                .contains("内蒙古工人包头疗养院"));
        long s = sanatorium("IT 无政策疗养院", true, 50);
        long p = programme(s, "2027-09-06", 3, 2, "300.00");
        JsonNode programme = get("/api/recuperation/programmes/" + p, "member").expect(200).json();
        assertEquals("a stay of 3 days from 6 September ends on the 8th", "2027-09-08", programme.path("endDate").asText());
        assertMoney("300.00", programme.path("pricePerPersonPerDay"));
        long a = member("无政策甲", PORT_UNION, "EMPLOYEE");
        long b = member("无政策乙", PORT_UNION, "EMPLOYEE");
        long c = member("无政策丙", PORT_UNION, "EMPLOYEE");

        Resp created = book("officer", p, HAICANG, List.of(a, b), Map.of()).expect(201);
        assertTrue(created.header("Location").endsWith("/api/recuperation/bookings/" + created.id()));
        JsonNode booking = created.json();
        assertMoney("0.00", booking.path("subsidyTotal"));
        assertEquals("未安装补贴政策", booking.path("subsidyReason").asText());
        assertTrue(booking.path("policyId").isNull());
        assertTrue(booking.path("policyVersion").isNull());
        assertEquals(2, booking.path("subsidyPerMember").size());
        assertMoney("0.00", booking.path("subsidyPerMember").get(0).path("amount"));

        assertProblem(book("officer", p, HAICANG, List.of(c), Map.of()), 409, "memberIds");
        post("/api/recuperation/bookings/" + created.id() + "/cancel", "officer", null).expect(200);
        assertEquals(0, get("/api/recuperation/programmes/" + p, "officer").json().path("placesTaken").asInt());
        assertProblem(post("/api/recuperation/bookings/" + created.id() + "/cancel", "officer", null), 409, null);
        book("officer", p, HAICANG, List.of(c, a), Map.of()).expect(201);

        // a member books himself; his union organises the trip
        long p2 = programme(s, "2027-09-20", 3, 5, "300.00");
        JsonNode own = post("/api/recuperation/bookings", "member", obj("programmeId", p2, "memberIds", List.of(3))).expect(201).json();
        assertEquals(NEW_FORM_UNION, own.path("organiserOrgId").asLong());
        assertEquals("NEW_FORM", own.path("subsidyPerMember").get(0).path("category").asText());
        assertEquals(1, get("/api/recuperation/bookings", "member").json().path("total").asLong());
        assertProblem(get("/api/recuperation/bookings/" + created.id(), "member"), 404, null);
    }

    @Test
    public void reservedPlacesAreHeldForTheirCategoryUntilReleased() throws Exception {
        long s = sanatorium("IT 名额疗养院", true, 50);
        long held = programme(s, "2027-10-04", 3, 2, "200.00", quota("NEW_FORM", 1, "2027-09-20"));
        long released = programme(s, "2027-10-11", 3, 1, "200.00", quota("MODEL_WORKER", 1, "2026-01-01"));
        long e1 = member("名额甲", PORT_UNION, "EMPLOYEE");
        long e2 = member("名额乙", PORT_UNION, "EMPLOYEE");
        long nf = member("名额丙", NEW_FORM_UNION, "NEW_FORM");

        book("officer", held, HAICANG, List.of(e1), Map.of()).expect(201);
        JsonNode p = get("/api/recuperation/programmes/" + held, "member").expect(200).json();
        assertEquals(0, p.path("placesLeft").asInt());
        assertEquals(1, p.path("quotas").get(0).path("places").asInt());
        assertProblem(book("officer", held, HAICANG, List.of(e2), Map.of()), 409, "memberIds");
        JsonNode viaQuota = book("officer", held, HAICANG, List.of(nf), Map.of()).expect(201).json();
        assertEquals("NEW_FORM", viaQuota.path("subsidyPerMember").get(0).path("quota").asText());

        // the model-worker quota was released: its place is open to anyone
        book("officer", released, HAICANG, List.of(e2), Map.of()).expect(201);
        // a declared category must match the member directory
        assertProblem(book("officer", released, HAICANG, List.of(e1), Map.of(e1, "PRIVATE_FRONTLINE")), 422, "categories." + e1);
    }

    @Test
    public void policiesAreRecordedAndSwapAtRuntimeWithoutRewritingOldBookings() throws Exception {
        long s = sanatorium("内蒙古工人疗养院", true, 100);
        long p = programme(s, "2027-03-01", 3, 20, "260.00");
        long m1 = member("政策甲", PORT_UNION, "EMPLOYEE");
        long m2 = member("政策乙", NEW_FORM_UNION, "NEW_FORM");
        long m3 = member("政策丙", NEW_FORM_UNION, "NEW_FORM");
        long m4 = member("政策丁", NEW_FORM_UNION, "NEW_FORM");
        try {
            install(IM);
            awaitPolicies("innermongolia-offseason");
            JsonNode im = book("officer", p, HAICANG, List.of(m1), Map.of()).expect(201).json();
            assertMoney("600.00", im.path("subsidyTotal"));
            assertEquals("innermongolia-offseason", im.path("policyId").asText());
            assertEquals("the policy bundle's version", bundleVersion("org.unionhub.recuperation.policy.innermongolia"),
                    im.path("policyVersion").asText());
            assertTrue(im.path("subsidyReason").asText(), im.path("subsidyReason").asText().contains("3 × 200.00"));
            // a grassroots union booking another union's member gets nothing, and is told why
            JsonNode other = book("officer", p, PORT_UNION, List.of(m2), Map.of()).expect(201).json();
            assertMoney("0.00", other.path("subsidyTotal"));
            assertTrue(other.path("subsidyReason").asText().contains("只补贴本单位职工"));

            install(ZJ);
            awaitPolicies("innermongolia-offseason", "zhejiang-frontline");
            Resp two = book("officer", p, HAICANG, List.of(m3), Map.of());
            assertProblem(two, 409, null);
            assertTrue(two.raw(), two.json().path("detail").asText().contains("two subsidy policies are active"));
            JsonNode health = get("/api/health", null).expect(200).json().path("modules").path("recuperation");
            assertEquals("DOWN", health.path("status").asText());

            uninstall(IM);
            awaitPolicies("zhejiang-frontline");
            assertEquals("UP", get("/api/health", null).json().path("modules").path("recuperation").path("status").asText());
            Resp zjResp = book("officer", p, HAICANG, List.of(m3), Map.of()).expect(201);
            assertTrue("money has two decimals: " + zjResp.raw(), zjResp.raw().contains("\"subsidyTotal\":780.00"));
            JsonNode zj = zjResp.json();
            assertEquals("zhejiang-frontline", zj.path("policyId").asText());
            assertMoney("780.00", zj.path("subsidyTotal"));
            assertTrue(zj.path("subsidyReason").asText().contains("免费疗休养"));

            JsonNode old = get("/api/recuperation/bookings/" + im.path("id").asLong(), "officer").expect(200).json();
            assertEquals("innermongolia-offseason", old.path("policyId").asText());
            assertMoney("600.00", old.path("subsidyTotal"));

            JsonNode figures = get("/api/recuperation/figures?year=2027", "admin").expect(200).json();
            assertTrue(figures.path("trips").asLong() >= 3);
            assertTrue(figures.path("byMonth").toString().contains("2027-03"));
        } finally {
            uninstall(IM);
            uninstall(ZJ);
            awaitPolicies();
        }
        JsonNode none = book("officer", p, HAICANG, List.of(m4), Map.of()).expect(201).json();
        assertEquals("未安装补贴政策", none.path("subsidyReason").asText());
    }

    @Test
    public void concurrentBookingsNeverExceedPlacesQuotasOrBedsPerNight() throws Exception {
        long s = sanatorium("IT 并发疗养院", true, 12);
        // A: 10–13 Jan, 10 places of which 3 held for new-form workers; B: 12–14 Jan, 10 places; beds: 12 per night
        long a = programme(s, "2028-01-10", 4, 10, "200.00", quota("NEW_FORM", 3, "2028-01-01"));
        long b = programme(s, "2028-01-12", 3, 10, "200.00");
        List<Callable<int[]>> jobs = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            long m = member("并发员工" + i, PORT_UNION, "EMPLOYEE");
            jobs.add(() -> new int[] {0, book("officer", a, HAICANG, List.of(m), Map.of()).status()});
        }
        for (int i = 0; i < 6; i++) {
            long m = member("并发骑手" + i, NEW_FORM_UNION, "NEW_FORM");
            jobs.add(() -> new int[] {1, book("officer", a, HAICANG, List.of(m), Map.of()).status()});
        }
        for (int i = 0; i < 10; i++) {
            long m = member("并发B" + i, PORT_UNION, "EMPLOYEE");
            jobs.add(() -> new int[] {2, book("officer", b, HAICANG, List.of(m), Map.of()).status()});
        }
        int[] ok = new int[3];
        for (int[] r : runAll(jobs)) {
            assertTrue("only 201 or 409, got " + r[1], r[1] == 201 || r[1] == 409);
            if (r[1] == 201) {
                ok[r[0]]++;
            }
        }
        JsonNode pa = get("/api/recuperation/programmes/" + a, "officer").json();
        JsonNode pb = get("/api/recuperation/programmes/" + b, "officer").json();
        int takenA = pa.path("placesTaken").asInt();
        int takenB = pb.path("placesTaken").asInt();
        assertEquals(ok[0] + ok[1], takenA);
        assertEquals(ok[2], takenB);
        assertTrue("places of A: " + takenA, takenA <= 10);
        assertTrue("employees took a held place: " + ok[0], ok[0] <= 7);
        assertTrue(pa.path("quotas").get(0).path("taken").asInt() <= 3);
        assertEquals("A and B share 12 beds on 12 and 13 January", 12, takenA + takenB);
    }

    @Test
    public void theZhejiangBudgetNeverGoesNegative() throws Exception {
        long s = sanatorium("IT 千岛湖疗休养基地", false, 60);
        long p = programme(s, "2029-04-02", 3, 30, "100.00");
        List<Long> workers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            workers.add(member("浙江骑手" + i, NEW_FORM_UNION, "NEW_FORM"));
        }
        long late = member("浙江骑手迟", NEW_FORM_UNION, "NEW_FORM");
        try {
            install(ZJ);
            awaitPolicies("zhejiang-frontline");
            List<Callable<int[]>> jobs = new ArrayList<>();
            for (long m : workers) {
                jobs.add(() -> new int[] {(int) m, book("officer", p, HAICANG, List.of(m), Map.of()).status()});
            }
            for (int[] r : runAll(jobs)) {
                assertEquals(201, r[1]);
            }
            JsonNode all = get("/api/recuperation/bookings?programmeId=" + p, "officer").json().path("items");
            assertEquals(12, all.size());
            BigDecimal granted = BigDecimal.ZERO;
            long paid = 0;
            long cancelled = -1;
            for (JsonNode bk : all) {
                BigDecimal t = bk.path("subsidyTotal").decimalValue();
                granted = granted.add(t);
                if (t.signum() > 0) {
                    paid++;
                    assertEquals(0, t.compareTo(new BigDecimal("300.00")));
                    cancelled = bk.path("id").asLong();
                } else {
                    assertTrue(bk.path("subsidyReason").asText(), bk.path("subsidyReason").asText().contains("不足以支付"));
                }
            }
            assertEquals("1500 reserved / 300 per trip", 5, paid);
            assertEquals(0, granted.compareTo(new BigDecimal("1500.00")));
            JsonNode line = budget("zhejiang-frontline/2029/reserved");
            assertMoney("1500.00", line.path("spent"));
            assertMoney("0.00", line.path("left"));

            post("/api/recuperation/bookings/" + cancelled + "/cancel", "officer", null).expect(200);
            assertMoney("300.00", budget("zhejiang-frontline/2029/reserved").path("left"));
            assertMoney("300.00", book("officer", p, HAICANG, List.of(late), Map.of()).expect(201).json().path("subsidyTotal"));
            assertMoney("0.00", budget("zhejiang-frontline/2029/reserved").path("left"));
        } finally {
            uninstall(ZJ);
            awaitPolicies();
        }
    }

    @Test
    public void badInputIsRefusedWithTheFieldAndWritesNothing() throws Exception {
        long s = sanatorium("IT 校验疗养院", true, 10);
        long p = programme(s, "2027-11-08", 3, 5, "200.00");
        long m = member("校验甲", PORT_UNION, "EMPLOYEE");
        long programmes = get("/api/recuperation/programmes?limit=1", "admin").json().path("total").asLong();
        long bookings = get("/api/recuperation/bookings?limit=1", "admin").json().path("total").asLong();
        long audit = get("/api/audit?limit=1", "admin").json().path("total").asLong();

        assertProblem(post("/api/recuperation/programmes", "admin", obj("sanatoriumId", s, "startDate", "2027-11-08", "days", 0,
                "places", 5, "pricePerPersonPerDay", 200)), 422, "days");
        assertProblem(post("/api/recuperation/programmes", "admin", obj("sanatoriumId", s, "startDate", "2027-11-08",
                "endDate", "2027-11-01", "places", 5, "pricePerPersonPerDay", 200)), 422, "endDate");
        assertProblem(post("/api/recuperation/programmes", "admin", obj("sanatoriumId", 999999, "startDate", "2027-11-08",
                "days", 3, "places", 2, "pricePerPersonPerDay", 200, "quotas", List.of(Map.of("category", "NEW_FORM", "places", 3,
                        "releaseOn", "2027-11-01")))), 422, "quotas");
        assertProblem(post("/api/recuperation/programmes", "admin", "{\"sanatoriumId\": 1, \"startDate\": "), 400, "$");
        // the catalogue is region-wide: a district officer may not change it (issue 14 row 14)
        assertProblem(post("/api/recuperation/sanatoriums", "officer", obj("name", "x", "region", "y", "unionOwned", true,
                "bedsPerNight", 5)), 403, null);
        assertProblem(post("/api/recuperation/sanatoriums", "admin", obj("name", "x", "region", "y", "unionOwned", true, "bedsPerNight", 0)), 422,
                "bedsPerNight");
        assertProblem(book("officer", p, HAICANG, List.of(999999L), Map.of()), 422, "memberIds");
        assertProblem(book("officer", 999999, HAICANG, List.of(m), Map.of()), 422, "programmeId");
        assertProblem(post("/api/recuperation/bookings", "officer", obj("programmeId", p, "organiserOrgId", HAICANG,
                "memberIds", List.of(m, m))), 422, "memberIds");
        assertProblem(post("/api/recuperation/bookings", "officer", obj("programmeId", p, "organiserOrgId", HAICANG,
                "memberIds", List.of(m), "categories", Map.of(Long.toString(m), "ASTRONAUT"))), 400, null);
        assertProblem(post("/api/recuperation/bookings", "member", obj("programmeId", p, "memberIds", List.of(m))), 422, "memberIds");
        assertProblem(book("siming", p, HAICANG, List.of(m), Map.of()), 403, null);

        assertEquals(programmes, get("/api/recuperation/programmes?limit=1", "admin").json().path("total").asLong());
        assertEquals(bookings, get("/api/recuperation/bookings?limit=1", "admin").json().path("total").asLong());
        assertEquals(audit, get("/api/audit?limit=1", "admin").json().path("total").asLong());
        assertEquals(0, get("/api/recuperation/programmes/" + p, "admin").json().path("placesTaken").asInt());
        assertNotEquals(0, get("/api/openapi.json", null).json().path("paths").path("/recuperation/bookings").size());
    }

    /**
     * Issue 19: a member asks, his union books, the stay happens (the test moves the stay into the past, as time would),
     * the organiser records who went and files a settlement priced for the days stayed, the district above approves it
     * (the budget keeps only what was settled) and pays it.
     */
    @Test
    public void aTripGoesFromAMembersRequestThroughSettlementToPayment() throws Exception {
        long s = sanatorium("IT 结算疗休养基地", false, 20);
        long p = programme(s, "2030-04-08", 3, 10, "100.00");
        long m1 = member("结算骑手甲", NEW_FORM_UNION, "NEW_FORM");
        long m2 = member("结算骑手乙", NEW_FORM_UNION, "NEW_FORM");
        Who rider = account("settle-rider", "member", null, m1);
        Who organiser = account("settle-nf-officer", "officer", NEW_FORM_UNION, null);
        Who district = Who.of("officer");
        try {
            install(ZJ);
            awaitPolicies("zhejiang-frontline");
            Resp asked = send("POST", "/api/recuperation/requests", rider, obj("programmeId", p, "note", "想去疗休养", "consent",
                    obj("noticeVersion", "2026-11-1", "channel", "H5", "sensitive", List.of("MEDICAL"))), null).expect(201);
            assertEquals("REQUESTED", asked.json().path("status").asText());
            assertProblem(send("POST", "/api/recuperation/requests", rider, obj("programmeId", p, "consent",
                    obj("noticeVersion", "2026-11-1", "channel", "H5")), null), 409, "programmeId");
            JsonNode waiting = send("GET", "/api/recuperation/requests?status=REQUESTED&programmeId=" + p, organiser, null, null)
                    .expect(200).json();
            assertEquals(1, waiting.path("total").asInt());

            long booking = send("POST", "/api/recuperation/bookings", organiser, obj("programmeId", p, "organiserOrgId",
                    NEW_FORM_UNION, "memberIds", List.of(m1, m2)), null).expect(201).id();
            JsonNode request = send("GET", "/api/recuperation/requests?programmeId=" + p, rider, null, null).json().path("items").get(0);
            assertEquals("BOOKED", request.path("status").asText());
            assertEquals(booking, request.path("bookingId").asLong());
            assertMoney("600.00", budget("zhejiang-frontline/2030/reserved").path("spent"));

            // before the stay: no attendance, no settlement
            ObjectNode attendance = obj("attendance", List.of(Map.of("memberId", m1, "days", 3, "completed", true),
                    Map.of("memberId", m2, "days", 1, "completed", false)));
            assertProblem(send("PUT", "/api/recuperation/bookings/" + booking + "/attendance", organiser, attendance, null), 409,
                    "startDate");
            assertProblem(send("POST", "/api/recuperation/bookings/" + booking + "/settlement", organiser, null, null), 409, "status");

            moveStayBack(p, booking, 10);
            assertProblem(send("POST", "/api/recuperation/bookings/" + booking + "/cancel", organiser, null, null), 409, "status");
            assertProblem(send("PUT", "/api/recuperation/bookings/" + booking + "/attendance", organiser, obj("attendance",
                    List.of(Map.of("memberId", m1, "days", 4, "completed", true))), null), 422, "attendance[0].days");
            assertProblem(send("PUT", "/api/recuperation/bookings/" + booking + "/attendance", organiser, obj("attendance",
                    List.of(Map.of("memberId", m1, "days", 3, "completed", true))), null), 422, "attendance");
            assertProblem(send("POST", "/api/recuperation/bookings/" + booking + "/settlement", organiser, null, null), 422,
                    "attendance");
            JsonNode lines = send("PUT", "/api/recuperation/bookings/" + booking + "/attendance", organiser, attendance, null)
                    .expect(200).json();
            assertEquals(2, lines.size());

            Resp filed = send("POST", "/api/recuperation/bookings/" + booking + "/settlement", organiser, null, null).expect(201);
            JsonNode st = filed.json();
            long id = st.path("id").asLong();
            assertTrue(filed.header("Location").endsWith("/api/recuperation/settlements/" + id));
            assertEquals("FILED", st.path("status").asText());
            assertEquals(2, st.path("persons").asInt());
            assertEquals(4, st.path("personDays").asInt());
            assertMoney("600.00", st.path("bookedAmount"));
            assertMoney("400.00", st.path("amount"));
            assertMoney("100.00", st.path("members").get(1).path("settled"));
            assertProblem(send("POST", "/api/recuperation/bookings/" + booking + "/settlement", organiser, null, null), 409, "status");

            // the organising union neither reviews nor pays its own settlement
            assertProblem(send("POST", "/api/recuperation/settlements/" + id + "/review", organiser, obj("approve", true), null), 403, null);
            assertProblem(send("POST", "/api/recuperation/settlements/" + id + "/review", district, obj("approve", false), null), 422,
                    "note");
            assertProblem(send("POST", "/api/recuperation/settlements/" + id + "/pay", district, obj("paymentReference", "X1"), null),
                    409, "status");
            JsonNode approved = send("POST", "/api/recuperation/settlements/" + id + "/review", district, obj("approve", true), null)
                    .expect(200).json();
            assertEquals("APPROVED", approved.path("status").asText());
            assertMoney("400.00", budget("zhejiang-frontline/2030/reserved").path("spent"));
            assertProblem(send("POST", "/api/recuperation/settlements/" + id + "/pay", organiser, obj("paymentReference", "X1"), null),
                    403, null);
            assertProblem(send("POST", "/api/recuperation/settlements/" + id + "/pay", district, obj(), null), 422, "paymentReference");
            JsonNode paid = send("POST", "/api/recuperation/settlements/" + id + "/pay", district,
                    obj("paymentReference", "HC-2030-0412"), null).expect(200).json();
            assertEquals("PAID", paid.path("status").asText());
            assertEquals("officer", paid.path("paidBy").asText());
            assertProblem(send("POST", "/api/recuperation/settlements/" + id + "/pay", district, obj("paymentReference", "X2"), null),
                    409, "status");
            assertEquals(1, get("/api/recuperation/settlements?status=PAID", "officer").expect(200).json().path("total").asInt());
            assertProblem(get("/api/recuperation/settlements/" + id, "siming"), 404, null);
        } finally {
            uninstall(ZJ);
            awaitPolicies();
        }
    }

    /** Issue 19: in Inner Mongolia only the union sanatoriums the region names qualify, and the list is the administrator's setting. */
    @Test
    public void onlyTheSanatoriumsTheRegionNamesQualifyInInnerMongolia() throws Exception {
        long named = sanatorium("内蒙古工人包头疗养院", true, 40);
        long other = sanatorium("IT 呼伦贝尔职工疗养院", true, 40);
        long pn = programme(named, "2028-03-06", 3, 10, "260.00");
        long po = programme(other, "2028-03-06", 3, 10, "260.00");
        long a = member("名录甲", PORT_UNION, "EMPLOYEE");
        long b = member("名录乙", PORT_UNION, "EMPLOYEE");
        long c = member("名录丙", PORT_UNION, "EMPLOYEE");
        String pid = "org.unionhub.recuperation.policy.innermongolia";
        try {
            install(IM);
            awaitPolicies("innermongolia-offseason");
            assertMoney("600.00", book("officer", pn, HAICANG, List.of(a), Map.of()).expect(201).json().path("subsidyTotal"));
            JsonNode refused = book("officer", po, HAICANG, List.of(b), Map.of()).expect(201).json();
            assertMoney("0.00", refused.path("subsidyTotal"));
            assertTrue(refused.path("subsidyReason").asText(), refused.path("subsidyReason").asText()
                    .contains("不在本地区补贴的疗养院之列"));
            // the demo data's winter stay is at a sanatorium the policy names, so its off-season stay is subsidised
            long winter = -1;
            for (JsonNode p : get("/api/recuperation/programmes?limit=200", "officer").expect(200).json().path("items")) {
                winter = p.path("title").asText().startsWith("冬季温泉疗休养") ? p.path("id").asLong() : winter;
            }
            JsonNode demo = book("officer", winter, HAICANG, List.of(member("名录丁", PORT_UNION, "EMPLOYEE")), Map.of())
                    .expect(201).json();
            assertTrue(demo.toString(), demo.path("subsidyTotal").decimalValue().signum() > 0);

            java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
            props.put("sanatoriums", "内蒙古工人疗养院,内蒙古工人包头疗养院,IT 呼伦贝尔职工疗养院");
            configure(pid, props);
            long deadline = System.currentTimeMillis() + 10_000;
            JsonNode now = null;
            long p2 = programme(other, "2028-03-20", 3, 10, "260.00");
            while (System.currentTimeMillis() < deadline) {
                now = book("officer", p2, HAICANG, List.of(c), Map.of()).expect(201).json();
                if (now.path("subsidyTotal").decimalValue().signum() > 0) {
                    break;
                }
                post("/api/recuperation/bookings/" + now.path("id").asLong() + "/cancel", "officer", null).expect(200);
                Thread.sleep(200);
            }
            assertMoney("600.00", now.path("subsidyTotal"));
        } finally {
            configure(pid, null);
            uninstall(IM);
            awaitPolicies();
        }
    }

    /**
     * Issue 19: the province opens a year's budget and allocates it to districts; the units under a district draw from
     * its allocation, concurrently, never beyond it; a grassroots union is not allocated to and the sum stays within the budget.
     */
    @Test
    public void aYearsBudgetIsAllocatedToDistrictsAndTheirUnitsNeverOverdrawIt() throws Exception {
        long siming = orgId("思明区总工会");
        long s = sanatorium("IT 安吉疗休养基地", false, 60);
        long p = programme(s, "2031-04-07", 3, 30, "100.00");
        String key = "zhejiang-frontline/2031/reserved";
        List<Long> riders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            riders.add(member("分配骑手" + i, NEW_FORM_UNION, "NEW_FORM"));
        }
        try {
            install(ZJ);
            awaitPolicies("zhejiang-frontline");
            assertProblem(put("/api/recuperation/allocations", "admin", obj("budgetKey", key, "orgId", HAICANG, "amount", 900)), 422,
                    "budgetKey");
            JsonNode opened = post("/api/recuperation/allocations/years/2031", "admin", null).expect(200).json();
            assertEquals(key, opened.get(0).path("key").asText());
            assertMoney("1500.00", budget(key).path("total"));
            assertProblem(post("/api/recuperation/allocations/years/2031", "officer", null), 403, null);
            assertProblem(put("/api/recuperation/allocations", "officer", obj("budgetKey", key, "orgId", HAICANG, "amount", 900)), 403,
                    null);
            assertProblem(put("/api/recuperation/allocations", "admin", obj("budgetKey", key, "orgId", PORT_UNION, "amount", 100)), 422,
                    "orgId");
            JsonNode haicang = put("/api/recuperation/allocations", "admin", obj("budgetKey", key, "orgId", HAICANG, "amount", 900))
                    .expect(200).json();
            assertMoney("900.00", haicang.path("left"));
            put("/api/recuperation/allocations", "admin", obj("budgetKey", key, "orgId", siming, "amount", 600)).expect(200);
            assertProblem(put("/api/recuperation/allocations", "admin", obj("budgetKey", key, "orgId", siming, "amount", 601)), 409,
                    "amount");

            List<Callable<int[]>> jobs = new ArrayList<>();
            for (long m : riders) {
                jobs.add(() -> new int[] {(int) m, book("officer", p, NEW_FORM_UNION, List.of(m), Map.of()).status()});
            }
            for (int[] r : runAll(jobs)) {
                assertEquals(201, r[1]);
            }
            int paid = 0;
            long one = -1;
            for (JsonNode bk : get("/api/recuperation/bookings?programmeId=" + p, "officer").json().path("items")) {
                if (bk.path("subsidyTotal").decimalValue().signum() > 0) {
                    paid++;
                    one = bk.path("id").asLong();
                } else {
                    assertTrue(bk.path("subsidyReason").asText(), bk.path("subsidyReason").asText().contains("额度不足以支付"));
                }
            }
            assertEquals("900 allocated to Haicang / 300 per trip", 3, paid);
            JsonNode line = get("/api/recuperation/allocations?budgetKey=" + key, "officer").expect(200).json();
            assertEquals("the Haicang officer sees Haicang's allocation only", 1, line.size());
            assertMoney("900.00", line.get(0).path("spent"));
            assertMoney("900.00", budget(key).path("spent"));
            post("/api/recuperation/bookings/" + one + "/cancel", "officer", null).expect(200);
            assertMoney("300.00", get("/api/recuperation/allocations?budgetKey=" + key, "officer").json().get(0).path("left"));
            assertProblem(put("/api/recuperation/allocations", "admin", obj("budgetKey", key, "orgId", HAICANG, "amount", 500)), 409,
                    "amount");
        } finally {
            uninstall(ZJ);
            awaitPolicies();
        }
    }

    /** Issue 19: an enterprise union applies for a grant to its own trip; a union above approves, pays; it reports the trip. */
    @Test
    public void anEnterpriseUnionsGrantIsReviewedPaidAndReported() throws Exception {
        Who port = account("grant-port-officer", "officer", PORT_UNION, null);
        String body = "91350200MA2Y" + "00001";
        String code = body + org.unionhub.api.validation.CreditCode.checkCharacter(body);
        String start = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(20).toString();
        ObjectNode apply = obj("orgId", PORT_UNION, "enterpriseName", "厦门港务物流有限公司", "creditCode", code, "title", "一线职工疗休养",
                "startDate", start, "days", 4, "persons", 30, "amount", 6000);
        ObjectNode badCode = apply.deepCopy();
        badCode.put("creditCode", code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'));
        assertProblem(send("POST", "/api/recuperation/grants", port, badCode, null), 422, "creditCode");
        ObjectNode district = apply.deepCopy();
        district.put("orgId", HAICANG);
        assertProblem(post("/api/recuperation/grants", "officer", district), 422, "orgId");
        Resp applied = send("POST", "/api/recuperation/grants", port, apply, null).expect(201);
        long id = applied.id();
        assertEquals("APPLIED", applied.json().path("status").asText());

        String g = "/api/recuperation/grants/" + id;
        assertProblem(send("POST", g + "/review", port, obj("approve", true), null), 403, null);
        assertProblem(post(g + "/review", "officer", obj("approve", true, "approvedAmount", 6000.01)), 422, "approvedAmount");
        assertProblem(post(g + "/pay", "officer", obj("paymentReference", "HC-1")), 409, "status");
        JsonNode approved = post(g + "/review", "officer", obj("approve", true, "approvedAmount", 5000)).expect(200).json();
        assertMoney("5000.00", approved.path("approved"));
        assertProblem(send("POST", g + "/pay", port, obj("paymentReference", "HC-1"), null), 403, null);
        assertProblem(send("POST", g + "/report", port, obj("persons", 28, "personDays", 112, "spent", 16800), null), 409, "status");
        post(g + "/pay", "officer", obj("paymentReference", "HC-2031-77")).expect(200);
        assertProblem(send("POST", g + "/report", port, obj("persons", 28, "personDays", 113, "spent", 16800), null), 422, "personDays");
        JsonNode reported = send("POST", g + "/report", port, obj("persons", 28, "personDays", 112, "spent", 16800), null).expect(200)
                .json();
        assertEquals("REPORTED", reported.path("status").asText());
        assertEquals(112, reported.path("reportedPersonDays").asInt());
        assertProblem(get(g, "siming"), 404, null);
        assertEquals(1, get("/api/recuperation/grants?status=REPORTED", "officer").expect(200).json().path("total").asInt());
    }

    // ---- helpers

    private long orgId(String namePrefix) throws Exception {
        for (JsonNode o : get("/api/orgs?limit=500", "admin").json().path("items")) {
            if (o.path("name").asText().startsWith(namePrefix)) {
                return o.path("id").asLong();
            }
        }
        throw new AssertionError("no demo organisation " + namePrefix);
    }

    /** Time passes: the stay now began {@code days} days ago (dates only; places and beds stay as booked). */
    private void moveStayBack(long programme, long booking, int days) throws Exception {
        java.time.LocalDate start = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(days);
        org.osgi.framework.ServiceReference<javax.sql.DataSource> ref = bundleContext.getServiceReferences(javax.sql.DataSource.class,
                "(dataSourceName=unionhub)").iterator().next();
        javax.sql.DataSource ds = bundleContext.getService(ref);
        try (java.sql.Connection c = ds.getConnection(); java.sql.PreparedStatement pp = c.prepareStatement(
                "UPDATE RECUPERATION_PROGRAMME SET START_DATE = ?, END_DATE = ? WHERE ID = ?");
                java.sql.PreparedStatement pb = c.prepareStatement("UPDATE RECUPERATION_BOOKING SET START_DATE = ? WHERE ID = ?")) {
            pp.setDate(1, java.sql.Date.valueOf(start));
            pp.setDate(2, java.sql.Date.valueOf(start.plusDays(2)));
            pp.setLong(3, programme);
            assertEquals(1, pp.executeUpdate());
            pb.setDate(1, java.sql.Date.valueOf(start));
            pb.setLong(2, booking);
            assertEquals(1, pb.executeUpdate());
        } finally {
            bundleContext.ungetService(ref);
        }
    }

    /** Sets (or deletes, for null) a Config Admin configuration by reflection: the probe does not import org.osgi.service.cm. */
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

    private long sanatorium(String name, boolean unionOwned, int beds) throws Exception {
        return post("/api/recuperation/sanatoriums", "admin", obj("name", name, "region", "内蒙古", "unionOwned", unionOwned,
                "bedsPerNight", beds)).expect(201).id();
    }

    private long programme(long sanatorium, String start, int days, int places, String price, Map<?, ?>... quotas)
            throws Exception {
        return post("/api/recuperation/programmes", "admin", obj("sanatoriumId", sanatorium, "startDate", start, "days", days,
                "places", places, "pricePerPersonPerDay", new BigDecimal(price), "quotas", List.of(quotas))).expect(201).id();
    }

    private static Map<String, Object> quota(String category, int places, String releaseOn) {
        return Map.of("category", category, "places", places, "releaseOn", releaseOn);
    }

    private synchronized long member(String name, long org, String form) throws Exception {
        memberSeq++;
        ObjectNode body = obj("name", name + memberSeq, "orgId", org, "employmentForm", form);
        if ("NEW_FORM".equals(form)) {
            body.put("newFormKind", "DELIVERY_RIDER");
        }
        return post("/api/members", "admin", body).expect(201).id();
    }

    private Resp book(String who, long programme, long organiser, List<Long> members, Map<Long, String> categories)
            throws Exception {
        ObjectNode body = obj("programmeId", programme, "organiserOrgId", organiser, "memberIds", members);
        if (!categories.isEmpty()) {
            ObjectNode c = body.putObject("categories");
            categories.forEach((k, v) -> c.put(Long.toString(k), v));
        }
        return post("/api/recuperation/bookings", who, body);
    }

    private String bundleVersion(String symbolicName) {
        for (org.osgi.framework.Bundle b : bundleContext.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b.getVersion().toString();
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private JsonNode budget(String key) throws Exception {
        for (JsonNode line : get("/api/recuperation/budgets", "admin").expect(200).json()) {
            if (key.equals(line.path("key").asText())) {
                return line;
            }
        }
        throw new AssertionError("no budget " + key);
    }

    private static List<int[]> runAll(List<Callable<int[]>> jobs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<int[]> out = new ArrayList<>();
            for (Future<int[]> f : pool.invokeAll(jobs)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private void install(String feature) throws Exception {
        featuresService.installFeature(feature, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
    }

    private void uninstall(String feature) throws Exception {
        if (featuresService.isInstalled(featuresService.getFeature(feature))) {
            featuresService.uninstallFeature(feature, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        }
    }

    /** Waits until exactly these policies are installed (none when empty). */
    private void awaitPolicies(String... ids) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        String last = "";
        while (System.currentTimeMillis() < deadline) {
            Resp r = get("/api/recuperation/policy", "admin");
            last = r.raw();
            if (r.status() == 200) {
                List<String> now = new ArrayList<>();
                r.json().path("policies").forEach(n -> now.add(n.path("id").asText()));
                now.sort(null);
                if (now.equals(List.of(ids))) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("policies did not become " + List.of(ids) + ": " + last);
    }

    private static void assertMoney(String expected, JsonNode actual) {
        assertTrue("expected " + expected + ", got " + actual, actual.isNumber()
                && actual.decimalValue().compareTo(new BigDecimal(expected)) == 0);
    }
}
