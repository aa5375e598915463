package org.unionhub.itests.member;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.util.concurrent.atomic.AtomicInteger;

import java.util.List;

import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Option;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Issue 21, joining online through HTTP only: the public unions list and privacy notice, a union's QR token, a join
 * request proven by a phone code (refused ones leave nothing), the officer's list of his subtree, approval (member
 * and account made, the member sets his password with a code and signs in, his inbox says welcome), return with a
 * reason, a member of another union who becomes a transfer request (转会) with answers that tell nothing, and the
 * rate limit per address.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class JoinIT extends HubTestSupport {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String PORT_UNION = "厦门海沧港务有限公司工会";
    private static final String PARK_UNION = "思明区软件园工会";
    private static final String PORT_MEMBER_ID = "11010519491231002X";

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
    public void a_theJoinPageReadsUnionsAndTheNoticeWithoutSigningIn() throws Exception {
        JsonNode page = get("/api/join/unions?name=" + enc("港务"), null).expect(200).json();
        assertEquals(page.toString(), 1, page.path("total").asLong());
        JsonNode union = page.path("items").get(0);
        assertEquals(2, union.size()); // id and name, nothing else
        assertTrue(union.path("name").asText().startsWith(PORT_UNION));
        JsonNode all = get("/api/join/unions?limit=100", null).expect(200).json();
        for (JsonNode u : all.path("items")) {
            assertFalse("federations are not joined directly: " + u, u.path("name").asText().contains("区总工会"));
        }
        JsonNode notice = get("/api/join/privacy-notice", null).expect(200).json();
        // one notice text and one version: the notice store's join notice
        JsonNode stored = get("/api/notices/join", null).expect(200).json();
        assertEquals(stored.path("version").asText(), notice.path("version").asText());
        assertEquals("2026-11-1", notice.path("version").asText());
        assertEquals(stored.path("text").asText(), notice.path("text").asText());
        assertTrue(notice.toString(), notice.path("collected").toString().contains("身份证号码"));
        assertEquals("[\"ID_NUMBER\"]", notice.path("sensitive").toString());
        assertProblem(get("/api/join/unions?limit=0", null), 400, "limit");
        assertProblem(get("/api/join/codes/no-such-token", null), 404, null);
    }

    @Test
    public void b_anOfficerPrintsHisUnionsCode() throws Exception {
        long port = orgId(PORT_UNION);
        JsonNode code = get("/api/orgs/" + port + "/join-code", "officer").expect(200).json();
        String token = code.path("token").asText();
        assertTrue(code.toString(), token.length() >= 20 && code.path("path").asText().equals("/m/join?u=" + token));
        assertTrue(code.path("url").asText().endsWith("/m/join?u=" + token));
        assertEquals("the same token every time", token, get("/api/orgs/" + port + "/join-code", "admin").expect(200).json()
                .path("token").asText());
        assertProblem(get("/api/orgs/" + port + "/join-code", "siming"), 404, null);
        assertProblem(get("/api/orgs/" + port + "/join-code", "member"), 403, null);
        assertProblem(get("/api/orgs/" + orgId("海沧区总工会") + "/join-code", "officer"), 404, null);
        Resp qr = get("/api/orgs/" + port + "/join-code/qr.png", "officer").expect(200);
        assertEquals("image/png", qr.header("Content-Type"));
        assertTrue("a PNG image", qr.raw().startsWith("\uFFFDPNG") && qr.raw().contains("IHDR") && qr.raw().contains("IEND"));
        assertProblem(get("/api/orgs/" + port + "/join-code/qr.png", "siming"), 404, null);
        JsonNode union = get("/api/join/codes/" + token, null).expect(200).json();
        assertEquals(port, union.path("id").asLong());
    }

    @Test
    public void c_aJoinIsApprovedAndTheMemberSetsHisPasswordAndSignsIn() throws Exception {
        long port = orgId(PORT_UNION);
        String token = get("/api/orgs/" + port + "/join-code", "officer").expect(200).json().path("token").asText();
        String phone = phone();
        String id = idNumber();
        long before = count("SELECT COUNT(*) FROM HUB_JOIN_REQUEST");

        // refused requests keep nothing
        String code = code(phone, "JOIN");
        assertProblem(post("/api/join/requests", null, form("李骑手", id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0'),
                phone, code, token)), 422, "idNumber");
        ObjectNode noKind = form("李骑手", id, phone, code, token);
        noKind.remove("newFormKind");
        assertProblem(post("/api/join/requests", null, noKind), 422, "newFormKind");
        ObjectNode oldNotice = form("李骑手", id, phone, code, token);
        ((ObjectNode) oldNotice.path("consent")).put("noticeVersion", "2020-01");
        assertProblem(post("/api/join/requests", null, oldNotice), 422, "consent.noticeVersion");
        ObjectNode noIdConsent = form("李骑手", id, phone, code, token);
        ((ObjectNode) noIdConsent.path("consent")).remove("sensitive");
        assertProblem(post("/api/join/requests", null, noIdConsent), 422, "consent.sensitive");
        assertProblem(post("/api/join/requests", null, form("李骑手", id, phone, wrong(code), token)), 422, "code");
        assertEquals("refused requests are not stored", before, count("SELECT COUNT(*) FROM HUB_JOIN_REQUEST"));

        JsonNode receipt = post("/api/join/requests", null, form("李骑手", id, phone, code, token)).expect(202).json();
        assertEquals("RECEIVED", receipt.path("status").asText());
        assertEquals(before + 1, count("SELECT COUNT(*) FROM HUB_JOIN_REQUEST"));
        assertEquals("the ID number is sealed", 0, count("SELECT COUNT(*) FROM HUB_JOIN_REQUEST WHERE ID_SEALED LIKE '%" + id + "%'"));

        JsonNode request = find("officer", phone);
        assertEquals("PENDING", request.path("status").asText());
        assertEquals("JOIN", request.path("kind").asText());
        assertEquals("QR", request.path("source").asText());
        assertEquals("DELIVERY_RIDER", request.path("newFormKind").asText());
        assertEquals("2026-11-1", request.path("consentVersion").asText());
        assertEquals("H5", request.path("consentChannel").asText());
        assertTrue(request.path("consentAt").isTextual());
        assertEquals("**************" + id.substring(14), request.path("idNumber").asText());
        long rid = request.path("id").asLong();
        assertEquals(0, get("/api/join/requests?status=PENDING", "siming").expect(200).json().path("items").findValues("phone")
                .stream().filter(p -> p.asText().equals(phone)).count());
        assertProblem(post("/api/join/requests/" + rid + "/approve", "siming", obj()), 404, null);
        assertProblem(post("/api/join/requests/" + rid + "/approve", "member", obj()), 403, null);

        JsonNode approved = post("/api/join/requests/" + rid + "/approve", "officer", obj()).expect(200).json();
        assertEquals("APPROVED", approved.path("status").asText());
        long memberId = approved.path("memberId").asLong();
        JsonNode member = get("/api/members/" + memberId, "officer").expect(200).json();
        assertEquals("李骑手", member.path("name").asText());
        assertEquals(port, member.path("orgId").asLong());
        // the approval copied the applicant's consent into the consent store: the general one and the ID number's
        assertEquals(2, count("SELECT COUNT(*) FROM HUB_CONSENT WHERE MEMBER_ID = " + memberId + " AND PURPOSE = 'join' "
                + "AND CHANNEL = 'H5' AND NOTICE_VERSION = '2026-11-1' AND KIND IN ('GENERAL', 'ID_NUMBER') "
                + "AND GIVEN_BY = 'join-request-" + rid + "'"));
        assertProblem(post("/api/join/requests/" + rid + "/approve", "officer", obj()), 409, "status");
        assertTrue(lastText(phone).contains("入会申请已通过"));

        // the member sets his own password with a code, signs in, and reads his welcome
        String pw = code(phone, "PASSWORD");
        post("/api/auth/phone/password", null, obj("phone", phone, "code", pw, "password", "Rider-Haicang-88")).expect(204);
        Who him = new Who(phone, "Rider-Haicang-88");
        assertEquals(memberId, send("GET", "/api/accounts/me", him, null, null).expect(200).json().path("memberId").asLong());
        JsonNode inbox = awaitInbox(him, "core.JOIN_APPROVED");
        assertTrue(inbox.toString(), inbox.path("body").asText().contains("港务"));
    }

    @Test
    public void d_aRequestGoesBackWithAReason() throws Exception {
        long park = orgId(PARK_UNION);
        String phone = phone();
        post("/api/join/requests", null, picked("周程序", idNumber(), phone, code(phone, "JOIN"), park)).expect(202);
        long rid = find("siming", phone).path("id").asLong();
        assertEquals("PICKED", find("siming", phone).path("source").asText());
        assertProblem(post("/api/join/requests/" + rid + "/return", "siming", obj()), 422, "reason");
        JsonNode back = post("/api/join/requests/" + rid + "/return", "siming", obj("reason", "工作单位不在本园区")).expect(200).json();
        assertEquals("RETURNED", back.path("status").asText());
        assertEquals("工作单位不在本园区", back.path("reason").asText());
        assertTrue(lastText(phone).contains("工作单位不在本园区"));
        assertEquals(0, count("SELECT COUNT(*) FROM HUB_MEMBER WHERE PHONE = '" + phone + "'"));
    }

    /** A member of the port union asks to join the park union: a transfer, answered like any request. */
    @Test
    public void e_aMemberElsewhereBecomesATransferAndTheOldUnionIsTold() throws Exception {
        long park = orgId(PARK_UNION);
        long port = orgId(PORT_UNION);
        String phone = phone();
        String stranger = phone();
        long before = count("SELECT COUNT(*) FROM HUB_JOIN_REQUEST");
        String newcomer = post("/api/join/requests", null, picked("新人", idNumber(), stranger, code(stranger, "JOIN"), park))
                .expect(202).raw();
        String transfer = post("/api/join/requests", null, picked("陈建国", PORT_MEMBER_ID, phone, code(phone, "JOIN"), park))
                .expect(202).raw();
        assertEquals("the applicant learns nothing of his membership", newcomer, transfer);
        String other = phone();
        String again = post("/api/join/requests", null, picked("陈建国", PORT_MEMBER_ID, other, code(other, "JOIN"), park))
                .expect(202).raw();
        assertEquals("asking twice is answered alike", newcomer, again);
        assertEquals("and kept once", before + 2, count("SELECT COUNT(*) FROM HUB_JOIN_REQUEST"));

        JsonNode request = find("siming", phone);
        assertEquals("TRANSFER", request.path("kind").asText());
        assertTrue(request.path("fromOrgName").asText().startsWith(PORT_UNION));
        long members = count("SELECT COUNT(*) FROM HUB_MEMBER");
        JsonNode approved = post("/api/join/requests/" + request.path("id").asLong() + "/approve", "siming", obj()).expect(200).json();
        assertEquals("no duplicate member", members, count("SELECT COUNT(*) FROM HUB_MEMBER"));
        long memberId = approved.path("memberId").asLong();
        assertEquals(park, get("/api/members/" + memberId, "admin").expect(200).json().path("orgId").asLong());
        assertTrue(port != park);
        JsonNode told = get("/api/admin/outbox?username=officer&template=core.MEMBER_TRANSFERRED_OUT", "admin").expect(200).json();
        assertEquals(told.toString(), 1, told.path("total").asLong());
        assertTrue(told.path("items").get(0).path("text").asText().contains("陈建国"));
        // the member, already in the park union, asks again: nothing new is kept
        String mine = phone();
        assertEquals(newcomer, post("/api/join/requests", null, picked("陈建国", PORT_MEMBER_ID, mine, code(mine, "JOIN"), park))
                .expect(202).raw());
        assertEquals(before + 2, count("SELECT COUNT(*) FROM HUB_JOIN_REQUEST"));
    }

    @Test
    public void f_badListParametersAreRefused() throws Exception {
        assertProblem(get("/api/join/requests?status=MAYBE", "officer"), 400, "status");
        assertProblem(get("/api/join/requests", "member"), 403, null);
        assertProblem(get("/api/join/requests", null), 401, null);
        assertProblem(post("/api/join/requests", null, obj()), 422, "name");
    }

    /** Last: it spends what is left of this address's hourly join requests (complete forms, a wrong ID number). */
    @Test
    public void z_joinRequestsAreLimitedPerAddress() throws Exception {
        Resp r = null;
        for (int i = 0; i < 31; i++) {
            r = post("/api/join/requests", null, form("限流", "350205199001010000", "13600000000", "123456", "t"));
            if (r.status() == 429) {
                break;
            }
            assertProblem(r, 422, "idNumber");
        }
        assertEquals(429, r.status());
        assertTrue(r.header("Retry-After") != null);
    }

    // ---- helpers

    private ObjectNode form(String name, String id, String phone, String code, String token) {
        ObjectNode f = obj("name", name, "idNumber", id, "phone", phone, "code", code, "employer", "美团外卖海沧站",
                "employmentForm", "NEW_FORM", "newFormKind", "DELIVERY_RIDER", "token", token);
        f.set("consent", obj("noticeVersion", "2026-11-1", "channel", "H5", "sensitive", List.of("ID_NUMBER")));
        return f;
    }

    private ObjectNode picked(String name, String id, String phone, String code, long orgId) {
        ObjectNode f = obj("name", name, "idNumber", id, "phone", phone, "code", code, "employer", "软件园某公司",
                "employmentForm", "EMPLOYEE", "orgId", orgId);
        f.set("consent", obj("noticeVersion", "2026-11-1", "channel", "WECHAT", "sensitive", List.of("ID_NUMBER")));
        return f;
    }

    private String code(String phone, String purpose) throws Exception {
        post("/api/auth/phone/codes", null, obj("phone", phone, "purpose", purpose)).expect(202);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("验证码是(\\d{6})").matcher(lastText(phone));
        assertTrue(m.find());
        return m.group(1);
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private String lastText(String phone) throws Exception {
        return get("/api/admin/outbox?phone=" + phone, "admin").expect(200).json().path("items").get(0).path("text").asText();
    }

    private JsonNode find(String officer, String phone) throws Exception {
        for (JsonNode r : get("/api/join/requests?limit=500", officer).expect(200).json().path("items")) {
            if (phone.equals(r.path("phone").asText())) {
                return r;
            }
        }
        throw new AssertionError("no join request of " + phone + " for " + officer);
    }

    private JsonNode awaitInbox(Who who, String template) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            for (JsonNode m : send("GET", "/api/me/inbox", who, null, null).expect(200).json().path("items")) {
                if (template.equals(m.path("template").asText())) {
                    return m;
                }
            }
            assertTrue("no " + template + " after 30 s", System.currentTimeMillis() < deadline);
            Thread.sleep(200);
        }
    }

    private static String phone() {
        return String.format("1360%03d%04d", ProcessHandle.current().pid() % 1000, SEQ.incrementAndGet());
    }

    /** A valid GB 11643 number born 1990-01-01 in Xiamen, different each call. */
    private static String idNumber() {
        String body = String.format("35020519900101%03d", SEQ.incrementAndGet() % 1000);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private long orgId(String namePrefix) throws Exception {
        for (JsonNode o : get("/api/orgs?limit=500", "admin").json().path("items")) {
            if (o.path("name").asText().startsWith(namePrefix)) {
                return o.path("id").asLong();
            }
        }
        throw new AssertionError("no demo organisation " + namePrefix);
    }

    /** A count query's value, or an update's count, on the hub's own database. */
    private long count(String statement) throws Exception {
        org.osgi.framework.ServiceReference<javax.sql.DataSource> ref = bundleContext
                .getServiceReferences(javax.sql.DataSource.class, "(dataSourceName=unionhub)").iterator().next();
        try (java.sql.Connection c = bundleContext.getService(ref).getConnection(); java.sql.Statement st = c.createStatement()) {
            if (!statement.startsWith("SELECT")) {
                return st.executeUpdate(statement);
            }
            try (java.sql.ResultSet rs = st.executeQuery(statement)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
