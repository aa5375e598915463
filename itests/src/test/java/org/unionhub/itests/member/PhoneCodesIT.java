package org.unionhub.itests.member;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 21, identity and recovery: a member proves his phone with a one-time code read here from the outbox, sets
 * and resets his own password; codes are hashed at rest, single-use, limited in attempts and rate-limited; answers
 * never tell whether a phone is a member's; and wrong passwords typed for a member elsewhere never lock him out.
 */
public class PhoneCodesIT extends HubTestSupport {

    private static final AtomicInteger SEQ = new AtomicInteger();

    /** Lock officers after 5 failures; localhost may fail often (every test signs in from it). */
    @Override
    protected Option[] extraOptions() {
        return new Option[] {editConfigurationFilePut("etc/org.unionhub.security.cfg", "signin.lock.after", "5"),
            editConfigurationFilePut("etc/org.unionhub.security.cfg", "signin.address.free.failures", "1000"),
            systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("120000")};
    }

    @Test
    public void aMemberSetsAndResetsHisPasswordWithACodeFromHisPhone() throws Exception {
        String phone = memberAccount();
        post("/api/auth/phone/codes", null, obj("phone", phone, "purpose", "PASSWORD")).expect(202);
        String code = lastCode(phone);
        assertEquals(0, sql("SELECT COUNT(*) FROM HUB_PHONE_CODE WHERE CODE_HASH = '" + code + "'"));
        assertEquals("the code is kept hashed", 1, sql("SELECT COUNT(*) FROM HUB_PHONE_CODE WHERE PHONE = '" + phone + "'"));

        String wrong = code.equals("000000") ? "111111" : "000000";
        assertProblem(post("/api/auth/phone/password", null, obj("phone", phone, "code", wrong, "password", "Haicang-2025!x")), 422, "code");
        assertProblem(post("/api/auth/phone/password", null, obj("phone", phone, "code", code, "password", "12345678")), 422, "password");
        post("/api/auth/phone/password", null, obj("phone", phone, "code", code, "password", "Haicang-2025!x")).expect(204);
        assertEquals(201, token(phone, "Haicang-2025!x").status());
        assertProblem(post("/api/auth/phone/password", null, obj("phone", phone, "code", code, "password", "Another-2025!y")), 422, "code");

        // the forgotten password: the same way, a minute later (one code a minute per phone)
        Resp tooSoon = post("/api/auth/phone/codes", null, obj("phone", phone, "purpose", "PASSWORD"));
        assertProblem(tooSoon, 429, "phone");
        assertTrue(tooSoon.header("Retry-After") != null);
    }

    @Test
    public void aCodeDiesAfterFiveWrongTries() throws Exception {
        String phone = memberAccount();
        post("/api/auth/phone/codes", null, obj("phone", phone, "purpose", "PASSWORD")).expect(202);
        String code = lastCode(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertProblem(post("/api/auth/phone/password", null, obj("phone", phone, "code", wrong, "password", "Haicang-2025!x")), 422, "code");
        }
        assertProblem(post("/api/auth/phone/password", null, obj("phone", phone, "code", code, "password", "Haicang-2025!x")), 422, "code");
    }

    @Test
    public void answersTellNothingAndRefuseBadInput() throws Exception {
        String stranger = phone();
        post("/api/auth/phone/codes", null, obj("phone", stranger, "purpose", "PASSWORD")).expect(202);
        assertEquals("no code goes to a phone without a member's account", 0,
                get("/api/admin/outbox?phone=" + stranger, "admin").expect(200).json().path("total").asLong());
        assertProblem(post("/api/auth/phone/password", null, obj("phone", stranger, "code", "123456", "password", "Haicang-2025!x")), 422, "code");
        assertProblem(post("/api/auth/phone/codes", null, obj("phone", "12345", "purpose", "PASSWORD")), 422, "phone");
        assertProblem(post("/api/auth/phone/codes", null, obj("phone", phone(), "purpose", "LOTTERY")), 422, "purpose");
        assertProblem(post("/api/auth/phone/codes", null, obj("purpose", "JOIN")), 422, "phone");
        String joining = phone();
        post("/api/auth/phone/codes", null, obj("phone", joining, "purpose", "JOIN")).expect(202);
        assertEquals(6, lastCode(joining).length());
    }

    /** Wrong passwords for a member from another address neither lock him nor slow him; an officer is locked. */
    @Test
    public void nobodyLocksAMemberOutOfARush() throws Exception {
        String phone = memberAccount();
        for (int i = 0; i < 8; i++) {
            int status = tokenFrom("127.0.0.2", phone, "wrong-password-" + i);
            assertEquals("attempt " + i, i < 4 ? 401 : 429, status); // three free failures, then back-off
        }
        assertEquals("the member signs in from his own address at once", 201, token(phone, "secret-" + phone).status());
        assertEquals("the guessing address still waits", 429, tokenFrom("127.0.0.2", phone, "wrong-password-again"));

        String officer = "lock.officer" + SEQ.incrementAndGet();
        account(officer, "officer", orgId(), null);
        for (int failures = 0, i = 0; failures < 5; i++) {
            assertTrue("five failures within 20 attempts", i < 20);
            if (tokenFrom("127.0.0.3", officer, "wrong-password-" + i) == 401) {
                failures++;
            } else {
                Thread.sleep(1_100); // the back-off after the fourth failure is one second
            }
        }
        assertEquals("an officer's account is locked from anywhere", 429, token(officer, "secret-" + officer).status());
    }

    // ---- helpers

    private String memberAccount() throws Exception {
        long member = post("/api/members", "admin", obj("name", "验证" + SEQ.incrementAndGet(), "orgId", orgId(),
                "employmentForm", "EMPLOYEE")).expect(201).id();
        String phone = phone();
        account(phone, "member", null, member);
        return phone;
    }

    private static String phone() {
        return String.format("1370%03d%04d", ProcessHandle.current().pid() % 1000, SEQ.incrementAndGet());
    }

    private String lastCode(String phone) throws Exception {
        JsonNode page = get("/api/admin/outbox?channel=SMS&phone=" + phone, "admin").expect(200).json();
        String text = page.path("items").get(0).path("text").asText();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("验证码是(\\d{6})").matcher(text);
        assertTrue(text, m.find());
        assertNotEquals("", m.group(1));
        return m.group(1);
    }

    private Resp token(String username, String password) throws Exception {
        return post("/api/auth/token", null, obj("username", username, "password", password));
    }

    /** A sign-in sent from another loopback address: the hub sees another client. Answers the status. */
    private int tokenFrom(String localAddress, String username, String password) throws Exception {
        byte[] body = JSON.writeValueAsBytes(obj("username", username, "password", password));
        int port = Integer.parseInt(baseUrl().substring(baseUrl().lastIndexOf(':') + 1));
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(localAddress, 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/auth/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            for (int b; (b = in.read()) != -1 && b != '\n';) {
                head.write(b);
            }
            return Integer.parseInt(head.toString(StandardCharsets.US_ASCII).split(" ")[1]);
        }
    }

    private long orgId() throws Exception {
        for (JsonNode o : get("/api/orgs?limit=500", "admin").json().path("items")) {
            if (o.path("name").asText().startsWith("厦门海沧港务有限公司工会")) {
                return o.path("id").asLong();
            }
        }
        throw new AssertionError("no demo organisation");
    }

    private long sql(String query) throws Exception {
        org.osgi.framework.ServiceReference<javax.sql.DataSource> ref = bundleContext
                .getServiceReferences(javax.sql.DataSource.class, "(dataSourceName=unionhub)").iterator().next();
        try (java.sql.Connection c = bundleContext.getService(ref).getConnection(); java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
