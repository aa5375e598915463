package org.unionhub.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.unionhub.api.validation.CreditCode;
import org.unionhub.api.validation.IdCardNumber;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every module list on the one list contract (issue 18): each is walked two rows a page by cursor while rows are
 * inserted between the pages, and must show every row that existed before the walk exactly once; an officer's
 * lists stay within his part of the tree.
 */
public class ModuleListsIT extends HubTestSupport {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Override
    protected String[] features() {
        return new String[] {"unionhub-core", "unionhub-fairs", "unionhub-jobfairs", "unionhub-recuperation",
            "unionhub-modelworkers"};
    }

    @Override
    protected String[] expectedModules() {
        return new String[] {"fairs", "jobfairs", "recuperation", "modelworkers"};
    }

    @Test
    public void fairsBatchesAndCouponsWalkByCursor() throws Exception {
        for (int i = 0; i < 3; i++) {
            post("/api/fairs", "officer", fair()).expect(201);
        }
        walkWhileInserting("/api/fairs", null, () -> post("/api/fairs", "officer", fair()).expect(201));
        walkWhileInserting("/api/fairs?sort=-id", null, () -> post("/api/fairs", "officer", fair()).expect(201));
        for (int i = 0; i < 3; i++) {
            post("/api/fairs/coupon-batches", "officer", batch()).expect(201);
        }
        walkWhileInserting("/api/fairs/coupon-batches", null,
                () -> post("/api/fairs/coupon-batches", "officer", batch()).expect(201));
        // the demo member (in the Haicang officer's tree) claims while the officer walks the coupons
        for (int i = 0; i < 3; i++) {
            claim();
        }
        List<Long> seen = walkWhileInserting("/api/fairs/coupons", "officer", this::claim);
        List<Long> siming = walkWhileInserting("/api/fairs/coupons", "siming", () -> { });
        assertFalse("another district sees none of them", siming.stream().anyMatch(seen::contains));
        assertProblem(get("/api/fairs/coupons?sort=colour", "officer"), 400, "sort");
    }

    @Test
    public void jobFairEmployersAndPositionsWalkByCursor() throws Exception {
        long fair = post("/api/jobfairs", "officer", obj("name", "列表招聘会" + SEQ.incrementAndGet(), "mode", "HYBRID",
                "venue", "海沧区文化中心", "startsAt", at(7, 0), "endsAt", at(7, 7), "serviceZones", List.of("职业规划"),
                "boothCapacity", 50)).expect(201).id();
        List<Long> employers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            employers.add(employer(fair));
        }
        walkWhileInserting("/api/jobfairs/" + fair + "/employers", "officer", () -> employer(fair));
        for (int i = 0; i < 3; i++) {
            position(fair, employers.get(0), 8000 + i * 500);
        }
        AtomicInteger salary = new AtomicInteger(6000);
        for (String sort : List.of("", "?sort=salaryMin", "?sort=-salaryMax", "?sort=title", "?sort=headcount", "?sort=createdAt")) {
            List<Long> ids = walkWhileInserting("/api/jobfairs/" + fair + "/positions" + sort, null,
                    () -> position(fair, employers.get(1), salary.addAndGet(250)));
            assertTrue(sort + " " + ids, ids.size() >= 3);
        }
        JsonNode bySalary = get("/api/jobfairs/" + fair + "/positions?sort=salaryMin&limit=500", null).expect(200).json();
        BigDecimal last = BigDecimal.ZERO;
        for (JsonNode p : bySalary.path("items")) {
            assertTrue("ordered by salaryMin", p.path("salaryMin").decimalValue().compareTo(last) >= 0);
            last = p.path("salaryMin").decimalValue();
        }
    }

    @Test
    public void sanatoriumsAndProgrammesWalkByCursor() throws Exception {
        List<Long> sanatoriums = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sanatoriums.add(sanatorium());
        }
        walkWhileInserting("/api/recuperation/sanatoriums", "officer", this::sanatorium);
        walkWhileInserting("/api/recuperation/sanatoriums?region=" + java.net.URLEncoder.encode("内蒙古", "UTF-8"), "officer",
                this::sanatorium);
        AtomicInteger day = new AtomicInteger(1);
        for (int i = 0; i < 3; i++) {
            programme(sanatoriums.get(0), day.getAndIncrement());
        }
        walkWhileInserting("/api/recuperation/programmes", "officer", () -> programme(sanatoriums.get(0), day.getAndIncrement()));
        walkWhileInserting("/api/recuperation/programmes?sanatoriumId=" + sanatoriums.get(0), "officer",
                () -> programme(sanatoriums.get(0), day.getAndIncrement()));
    }

    @Test
    public void activitiesVisitsAndTheShowcaseWalkByCursor() throws Exception {
        long rec = post("/api/model-workers/records", "officer", obj("name", "列表劳模" + SEQ.incrementAndGet(),
                "idNumber", number(SEQ.incrementAndGet()), "title", "REGIONAL_MODEL_WORKER", "yearAwarded", 2018,
                "workplace", "厦门海沧港务有限公司", "orgId", orgId("厦门海沧港务有限公司工会"), "status", "ACTIVE")).expect(201).id();
        for (int i = 0; i < 3; i++) {
            activity(rec, i);
            visit(rec, i);
        }
        AtomicInteger back = new AtomicInteger(10);
        List<Long> seen = walkWhileInserting("/api/model-workers/activities", "officer", () -> activity(rec, back.getAndIncrement()));
        assertTrue(walkWhileInserting("/api/model-workers/activities", "siming", () -> { }).stream().noneMatch(seen::contains));
        walkWhileInserting("/api/model-workers/activities?recordId=" + rec, "admin", () -> activity(rec, back.getAndIncrement()));
        walkWhileInserting("/api/model-workers/visits", "officer", () -> visit(rec, back.getAndIncrement()));
        walkWhileInserting("/api/model-workers/records", "officer", () -> { });
        put("/api/model-workers/showcase/" + rec, "officer", obj("consent", true, "citation", "扎根港口")).expect(200);
        JsonNode shown = get("/api/model-workers/showcase?limit=1", null).expect(200).json();
        assertTrue(shown.path("totalExact").asBoolean());
        walkWhileInserting("/api/model-workers/showcase", null, () -> { });
    }

    /**
     * Walks {@code path} two rows a page by cursor, running {@code insert} after each page; asserts that no row
     * comes twice and that every row listed before the walk comes once. Answers the ids seen.
     */
    private List<Long> walkWhileInserting(String path, String account, Step insert) throws Exception {
        String sep = path.contains("?") ? "&" : "?";
        List<Long> before = new ArrayList<>();
        get(path + sep + "limit=500", account).expect(200).json().path("items").forEach(r -> before.add(r.path("id").asLong()));
        List<Long> seen = new ArrayList<>();
        JsonNode page = get(path + sep + "limit=2", account).expect(200).json();
        int pages = 0;
        while (true) {
            page.path("items").forEach(r -> seen.add(r.path("id").asLong()));
            String cursor = page.path("nextCursor").asText(null);
            if (cursor == null) {
                break;
            }
            insert.run();
            page = get(path + sep + "limit=2&cursor=" + cursor, account).expect(200).json();
            assertEquals("a page reached by cursor is not counted", -1, page.path("total").asLong());
            assertTrue("a runaway walk of " + path, ++pages < 200);
        }
        assertEquals(path + ": no row twice " + seen, seen.size(), new HashSet<>(seen).size());
        assertTrue(path + ": every row listed before the walk " + before + " is reached " + seen, seen.containsAll(before));
        return seen;
    }

    private interface Step {
        void run() throws Exception;
    }

    private ObjectNode fair() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime starts = now.plusDays(3 + SEQ.incrementAndGet() % 20).withHour(9).withMinute(0).withSecond(0);
        return obj("name", "列表集市" + SEQ.incrementAndGet(), "theme", "工会惠工", "venue", "海沧区文化中心",
                "startsAt", starts.toString(), "endsAt", starts.plusHours(9).toString(), "stallCount", 10,
                "registrationOpensAt", now.toString(), "registrationClosesAt", now.plusDays(1).toString(),
                "sections", List.of("特惠购物"), "stallFeePerDay", 150);
    }

    private ObjectNode batch() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        return obj("title", "满30减20", "kind", "THRESHOLD", "threshold", 30, "discount", 20, "quantity", 10,
                "perMemberLimit", 1, "validFrom", now.minusMinutes(5).toString(), "validTo", now.plusDays(1).toString());
    }

    private void claim() throws Exception {
        long batch = post("/api/fairs/coupon-batches", "officer", batch()).expect(201).id();
        post("/api/fairs/coupon-batches/" + batch + "/claims", "member", null).expect(201);
    }

    private static String at(int days, int plusHours) {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.DAYS).plusDays(days).withHour(9)
                .plusHours(plusHours).toString();
    }

    private long employer(long fair) throws Exception {
        String first17 = String.format("91350205%09d", 700000 + SEQ.incrementAndGet());
        long id = post("/api/jobfairs/" + fair + "/employers", "officer", obj("name", "列表企业" + SEQ.incrementAndGet(),
                "creditCode", first17 + CreditCode.checkCharacter(first17), "industry", "shipbuilding", "size", "MEDIUM",
                "contactName", "人事部", "contactPhone", "0592-6000000")).expect(201).id();
        post("/api/jobfairs/employers/" + id + "/approve", "officer", obj()).expect(200);
        return id;
    }

    private void position(long fair, long employer, int salary) throws Exception {
        post("/api/jobfairs/" + fair + "/positions", "officer", obj("employerId", employer, "title", "焊工" + SEQ.incrementAndGet(),
                "headcount", 1 + SEQ.get() % 5, "salaryMin", salary, "salaryMax", salary + 3000, "education", "JUNIOR_MIDDLE",
                "experienceYears", 1, "location", "厦门海沧", "description", "五险一金")).expect(201);
    }

    private long sanatorium() throws Exception {
        return post("/api/recuperation/sanatoriums", "admin", obj("name", "列表疗养院" + SEQ.incrementAndGet(), "region", "内蒙古",
                "unionOwned", true, "bedsPerNight", 20)).expect(201).id();
    }

    private void programme(long sanatorium, int day) throws Exception {
        post("/api/recuperation/programmes", "admin", obj("sanatoriumId", sanatorium, "startDate",
                LocalDate.of(2027, 11, 1).plusDays(day % 25).toString(), "days", 3, "places", 2, "pricePerPersonPerDay", 200))
                .expect(201);
    }

    private void activity(long rec, int daysAgo) throws Exception {
        post("/api/model-workers/activities", "officer", obj("recordId", rec, "heldOn", today.minusDays(daysAgo % 30).toString(),
                "enterprise", "厦门精工机械厂", "topic", "技术指导", "hours", 2)).expect(201);
    }

    private void visit(long rec, int daysAgo) throws Exception {
        post("/api/model-workers/visits", "officer", obj("recordId", rec, "visitedOn", today.minusDays(daysAgo % 30).toString(),
                "occasion", "SPRING_FESTIVAL")).expect(201);
    }

    private static String number(int sequence) {
        String first17 = "650102" + LocalDate.of(1970, 8, 1).format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", 100 + sequence % 800);
        return first17 + IdCardNumber.checkCharacter(first17);
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
