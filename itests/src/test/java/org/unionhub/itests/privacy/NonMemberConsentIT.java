package org.unionhub.itests.privacy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Consents of people the hub does not know as members (issue 22): a join applicant, who has no account, proves the
 * phone of his join requests with a CONSENT code to see and withdraw their consent (a pending request is withdrawn
 * with it and can no longer be approved); an account without a member record gives, sees and withdraws its own
 * consents. Nobody reaches anyone else's.
 */
public class NonMemberConsentIT extends HubTestSupport {

    private static final String NOTICE = "2026-11-1";
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Override
    protected String[] features() {
        return new String[] {"unionhub-core"};
    }

    @Override
    protected String[] expectedModules() {
        return new String[0];
    }

    @Override
    protected Option[] extraOptions() {
        return new Option[] {editConfigurationFilePut("etc/org.unionhub.security.cfg", "join.requests.per.hour", "30"),
            systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("120000")};
    }

    @Test
    public void aJoinApplicantSeesAndWithdrawsHisOwnConsent() throws Exception {
        long park = orgId("思明区软件园工会");
        String seeing = phone();
        String withdrawing = phone();
        String stranger = phone();
        apply("顾同意", seeing, park);
        apply("武撤回", withdrawing, park);
        long seen = request(withdrawing);
        long other = request(seeing);

        // he sees what he consented to with his request, and only his
        JsonNode mine = post("/api/join/consents", null, obj("phone", seeing, "code", code(seeing))).expect(200).json();
        assertEquals(mine.toString(), 1, mine.size());
        JsonNode consent = mine.get(0);
        assertEquals(other, consent.path("joinRequestId").asLong());
        assertEquals("join", consent.path("purpose").asText());
        assertEquals(NOTICE, consent.path("noticeVersion").asText());
        assertEquals("H5", consent.path("channel").asText());
        assertEquals(List.of("ID_NUMBER"), List.of(consent.path("sensitive").get(0).asText()));
        assertEquals("PENDING", consent.path("status").asText());
        assertTrue(consent.path("withdrawnAt").isNull());
        assertProblem(post("/api/join/consents", null, obj("phone", seeing, "code", "123456")), 422, "code");
        assertProblem(post("/api/join/consents", null, obj("phone", seeing)), 422, "code");

        // someone else's phone reaches no request but his own
        assertProblem(post("/api/join/consents/" + seen + "/withdraw", null, obj("phone", stranger, "code", code(stranger))),
                404, null);

        JsonNode withdrawn = post("/api/join/consents/" + seen + "/withdraw", null, obj("phone", withdrawing, "code",
                code(withdrawing))).expect(200).json();
        assertEquals("WITHDRAWN", withdrawn.path("status").asText());
        assertFalse(withdrawn.path("withdrawnAt").isNull());
        assertProblem(post("/api/join/requests/" + seen + "/approve", "siming", obj()), 409, "status");
        assertEquals("WITHDRAWN", get("/api/join/requests/" + seen, "siming").expect(200).json().path("status").asText());
        assertEquals("the other applicant's request stays", "PENDING", get("/api/join/requests/" + other, "siming")
                .expect(200).json().path("status").asText());
        assertEquals(1, get("/api/audit?action=core.consent.withdraw&entity=joinRequest&entityId=" + seen, "admin").expect(200).json()
                .path("total").asLong());
    }

    @Test
    public void anAccountWithoutAMemberRecordWithdrawsItsOwnConsent() throws Exception {
        Who account = account("nonmember" + SEQ.incrementAndGet(), "officer", orgId("思明区软件园工会"), null);
        Who another = account("nonmember" + SEQ.incrementAndGet(), "officer", orgId("思明区软件园工会"), null);
        assertEquals(0, send("GET", "/api/me/consents", account, null, null).expect(200).json().size());
        JsonNode given = send("POST", "/api/me/consents", account, obj("purpose", "jobboard", "noticeVersion", NOTICE,
                "channel", "CONSOLE", "sensitive", List.of("ID_NUMBER")), null).expect(200).json();
        assertEquals(given.toString(), 2, given.size());
        JsonNode listed = send("GET", "/api/me/consents", account, null, null).expect(200).json();
        assertEquals(2, listed.size());
        long id = listed.get(0).path("id").asLong();
        assertTrue(listed.get(0).path("memberId").isNull());
        assertEquals("account", listed.get(0).path("subjectKind").asText());
        assertEquals(account.username(), listed.get(0).path("givenBy").asText());

        assertEquals("another account sees none of them", 0, send("GET", "/api/me/consents", another, null, null).expect(200)
                .json().size());
        assertProblem(send("POST", "/api/me/consents/" + id + "/withdraw", another, null, null), 404, null);
        assertProblem(post("/api/me/consents/" + id + "/withdraw", "member", null), 404, null);
        JsonNode withdrawn = send("POST", "/api/me/consents/" + id + "/withdraw", account, null, null).expect(200).json();
        assertFalse(withdrawn.path("withdrawnAt").isNull());
        assertProblem(send("POST", "/api/me/consents/" + id + "/withdraw", account, null, null), 409, "status");
    }

    // ---- helpers

    private void apply(String name, String phone, long orgId) throws Exception {
        post("/api/auth/phone/codes", null, obj("phone", phone, "purpose", "JOIN")).expect(202);
        ObjectNode f = obj("name", name, "idNumber", idNumber(), "phone", phone, "code", lastCode(phone), "employer",
                "软件园某公司", "employmentForm", "EMPLOYEE", "orgId", orgId);
        f.set("consent", obj("noticeVersion", NOTICE, "channel", "H5", "sensitive", List.of("ID_NUMBER")));
        post("/api/join/requests", null, f).expect(202);
    }

    private long request(String phone) throws Exception {
        for (JsonNode r : get("/api/join/requests?limit=500", "siming").expect(200).json().path("items")) {
            if (phone.equals(r.path("phone").asText())) {
                return r.path("id").asLong();
            }
        }
        throw new AssertionError("no join request of " + phone);
    }

    /** A CONSENT code sent to the phone, read from the hub's outbox. */
    private String code(String phone) throws Exception {
        post("/api/auth/phone/codes", null, obj("phone", phone, "purpose", "CONSENT")).expect(202);
        return lastCode(phone);
    }

    private String lastCode(String phone) throws Exception {
        String text = get("/api/admin/outbox?phone=" + phone, "admin").expect(200).json().path("items").get(0).path("text")
                .asText();
        Matcher m = Pattern.compile("验证码是(\\d{6})").matcher(text);
        assertTrue(m.find());
        return m.group(1);
    }

    private static String phone() {
        return String.format("1370%03d%04d", ProcessHandle.current().pid() % 1000, SEQ.incrementAndGet());
    }

    /** A valid GB 11643 number born 1991-02-03 in Xiamen, different each call. */
    private static String idNumber() {
        String body = String.format("35020519910203%03d", SEQ.incrementAndGet() % 1000);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        return body + "10X98765432".charAt(sum % 11);
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
