package org.unionhub.mutualaid.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Mutual aid's lists at a province's size (issue 18): the plan's kept enrolment counter under concurrent
 * enrolments, the enrolment list walked by cursor by an admin and an officer while members enrol, and a claims
 * list audited as one row naming the claims it showed.
 */
public class MutualAidListsIT extends HubTestSupport {

    private static final String ROOT = "/api/mutual-aid";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Override
    protected String[] features() {
        return new String[] {"unionhub-core", "unionhub-mutualaid"};
    }

    @Override
    protected String[] expectedModules() {
        return new String[] {"mutualaid"};
    }

    @Test
    public void theEnrolmentCounterLosesNoUpdateAndCursorPagesMissAndRepeatNothing() throws Exception {
        long plan = post(ROOT + "/plans", "admin", plan("计数")).expect(201).id();
        long haicang = orgId("厦门海沧港务有限公司工会");
        long siming = orgId("思明区总工会");
        List<Long> ours = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ours.add(member(haicang));
        }
        long outside = member(siming);
        // twelve enrolments at once: each raises the plan's counter in its own transaction
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> done = new ArrayList<>();
        for (long m : ours) {
            done.add(pool.submit(() -> post(ROOT + "/plans/" + plan + "/enrolments", "admin", obj("memberId", m)).status()));
        }
        for (Future<Integer> f : done) {
            assertEquals(201, (int) f.get());
        }
        pool.shutdown();
        post(ROOT + "/plans/" + plan + "/enrolments", "admin", obj("memberId", outside)).expect(201);
        assertEquals(13, get(ROOT + "/plans/" + plan, "admin").expect(200).json().path("enrolled").asLong());
        assertProblem(put(ROOT + "/plans/" + plan, "admin", plan("计数")), 409, null);

        // the officer (海沧) walks his part by cursor, 5 a page, while members of his and of another tree enrol
        AtomicInteger more = new AtomicInteger();
        List<Long> officerSaw = walk(plan, "officer", () -> {
            post(ROOT + "/plans/" + plan + "/enrolments", "admin", obj("memberId", member(haicang))).expect(201);
            post(ROOT + "/plans/" + plan + "/enrolments", "admin", obj("memberId", member(siming))).expect(201);
            more.addAndGet(2);
        });
        assertEquals("no enrolment twice: " + officerSaw, officerSaw.size(), new HashSet<>(officerSaw).size());
        assertTrue("every enrolment of his tree made before the walk is listed", officerSaw.containsAll(ours));
        assertFalse("nothing of another district's", officerSaw.contains(outside));
        List<Long> adminSaw = walk(plan, "admin", () -> {
            post(ROOT + "/plans/" + plan + "/enrolments", "admin", obj("memberId", member(siming))).expect(201);
            more.incrementAndGet();
        });
        assertEquals(adminSaw.size(), new HashSet<>(adminSaw).size());
        assertTrue(adminSaw.containsAll(ours) && adminSaw.contains(outside));
        List<Long> enrolmentIds = new ArrayList<>();
        get(ROOT + "/plans/" + plan + "/enrolments?limit=500", "admin").expect(200).json().path("items")
                .forEach(e -> enrolmentIds.add(e.path("id").asLong()));
        List<Long> sorted = new ArrayList<>(enrolmentIds);
        sorted.sort(null);
        assertEquals("an admin's list is in enrolment order", sorted, enrolmentIds);
        assertEquals(13 + more.get(), get(ROOT + "/plans/" + plan, "admin").json().path("enrolled").asLong());
        assertProblem(get(ROOT + "/plans/" + plan + "/enrolments?sort=colour", "officer"), 400, "sort");
        for (String sort : List.of("enrolledOn", "-enrolledOn", "org", "-id")) {
            List<Long> sortedWalk = new ArrayList<>();
            String cursor = null;
            do {
                JsonNode p = get(ROOT + "/plans/" + plan + "/enrolments?limit=4&sort=" + sort
                        + (cursor == null ? "" : "&cursor=" + cursor), "admin").expect(200).json();
                p.path("items").forEach(e -> sortedWalk.add(e.path("id").asLong()));
                cursor = p.path("nextCursor").asText(null);
            } while (cursor != null);
            assertEquals(sort + ": every enrolment once", 13 + more.get(), new HashSet<>(sortedWalk).size());
            assertEquals(sort, 13 + more.get(), sortedWalk.size());
        }
    }

    @Test
    public void aClaimsListIsAuditedAsOneRowNamingTheClaimsShown() throws Exception {
        long plan = post(ROOT + "/plans", "admin", plan("审计")).expect(201).id();
        long org = orgId("厦门海沧港务有限公司工会");
        Set<Long> claims = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            long m = member(org);
            post(ROOT + "/plans/" + plan + "/enrolments", "admin", obj("memberId", m, "enrolledOn", today.minusDays(150).toString()))
                    .expect(201);
            claims.add(post(ROOT + "/claims", "admin", obj("planId", plan, "memberId", m, "hospital", "贵州省人民医院",
                    "admittedOn", today.minusDays(30).toString(), "dischargedOn", today.minusDays(20).toString(),
                    "totalExpenses", new BigDecimal("20000.00"), "reimbursed", new BigDecimal("5000.00"), "consent", obj("noticeVersion",
                    "2026-11-1", "channel", "PAPER", "sensitive", List.of("MEDICAL")))).expect(201).id());
        }
        String username = "ma.list." + SEQ.incrementAndGet();
        Who reviewer = new Who(username, "secret-" + username);
        post("/api/accounts", "admin", obj("username", username, "password", reviewer.password(), "roles",
                List.of("officer", "claims-reviewer"), "orgId", org)).expect(201);
        JsonNode page = send("GET", ROOT + "/claims?planId=" + plan + "&limit=2", reviewer, null, null).expect(200).json();
        JsonNode next = send("GET", ROOT + "/claims?planId=" + plan + "&limit=2&cursor=" + page.path("nextCursor").asText(),
                reviewer, null, null).expect(200).json();
        Set<Long> shown = new HashSet<>();
        page.path("items").forEach(c -> shown.add(c.path("id").asLong()));
        next.path("items").forEach(c -> shown.add(c.path("id").asLong()));
        assertEquals(claims, shown);

        JsonNode audit = get("/api/audit?action=mutualaid.claim&actor=" + username, "admin").expect(200).json();
        assertEquals("two pages, two audit rows: " + audit, 2, audit.path("total").asLong());
        Set<Long> audited = new HashSet<>();
        for (JsonNode row : audit.path("items")) {
            assertEquals("mutualaid.claim.list", row.path("action").asText());
            JsonNode changes = JSON.readTree(row.path("changes").asText());
            assertEquals(plan, changes.path("planId").asLong());
            assertEquals(changes.path("ids").size(), changes.path("rows").asInt());
            changes.path("ids").forEach(id -> audited.add(id.asLong()));
        }
        assertEquals("every claim shown is named in the audit", claims, audited);
        assertFalse("no medical detail in the audit", audit.toString().contains("人民医院"));
    }

    /** Walks a plan's enrolments 5 a page by cursor, calling {@code between} after each page. */
    private List<Long> walk(long plan, String account, Step between) throws Exception {
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode p = get(ROOT + "/plans/" + plan + "/enrolments?limit=5" + (cursor == null ? "" : "&cursor=" + cursor), account)
                    .expect(200).json();
            p.path("items").forEach(e -> seen.add(e.path("memberId").asLong()));
            cursor = p.path("nextCursor").asText(null);
            between.run();
        } while (cursor != null);
        return seen;
    }

    private interface Step {
        void run() throws Exception;
    }

    private ObjectNode plan(String name) {
        return obj("name", "列表" + name + SEQ.incrementAndGet(), "kind", "INPATIENT", "periodStart",
                today.minusDays(200).toString(), "periodEnd", today.plusDays(165).toString(), "contribution", 30,
                "waitingDays", 0, "deductible", 1000, "bands", List.of(Map.of("upTo", 50000, "ratio", 0.5), Map.of("ratio", 0.6)),
                "capPerClaim", 60000, "capPerPeriod", 100000);
    }

    private long member(long org) throws Exception {
        return post("/api/members", "admin", obj("name", "互助列表" + SEQ.incrementAndGet(), "orgId", org, "employmentForm",
                "EMPLOYEE")).expect(201).id();
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
