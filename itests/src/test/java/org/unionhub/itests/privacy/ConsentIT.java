package org.unionhub.itests.privacy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Consent at collection (issue 22): a claim's create records the member's consent to the claim notice, with the
 * separate consent for medical data, in the claim's own transaction; an officer entering a paper form records it as
 * PAPER; a reviewer's read of a claim is audited with whose claim it was. Core and mutual aid only: the consent store
 * is the core's, the claim the module's.
 */
public class ConsentIT extends HubTestSupport {

    private static final String MA = "/api/mutual-aid";
    private static final String NOTICE = "2026-11-1";
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

    @Override
    protected Option[] extraOptions() {
        return new Option[] {systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("120000")};
    }

    @Test
    public void aMemberClaimsOnlyWithHisConsentAndItIsKeptWithTheClaim() throws Exception {
        long plan = plan();
        long member = enrolledMember(plan);
        Who self = account("consent.self" + SEQ.incrementAndGet(), "member", null, member);

        assertProblem(send("POST", MA + "/claims", self, stay(plan, member, null), null), 422, "consent");
        assertProblem(send("POST", MA + "/claims", self, stay(plan, member, consent("H5", List.of())), null), 422,
                "consent.sensitive");
        assertProblem(send("POST", MA + "/claims", self, stay(plan, member, consent("PAPER", List.of("MEDICAL"))), null), 422,
                "consent.channel");
        ObjectNode old = consent("H5", List.of("MEDICAL"));
        old.put("noticeVersion", "2020-01");
        assertProblem(send("POST", MA + "/claims", self, stay(plan, member, old), null), 409, "noticeVersion");
        old.remove("noticeVersion");
        assertProblem(send("POST", MA + "/claims", self, stay(plan, member, old), null), 422, "consent.noticeVersion");
        assertEquals("refused creates keep no claim", 0, claimsOf(member));
        assertEquals("refused creates keep no consent", 0, count("HUB_CONSENT", "MEMBER_ID = " + member));

        long claim = send("POST", MA + "/claims", self, stay(plan, member, consent("H5", List.of("MEDICAL"))), null)
                .expect(201).id();
        assertEquals(1, claimsOf(member));
        JsonNode consents = send("GET", "/api/me/consents", self, null, null).expect(200).json();
        assertEquals(consents.toString(), 2, consents.size());
        long general = 0;
        long medical = 0;
        for (JsonNode c : consents) {
            assertEquals("claim", c.path("purpose").asText());
            assertEquals(NOTICE, c.path("noticeVersion").asText());
            assertEquals("H5", c.path("channel").asText());
            general = "GENERAL".equals(c.path("kind").asText()) ? c.path("id").asLong() : general;
            medical = "MEDICAL".equals(c.path("kind").asText()) ? c.path("id").asLong() : medical;
        }
        assertTrue(consents.toString(), general > 0 && medical > 0);
        assertEquals(1, count("MUTUALAID_CLAIM", "ID = " + claim + " AND CONSENT_ID = " + general
                + " AND MEDICAL_CONSENT_ID = " + medical));

        // his download shows the claim with the ids of its consents, and the consents themselves
        JsonNode data = send("GET", "/api/me/data", self, null, null).expect(200).json();
        JsonNode mine = data.path("modules").path("mutualaid").path("claims").get(0);
        assertEquals(data.toString(), general, mine.path("consentId").asLong());
        assertEquals(medical, mine.path("medicalConsentId").asLong());
        assertEquals(2, data.path("modules").path("core").path("consents").size());
    }

    @Test
    public void aRefusedClaimLeavesNoConsentBehind() throws Exception {
        long plan = plan();
        long member = enrolledMember(plan);
        Who self = account("consent.refused" + SEQ.incrementAndGet(), "member", null, member);
        ObjectNode early = stay(plan, member, consent("CONSOLE", List.of("MEDICAL")));
        early.put("admittedOn", today.minusDays(300).toString()); // before the plan's period: not enrolled then
        assertProblem(send("POST", MA + "/claims", self, early, null), 422, "admittedOn");
        send("POST", MA + "/claims", self, stay(plan, member, consent("CONSOLE", List.of("MEDICAL"))), null).expect(201);
        ObjectNode duplicate = stay(plan, member, consent("CONSOLE", List.of("MEDICAL")));
        assertProblem(send("POST", MA + "/claims", self, duplicate, null), 409, "admittedOn");
        assertEquals("only the accepted claim's consent stays", 2, count("HUB_CONSENT", "MEMBER_ID = " + member));
        assertEquals(1, claimsOf(member));
    }

    @Test
    public void anOfficerEntersAPaperFormAndAReviewersReadIsAudited() throws Exception {
        long plan = plan();
        long member = enrolledMember(plan);
        assertProblem(post(MA + "/claims", "officer", stay(plan, member, null)), 422, "consent");
        assertProblem(post(MA + "/claims", "officer", stay(plan, member, consent("H5", List.of("MEDICAL")))), 422,
                "consent.channel");
        long claim = post(MA + "/claims", "officer", stay(plan, member, consent("PAPER", List.of("MEDICAL")))).expect(201).id();
        assertEquals("the officer's account attests the paper form", 2, count("HUB_CONSENT", "MEMBER_ID = " + member
                + " AND PURPOSE = 'claim' AND CHANNEL = 'PAPER' AND GIVEN_BY = 'officer'"));
        assertEquals(1, count("MUTUALAID_CLAIM", "ID = " + claim + " AND CONSENT_ID IS NOT NULL AND MEDICAL_CONSENT_ID IS NOT NULL"));

        String username = "consent.reviewer" + SEQ.incrementAndGet();
        post("/api/accounts", "admin", obj("username", username, "password", "secret-" + username, "roles",
                List.of("officer", "claims-reviewer"), "orgId", orgId("海沧区总工会"))).expect(201);
        Who reviewer = new Who(username, "secret-" + username);
        send("GET", MA + "/claims/" + claim, reviewer, null, null).expect(200);
        JsonNode audit = get("/api/audit?action=mutualaid.claim.read&actor=" + username + "&entityId=" + claim, "admin")
                .expect(200).json();
        assertEquals(audit.toString(), 1, audit.path("total").asLong());
        JsonNode changes = JSON.readTree(audit.path("items").get(0).path("changes").asText());
        assertEquals("whose claim was read", member, changes.path("memberId").asLong());
    }

    // ---- helpers

    private static ObjectNode consent(String channel, List<String> sensitive) {
        return obj("noticeVersion", NOTICE, "channel", channel, "sensitive", sensitive);
    }

    private ObjectNode stay(long plan, long member, ObjectNode consent) {
        ObjectNode claim = obj("planId", plan, "memberId", member, "hospital", "厦门市中医院", "admittedOn",
                today.minusDays(20).toString(), "dischargedOn", today.minusDays(15).toString(), "totalExpenses",
                new BigDecimal("9000.00"), "reimbursed", new BigDecimal("4000.00"));
        if (consent != null) {
            claim.set("consent", consent);
        }
        return claim;
    }

    private long plan() throws Exception {
        return post(MA + "/plans", "admin", obj("name", "同意测试计划 " + SEQ.incrementAndGet(), "kind", "INPATIENT",
                "periodStart", today.minusDays(200).toString(), "periodEnd", today.plusDays(165).toString(), "contribution", 30,
                "waitingDays", 0, "deductible", 1000, "bands", List.of(Map.of("ratio", 0.5)), "capPerClaim", 60000,
                "capPerPeriod", 100000)).expect(201).id();
    }

    private long enrolledMember(long plan) throws Exception {
        long member = post("/api/members", "admin", obj("name", "同意" + SEQ.incrementAndGet(), "orgId",
                orgId("厦门海沧港务有限公司工会"), "employmentForm", "EMPLOYEE")).expect(201).id();
        post(MA + "/plans/" + plan + "/enrolments", "admin", obj("memberId", member, "enrolledOn",
                today.minusDays(150).toString())).expect(201);
        return member;
    }

    private long claimsOf(long member) throws Exception {
        return get(MA + "/claims?memberId=" + member, "admin").expect(200).json().path("total").asLong();
    }

    private long orgId(String name) throws Exception {
        for (JsonNode o : get("/api/orgs?limit=500", "admin").expect(200).json().path("items")) {
            if (o.path("name").asText().startsWith(name)) {
                return o.path("id").asLong();
            }
        }
        throw new AssertionError("no organisation " + name);
    }

    /** Rows of a table, read straight from the hub's database: what was really kept, not what the API shows. */
    private long count(String table, String where) throws Exception {
        var ref = bundleContext.getServiceReferences(javax.sql.DataSource.class, "(dataSourceName=unionhub)").iterator().next();
        try (var c = bundleContext.getService(ref).getConnection(); var st = c.createStatement();
                var rs = st.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
