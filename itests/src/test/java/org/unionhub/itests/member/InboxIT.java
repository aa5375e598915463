package org.unionhub.itests.member;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.unionhub.api.notify.Message;
import org.unionhub.api.notify.Notifier;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 21, the inbox and the outbox: a module's event (a claim returned) reaches the member's inbox after its
 * commit and nobody else's; the unread count, marking read (one's own only); the shipped notifier's outbox for
 * admins only.
 */
public class InboxIT extends HubTestSupport {

    private static final String MA = "/api/mutual-aid";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Override
    protected String[] features() {
        return new String[] {"unionhub-core", "unionhub-mutualaid", "unionhub-fairs"};
    }

    @Override
    protected String[] expectedModules() {
        return new String[] {"mutualaid", "fairs"};
    }

    @Override
    protected Option[] extraOptions() {
        return new Option[] {systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("120000"),
            editConfigurationFilePut("etc/org.unionhub.fairs.cfg", "coupon.reminder.check.seconds", "5")};
    }

    @Test
    public void aReturnedClaimReachesItsMembersInboxOnly() throws Exception {
        long org = orgId("厦门海沧港务有限公司工会");
        long alice = member(org);
        long bob = member(org);
        Who a = account("inbox.a" + SEQ.incrementAndGet(), "member", null, alice);
        Who b = account("inbox.b" + SEQ.incrementAndGet(), "member", null, bob);
        assertEquals(0, send("GET", "/api/me/inbox/unread", a, null, null).expect(200).json().path("unread").asLong());

        long plan = post(MA + "/plans", "admin", obj("name", "收件箱 " + SEQ.incrementAndGet(), "kind", "INPATIENT",
                "periodStart", ago(200), "periodEnd", ago(-165), "contribution", 30, "waitingDays", 0, "deductible", 1000,
                "bands", List.of(Map.of("ratio", 0.5)), "capPerClaim", 60000, "capPerPeriod", 100000)).expect(201).id();
        post(MA + "/plans/" + plan + "/enrolments", "admin", obj("memberId", alice, "enrolledOn", ago(100))).expect(201);
        long claim = post(MA + "/claims", "admin", obj("planId", plan, "memberId", alice, "hospital", "厦门市第一医院",
                "admittedOn", ago(30), "dischargedOn", ago(20), "totalExpenses", new BigDecimal("20000.00"),
                "reimbursed", new BigDecimal("5000.00"), "consent", obj("noticeVersion", "2026-11-1", "channel", "PAPER",
                "sensitive", List.of("MEDICAL")))).expect(201).id();
        post(MA + "/claims/" + claim + "/return", "admin", obj("reason", "出院小结缺失")).expect(200);

        JsonNode message = awaitMessage(a, "mutualaid.CLAIM_RETURNED");
        assertEquals("互助理赔申请被退回", message.path("title").asText());
        assertTrue(message.toString(), message.path("body").asText().contains("第" + claim + "号"));
        assertEquals("mutualaid", message.path("module").asText());
        assertEquals(String.valueOf(claim), message.path("entityId").asText());
        assertEquals(false, message.path("read").asBoolean());
        assertEquals(1, send("GET", "/api/me/inbox/unread", a, null, null).expect(200).json().path("unread").asLong());

        // the other member sees nothing of it and cannot touch it
        assertEquals(0, send("GET", "/api/me/inbox", b, null, null).expect(200).json().path("total").asLong());
        long id = message.path("id").asLong();
        assertProblem(send("POST", "/api/me/inbox/" + id + "/read", b, obj(), null), 404, null);
        assertEquals(1, send("GET", "/api/me/inbox?unread=true", a, null, null).expect(200).json().path("total").asLong());

        send("POST", "/api/me/inbox/" + id + "/read", a, obj(), null).expect(204);
        assertEquals(0, send("GET", "/api/me/inbox/unread", a, null, null).expect(200).json().path("unread").asLong());
        JsonNode read = send("GET", "/api/me/inbox", a, null, null).expect(200).json().path("items").get(0);
        assertTrue(read.toString(), read.path("read").asBoolean() && read.hasNonNull("readAt"));
    }

    /** A coupon that expires within a day is announced once in its member's inbox (the fairs module's reminder). */
    @Test
    public void aCouponAboutToExpireIsAnnouncedOnce() throws Exception {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).withNano(0);
        long batch = post("/api/fairs/coupon-batches", "officer", obj("title", "限时券" + SEQ.incrementAndGet(), "kind",
                "THRESHOLD", "threshold", 30, "discount", 10, "quantity", 5, "perMemberLimit", 1, "validFrom",
                now.minusMinutes(5).toString(), "validTo", now.plusHours(3).toString())).expect(201).id();
        String later = post("/api/fairs/coupon-batches", "officer", obj("title", "长期券" + SEQ.incrementAndGet(), "kind",
                "THRESHOLD", "threshold", 30, "discount", 10, "quantity", 5, "perMemberLimit", 1, "validFrom",
                now.minusMinutes(5).toString(), "validTo", now.plusDays(10).toString())).expect(201).raw();
        long rider = member(orgId("海沧区新业态工会联合会"));
        Who w = account("coupon.r" + SEQ.incrementAndGet(), "member", null, rider);
        send("POST", "/api/fairs/coupon-batches/" + batch + "/claims", w, null, null).expect(201);
        send("POST", "/api/fairs/coupon-batches/" + JSON.readTree(later).path("id").asLong() + "/claims", w, null, null)
                .expect(201);
        JsonNode m = awaitMessage(w, "fairs.COUPON_EXPIRING");
        assertTrue(m.toString(), m.path("body").asText().contains("限时券") && m.path("title").asText().equals("消费券即将过期"));
        Thread.sleep(12_000); // two more checks: announced once, and the long-lived coupon not at all
        assertEquals(1, send("GET", "/api/me/inbox", w, null, null).expect(200).json().path("total").asLong());
    }

    @Test
    public void theInboxIsForMembersAndTheOutboxForAdmins() throws Exception {
        assertProblem(get("/api/me/inbox", null), 401, null);
        assertProblem(get("/api/me/inbox", "officer"), 403, null);
        assertProblem(get("/api/me/inbox?limit=0", "member"), 400, "limit");
        assertProblem(get("/api/admin/outbox", "officer"), 403, null);
        assertProblem(get("/api/admin/outbox", "member"), 403, null);
        assertProblem(get("/api/admin/outbox?channel=PIGEON", "admin"), 400, "channel");
    }

    /** The shipped notifier keeps what it sends in the outbox; the text comes from the zh-CN template. */
    @Test
    public void theShippedNotifierKeepsMessagesInTheOutbox() throws Exception {
        Notifier notifier = bundleContext.getService(bundleContext.getServiceReference(Notifier.class));
        String phone = "1390000" + String.format("%04d", SEQ.incrementAndGet());
        notifier.send(Message.sms(phone, "code.sms", Map.of("code", "123456", "minutes", "5")));
        JsonNode page = get("/api/admin/outbox?phone=" + phone, "admin").expect(200).json();
        assertEquals(page.toString(), 1, page.path("total").asLong());
        JsonNode m = page.path("items").get(0);
        assertEquals("SMS", m.path("channel").asText());
        assertEquals("code.sms", m.path("template").asText());
        assertTrue(m.toString(), m.path("text").asText().contains("验证码是123456") && m.path("text").asText().contains("5分钟"));
        assertEquals(0, get("/api/admin/outbox?phone=13900000000&channel=INBOX", "admin").expect(200).json().path("total").asLong());
    }

    private JsonNode awaitMessage(Who who, String template) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            for (JsonNode m : send("GET", "/api/me/inbox", who, null, null).expect(200).json().path("items")) {
                if (template.equals(m.path("template").asText())) {
                    return m;
                }
            }
            assertTrue("no " + template + " in the inbox after 30 s", System.currentTimeMillis() < deadline);
            Thread.sleep(200);
        }
    }

    private String ago(long days) {
        return today.minusDays(days).toString();
    }

    private long member(long org) throws Exception {
        return post("/api/members", "admin", obj("name", "收件" + SEQ.incrementAndGet(), "orgId", org, "employmentForm",
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
