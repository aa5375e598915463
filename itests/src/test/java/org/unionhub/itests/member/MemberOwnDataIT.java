package org.unionhub.itests.member;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 21, rights: every member endpoint serves the caller's own data only. Two demo members (the rider
 * {@code member} and the port worker {@code porter}) each get something in every module through the member API,
 * then each list shows only his own and each of the other's records answers 404; the model worker reads his own
 * record, titles, history and subsidies, masked, and nobody else has one to read.
 */
public class MemberOwnDataIT extends HubTestSupport {

    @Override
    protected String[] features() {
        return new String[] {"unionhub-core", "unionhub-fairs", "unionhub-jobfairs", "unionhub-recuperation",
            "unionhub-mutualaid", "unionhub-modelworkers"};
    }

    @Override
    protected String[] expectedModules() {
        return new String[] {"fairs", "jobfairs", "recuperation", "mutualaid", "modelworkers"};
    }

    @Override
    protected Option[] extraOptions() {
        return new Option[] {systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("120000")};
    }

    @Test
    public void neitherMemberSeesTheOthersAnything() throws Exception {
        long rider = memberId("member");
        long porter = memberId("porter");
        assertTrue(rider != porter);

        // fairs: a coupon each, from the demo batch
        long batch = openBatch();
        String riderCode = post("/api/fairs/coupon-batches/" + batch + "/claims", "member", null).expect(201).json()
                .path("code").asText();
        String porterCode = post("/api/fairs/coupon-batches/" + batch + "/claims", "porter", null).expect(201).json()
                .path("code").asText();
        ownOnly("/api/fairs/coupons?limit=500", "member", rider, "memberId");
        ownOnly("/api/fairs/coupons?limit=500", "porter", porter, "memberId");
        JsonNode mine = get("/api/fairs/coupons/" + riderCode, "member").expect(200).json();
        assertTrue("a redeemable code for the QR at the stall", mine.path("code").asText().equals(riderCode)
                && mine.has("validTo") && mine.has("redeemedAt"));
        assertProblem(get("/api/fairs/coupons/" + riderCode, "porter"), 404, null);
        assertProblem(get("/api/fairs/coupons/" + porterCode, "member"), 404, null);

        // job fairs: an application each
        long position = openPosition();
        long riderApp = post("/api/jobfairs/positions/" + position + "/applications", "member", cv("王磊")).expect(201).id();
        long porterApp = post("/api/jobfairs/positions/" + position + "/applications", "porter", cv("陈建国")).expect(201).id();
        ownOnly("/api/jobfairs/applications?limit=500", "member", rider, "memberId");
        ownOnly("/api/jobfairs/applications?limit=500", "porter", porter, "memberId");
        get("/api/jobfairs/applications/" + riderApp, "member").expect(200);
        assertProblem(get("/api/jobfairs/applications/" + riderApp, "porter"), 404, null);
        assertProblem(get("/api/jobfairs/applications/" + porterApp, "member"), 404, null);

        // recuperation: a request each for a place
        long programme = get("/api/recuperation/programmes?limit=1", "member").expect(200).json().path("items").get(0)
                .path("id").asLong();
        long riderAsk = post("/api/recuperation/requests", "member", obj("programmeId", programme, "note", "想去", "consent", obj("noticeVersion",
                "2026-11-1", "channel", "H5", "sensitive", List.of("MEDICAL")))).expect(201).id();
        post("/api/recuperation/requests", "porter", obj("programmeId", programme, "consent", obj("noticeVersion", "2026-11-1",
                "channel", "H5"))).expect(201);
        ownOnly("/api/recuperation/requests?limit=500", "member", rider, "memberId");
        ownOnly("/api/recuperation/requests?limit=500", "porter", porter, "memberId");
        // a union books both on one trip: each traveller sees his own place and subsidy, not the other's
        long org = get("/api/members/" + rider, "admin").expect(200).json().path("orgId").asLong();
        long together = post("/api/recuperation/bookings", "admin", obj("programmeId", programme, "organiserOrgId", org,
                "memberIds", List.of(rider, porter))).expect(201).id();
        assertEquals(2, get("/api/recuperation/bookings/" + together, "admin").expect(200).json().path("memberIds").size());
        for (String user : List.of("member", "porter")) {
            long self = user.equals("member") ? rider : porter;
            JsonNode seen = get("/api/recuperation/bookings/" + together, user).expect(200).json();
            assertEquals(user + " sees himself only: " + seen, "[" + self + "]", seen.path("memberIds").toString());
            assertEquals(1, seen.path("subsidyPerMember").size());
            assertEquals(self, seen.path("subsidyPerMember").get(0).path("memberId").asLong());
            for (JsonNode b : get("/api/recuperation/bookings?limit=500", user).expect(200).json().path("items")) {
                assertEquals(user + "'s list shows his own place only: " + b, "[" + self + "]", b.path("memberIds").toString());
                assertTrue(b.path("subsidyPerMember").findValues("memberId").stream().allMatch(m -> m.asLong() == self));
            }
        }
        assertTrue(riderAsk > 0);

        // mutual aid: the demo members' enrolments and claims
        ownOnly("/api/mutual-aid/claims?limit=500", "member", rider, "memberId");
        ownOnly("/api/mutual-aid/claims?limit=500", "porter", porter, "memberId");
        for (JsonNode claim : get("/api/mutual-aid/claims?limit=500", "porter").json().path("items")) {
            assertProblem(get("/api/mutual-aid/claims/" + claim.path("id").asLong(), "member"), 404, null);
        }
        for (JsonNode plan : get("/api/mutual-aid/plans", "member").expect(200).json()) {
            ownOnly("/api/mutual-aid/plans/" + plan.path("id").asLong() + "/enrolments?limit=500", "member", rider, "memberId");
            ownOnly("/api/mutual-aid/plans/" + plan.path("id").asLong() + "/enrolments?limit=500", "porter", porter, "memberId");
        }

        // model workers: the porter is the demo national model worker
        JsonNode own = get("/api/model-workers/me", "porter").expect(200).json();
        assertEquals(porter, own.path("record").path("memberId").asLong());
        assertEquals("陈建国", own.path("record").path("name").asText());
        assertTrue("masked: " + own.path("record").path("idNumber"), own.path("record").path("idNumber").asText().startsWith("*"));
        assertTrue("no birth year for the member app", own.path("record").path("birthYear").isNull()
                || own.path("record").path("birthYear").isMissingNode());
        assertTrue(own.path("subsidies").size() >= 1);
        assertTrue(own.path("record").path("titles").isArray() && own.path("history").isArray());
        JsonNode none = get("/api/model-workers/me", "member").expect(200).json();
        assertTrue("the rider is no model worker: " + none, none.path("record").isNull() && none.path("subsidies").size() == 0);
        assertProblem(get("/api/model-workers/me", "officer"), 403, null);
        assertProblem(get("/api/model-workers/records", "porter"), 403, null);
    }

    /** Every item of the list at {@code path} belongs to member {@code self}, and the list is not empty. */
    private void ownOnly(String path, String who, long self, String field) throws Exception {
        JsonNode items = get(path, who).expect(200).json().path("items");
        List<Long> others = new ArrayList<>();
        for (JsonNode i : items) {
            if (i.path(field).asLong() != self) {
                others.add(i.path("id").asLong());
            }
        }
        assertTrue(who + " sees others' items " + others + " at " + path, others.isEmpty());
    }

    private long memberId(String account) throws Exception {
        return get("/api/accounts/me", account).expect(200).json().path("memberId").asLong();
    }

    private long openBatch() throws Exception {
        for (JsonNode b : get("/api/fairs/coupon-batches?limit=50", "member").expect(200).json().path("items")) {
            if (b.path("remaining").asInt() > 2 && b.path("perMemberLimit").asInt() >= 1) {
                return b.path("id").asLong();
            }
        }
        throw new AssertionError("no open demo coupon batch");
    }

    private long openPosition() throws Exception {
        for (JsonNode f : get("/api/jobfairs?limit=50", null).expect(200).json().path("items")) {
            JsonNode p = get("/api/jobfairs/" + f.path("id").asLong() + "/positions?limit=1", null).expect(200).json().path("items");
            if (p.size() > 0) {
                return p.get(0).path("id").asLong();
            }
        }
        throw new AssertionError("no demo position");
    }

    private static JsonNode cv(String name) {
        return obj("cv", obj("name", name, "phone", "13800000003", "education", "SENIOR_HIGH", "experienceYears", 3,
                "skills", "电焊, 叉车", "expectedSalary", 9000), "consent", obj("noticeVersion", "2026-11-1", "channel", "H5"));
    }
}
