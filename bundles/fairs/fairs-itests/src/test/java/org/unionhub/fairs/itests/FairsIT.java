package org.unionhub.fairs.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.unionhub.api.validation.CreditCode;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fairs module against the real distribution: the stall rush (64 merchants for 30 stalls), the waitlist and
 * its promotion, offers, the coupon rush (300 members for 100 coupons), redemption, figures and bad input.
 */
public class FairsIT extends HubTestSupport {

    private static final AtomicInteger CODES = new AtomicInteger(1000);

    @Override
    protected String[] features() {
        return new String[] {"unionhub-core", "unionhub-fairs"};
    }

    @Override
    protected String[] expectedModules() {
        return new String[] {"fairs"};
    }

    @Test
    public void sixtyFourMerchantsRushThirtyStalls() throws Exception {
        long fair = openFair("海沧区工会集市 IT rush", 30, null);
        List<Callable<Resp>> rush = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            ObjectNode body = application("商家 " + i, creditCode(), i % 2 == 0);
            rush.add(() -> send("POST", "/api/fairs/" + fair + "/applications", null, body, null));
        }
        List<JsonNode> answers = new ArrayList<>();
        for (Resp r : concurrently(rush)) {
            assertEquals(r.raw(), 201, r.status());
            answers.add(exact(r));
        }
        Set<Integer> stalls = new HashSet<>();
        List<JsonNode> waitlisted = new ArrayList<>();
        for (JsonNode a : answers) {
            assertFalse(a.path("withdrawalToken").asText().isEmpty());
            if ("ALLOCATED".equals(a.path("status").asText())) {
                assertTrue("two merchants got stall " + a.path("stallNumber"), stalls.add(a.path("stallNumber").asInt()));
                assertTrue(a.path("waitlistPosition").isNull());
                assertEquals(a.path("offersMemberDiscount").asBoolean() ? "0.00" : "150.00", money(a.path("fee")));
            } else {
                assertEquals("WAITLISTED", a.path("status").asText());
                assertTrue(a.path("stallNumber").isNull());
                waitlisted.add(a);
            }
        }
        assertEquals("stalls allocated", 30, stalls.size());
        assertEquals(range(1, 30), new TreeSet<>(stalls));
        assertEquals(34, waitlisted.size());
        // places follow the order of arrival, which is the order of the ids the database gave out
        waitlisted.sort(Comparator.comparingLong(a -> a.path("id").asLong()));
        for (int i = 0; i < waitlisted.size(); i++) {
            assertEquals(i + 1, waitlisted.get(i).path("waitlistPosition").asInt());
        }

        JsonNode f = get("/api/fairs/" + fair, null).expect(200).json();
        assertEquals(30, f.path("stallsTaken").asInt());
        assertEquals(0, f.path("stallsFree").asInt());
        assertEquals(34, f.path("waitlisted").asInt());
        assertEquals("REGISTRATION_OPEN", f.path("state").asText());

        // the same credit code twice for one fair
        JsonNode first = answers.get(0);
        assertProblem(post("/api/fairs/" + fair + "/applications", null,
                application("again", first.path("creditCode").asText(), false)), 409, "creditCode");

        // withdrawing an allocated stall promotes place 1 onto it
        JsonNode leaving = answers.stream().filter(a -> "ALLOCATED".equals(a.path("status").asText())).findFirst().orElseThrow();
        String path = "/api/fairs/" + fair + "/applications/" + leaving.path("id").asLong();
        assertProblem(post(path + "/withdraw", null, obj("withdrawalToken", "not-the-token")), 403, null);
        JsonNode withdrawn = post(path + "/withdraw", null, obj("withdrawalToken", leaving.path("withdrawalToken").asText()))
                .expect(200).json();
        assertEquals("WITHDRAWN", withdrawn.path("status").asText());
        assertTrue(withdrawn.path("stallNumber").isNull());
        assertProblem(post(path + "/withdraw", null, obj("withdrawalToken", leaving.path("withdrawalToken").asText())), 409, "status");

        JsonNode promoted = get("/api/fairs/" + fair + "/applications/" + waitlisted.get(0).path("id").asLong(), "officer")
                .expect(200).json();
        assertEquals("ALLOCATED", promoted.path("status").asText());
        assertEquals(leaving.path("stallNumber").asInt(), promoted.path("stallNumber").asInt());
        JsonNode second = getWithToken("/api/fairs/" + fair + "/applications/" + waitlisted.get(1).path("id").asLong(),
                waitlisted.get(1).path("withdrawalToken").asText());
        assertEquals("the line moved up", 1, second.path("waitlistPosition").asInt());
        assertEquals(404, get("/api/fairs/" + fair + "/applications/" + waitlisted.get(1).path("id").asLong(), null).status());

        JsonNode list = get("/api/fairs/" + fair + "/applications?status=ALLOCATED&limit=100", "officer").expect(200).json();
        assertEquals(30, list.path("total").asInt());
        JsonNode stats = get("/api/fairs/" + fair + "/stats", "officer").expect(200).json();
        assertEquals(30, stats.path("stallsAllocated").asInt());
        assertEquals(33, stats.path("stallsWaitlisted").asInt());
        assertEquals(30, stats.path("merchants").asInt());
        assertTrue(stats.path("feesWaived").asInt() > 0);
        assertEquals("promotion is audited", 1, get("/api/audit?entity=application&entityId=" + promoted.path("id").asLong(),
                "admin").json().path("items").findValues("action").stream()
                .filter(a -> a.asText().equals("fairs.application.promote")).count());
    }

    @Test
    public void aFreedStallIsOfferedWhenTheFairHasAnOfferWindowAndRejectionFreesToo() throws Exception {
        long fair = openFair("IT offers", 1, 2);
        JsonNode a = post("/api/fairs/" + fair + "/applications", null, application("甲", creditCode(), true)).expect(201).json();
        JsonNode b = post("/api/fairs/" + fair + "/applications", null, application("乙", creditCode(), false)).expect(201).json();
        JsonNode c = post("/api/fairs/" + fair + "/applications", null, application("丙", creditCode(), false)).expect(201).json();
        assertEquals("ALLOCATED", a.path("status").asText());
        assertEquals(1, b.path("waitlistPosition").asInt());
        assertEquals(2, c.path("waitlistPosition").asInt());

        String base = "/api/fairs/" + fair + "/applications/";
        post(base + a.path("id").asLong() + "/withdraw", "officer", obj()).expect(200);
        JsonNode offered = getWithToken(base + b.path("id").asLong(), b.path("withdrawalToken").asText());
        assertEquals("OFFERED", offered.path("status").asText());
        assertEquals(1, offered.path("stallNumber").asInt());
        OffsetDateTime expires = OffsetDateTime.parse(offered.path("offerExpiresAt").asText());
        assertTrue(expires.isAfter(OffsetDateTime.now().plusMinutes(110)));
        assertProblem(post(base + c.path("id").asLong() + "/accept", null,
                obj("withdrawalToken", c.path("withdrawalToken").asText())), 409, "status");
        JsonNode accepted = post(base + b.path("id").asLong() + "/accept", null,
                obj("withdrawalToken", b.path("withdrawalToken").asText())).expect(200).json();
        assertEquals("ALLOCATED", accepted.path("status").asText());

        // an officer rejects with a reason; the stall goes to the next in line as an offer
        assertProblem(post(base + b.path("id").asLong() + "/reject", "officer", obj()), 422, "reason");
        assertProblem(post(base + b.path("id").asLong() + "/reject", null, obj("reason", "x")), 401, null);
        JsonNode rejected = post(base + b.path("id").asLong() + "/reject", "officer", obj("reason", "食品经营许可证过期"))
                .expect(200).json();
        assertEquals("REJECTED", rejected.path("status").asText());
        assertEquals("OFFERED", get(base + c.path("id").asLong(), "officer").json().path("status").asText());
    }

    @Test
    public void registrationOutsideItsWindowIsRefused() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        long fair = post("/api/fairs", "officer", fairBody("IT later", 10, null, now.plusDays(1), now.plusDays(2)))
                .expect(201).id();
        assertEquals("PLANNED", get("/api/fairs/" + fair, null).json().path("state").asText());
        assertProblem(post("/api/fairs/" + fair + "/applications", null, application("早鸟", creditCode(), true)), 409, null);
        JsonNode planned = get("/api/fairs?state=PLANNED&limit=500", null).expect(200).json();
        assertTrue(planned.path("items").findValues("id").stream().anyMatch(id -> id.asLong() == fair));
        assertProblem(get("/api/fairs?state=SOMETIME", null), 400, "state");
        assertProblem(get("/api/fairs?from=22-03-2025", null), 400, "from");

        post("/api/fairs/" + fair + "/close", "officer", null).expect(200);
        assertEquals("CLOSED", get("/api/fairs/" + fair, null).json().path("state").asText());
        assertProblem(post("/api/fairs/" + fair + "/close", "officer", null), 409, null);
        assertProblem(post("/api/fairs/" + fair + "/close", "siming", null), 403, null);
    }

    @Test
    public void threeHundredMembersRushOneHundredCoupons() throws Exception {
        long org = orgId("海沧区新业态工会联合会");
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Who>> made = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int n = i;
            made.add(pool.submit(() -> {
                long member = post("/api/members", "admin", obj("name", "骑手" + n, "orgId", org, "employmentForm", "NEW_FORM",
                        "newFormKind", "DELIVERY_RIDER")).expect(201).id();
                return account("rider" + n, "member", null, member);
            }));
        }
        List<Who> members = new ArrayList<>();
        for (Future<Who> f : made) {
            members.add(f.get(120, TimeUnit.SECONDS));
        }
        long batch = batch(100, 1);

        List<Callable<Resp>> rush = new ArrayList<>();
        for (Who m : members) {
            rush.add(() -> send("POST", "/api/fairs/coupon-batches/" + batch + "/claims", m, null, null));
        }
        Set<String> codes = new HashSet<>();
        int refused = 0;
        for (Resp r : concurrently(rush)) {
            if (r.status() == 201) {
                assertTrue("duplicate code", codes.add(r.json().path("code").asText()));
                assertTrue(r.header("Location").endsWith("/api/fairs/coupons/" + r.json().path("code").asText()));
            } else {
                assertProblem(r, 409, null);
                refused++;
            }
        }
        pool.shutdown();
        assertEquals(100, codes.size());
        assertEquals(200, refused);
        JsonNode b = get("/api/fairs/coupon-batches/" + batch, null).expect(200).json();
        assertEquals(100, b.path("claimed").asInt());
        assertEquals(0, b.path("remaining").asInt());

        // a member claiming twice: the second is refused by the per-member limit
        long other = batch(10, 1);
        Who rider = members.get(0);
        send("POST", "/api/fairs/coupon-batches/" + other + "/claims", rider, null, null).expect(201);
        assertProblem(send("POST", "/api/fairs/coupon-batches/" + other + "/claims", rider, null, null), 409, "memberId");
        assertEquals(1, get("/api/fairs/coupon-batches/" + other, null).json().path("claimed").asInt());
    }

    /**
     * Issue 19: a percentage batch (7.5折, saving capped at 20) for delivery riders only, released at a set time: nobody
     * claims before it; then riders rushing it get exactly its size and couriers are refused; the saving is split
     * between the sponsor and the union in the spend report; a monthly batch repeats with its dates moved on.
     */
    @Test
    public void aRidersOnlyPercentBatchOpensAtItsReleaseAndSellsExactlyItsSize() throws Exception {
        long org = orgId("海沧区新业态工会联合会");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Who>> made = new ArrayList<>();
        for (int i = 0; i < 28; i++) {
            int n = i;
            String kind = i < 24 ? "DELIVERY_RIDER" : "COURIER";
            made.add(pool.submit(() -> {
                long member = post("/api/members", "admin", obj("name", "充电骑手" + n, "orgId", org, "employmentForm", "NEW_FORM",
                        "newFormKind", kind)).expect(201).id();
                return account("pct-" + kind.toLowerCase() + n, "member", null, member);
            }));
        }
        List<Who> riders = new ArrayList<>();
        List<Who> couriers = new ArrayList<>();
        for (int i = 0; i < made.size(); i++) {
            (i < 24 ? riders : couriers).add(made.get(i).get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime release = now.plusSeconds(15);
        ObjectNode body = obj("title", "骑手充电+洗车+体检 7.5折", "kind", "PERCENT", "rate", 0.75, "cap", 20, "quantity", 16,
                "perMemberLimit", 1, "validFrom", now.minusMinutes(5).toString(), "validTo", now.plusDays(1).toString(),
                "newFormKinds", List.of("DELIVERY_RIDER"), "releaseAt", release.toString(), "sponsor", "建设银行", "unionShare", 0.5);
        long batch = post("/api/fairs/coupon-batches", "officer", body).expect(201).id();
        JsonNode terms = get("/api/fairs/coupon-batches/" + batch + "/terms", null).expect(200).json();
        assertEquals("0.75", terms.path("rate").decimalValue().stripTrailingZeros().toPlainString());
        assertEquals("DELIVERY_RIDER", terms.path("newFormKinds").get(0).asText());
        assertEquals("建设银行", terms.path("sponsor").asText());

        String claims = "/api/fairs/coupon-batches/" + batch + "/claims";
        assertProblem(send("POST", claims, riders.get(0), null, null), 409, "releaseAt");
        long wait = release.toInstant().toEpochMilli() - System.currentTimeMillis() + 300;
        assertTrue("the release was still ahead when the early claim was refused", wait > 0);
        Thread.sleep(wait);

        List<Callable<Resp>> rush = new ArrayList<>();
        for (Who w : riders) {
            rush.add(() -> send("POST", claims, w, null, null));
        }
        for (Who w : couriers) {
            rush.add(() -> send("POST", claims, w, null, null));
        }
        List<Resp> answers = concurrently(rush);
        List<String> codes = new ArrayList<>();
        int full = 0;
        for (int i = 0; i < answers.size(); i++) {
            Resp r = answers.get(i);
            if (i >= riders.size()) {
                assertProblem(r, 403, null);
            } else if (r.status() == 201) {
                codes.add(r.json().path("code").asText());
            } else {
                assertProblem(r, 409, null);
                full++;
            }
        }
        assertEquals(16, new HashSet<>(codes).size());
        assertEquals(8, full);
        JsonNode b = exact(get("/api/fairs/coupon-batches/" + batch, null));
        assertEquals(16, b.path("claimed").asInt());
        assertEquals(0, b.path("remaining").asInt());
        assertEquals("PERCENT", b.path("kind").asText());

        // 7.5折: 100.00 would save 25.00, capped at 20.00; 40.00 saves 10.00
        Who merchant = account("pct-shop-" + CODES.incrementAndGet(), "merchant", null, null);
        assertEquals("20.00", money(exact(send("POST", "/api/fairs/coupons/" + codes.get(0) + "/redeem", merchant,
                obj("orderAmount", 100), null).expect(200)).path("discountGranted")));
        assertEquals("10.00", money(exact(send("POST", "/api/fairs/coupons/" + codes.get(1) + "/redeem", merchant,
                obj("orderAmount", 40), null).expect(200)).path("discountGranted")));
        String today = now.toLocalDate().toString();
        JsonNode spend = exact(get("/api/fairs/coupon-spend?from=" + today + "&to=" + today, "officer").expect(200));
        JsonNode line = null;
        for (JsonNode l : spend.path("batches")) {
            if (l.path("batchId").asLong() == batch) {
                line = l;
            }
        }
        assertNotNull(spend.toString(), line);
        assertEquals(2, line.path("redeemed").asInt());
        assertEquals("30.00", money(line.path("discountTotal")));
        assertEquals("15.00", money(line.path("unionCost")));
        assertEquals("15.00", money(line.path("sponsorCost")));
        assertEquals("110.00", money(line.path("memberPaid")));
        assertProblem(get("/api/fairs/coupon-spend?from=" + today, "officer"), 422, "to");
        assertProblem(get("/api/fairs/coupon-spend?from=" + today + "&to=" + today, "member"), 403, null);

        // Qingdao's monthly batches: one per month, released and valid a month apart
        ObjectNode monthly = obj("title", "加油满200减30", "kind", "THRESHOLD", "threshold", 200, "discount", 30, "quantity", 20000,
                "validFrom", now.toString(), "validTo", now.plusDays(20).toString(), "releaseAt", now.toString(), "months", 3);
        long first = post("/api/fairs/coupon-batches", "officer", monthly).expect(201).id();
        JsonNode third = get("/api/fairs/coupon-batches/" + (first + 2) + "/terms", null).expect(200).json();
        assertEquals(first, third.path("seriesId").asLong());
        assertEquals(3, third.path("seriesMonth").asInt());
        assertEquals(now.plusMonths(2).toInstant(), OffsetDateTime.parse(third.path("releaseAt").asText()).toInstant());
        assertEquals(now.plusMonths(2).toInstant(), OffsetDateTime.parse(get("/api/fairs/coupon-batches/" + (first + 2), null)
                .json().path("validFrom").asText()).toInstant());

        ObjectNode noRate = body.deepCopy();
        noRate.remove("rate");
        assertProblem(post("/api/fairs/coupon-batches", "officer", noRate), 422, "rate");
        ObjectNode badRate = body.deepCopy();
        badRate.put("rate", 1.2);
        assertProblem(post("/api/fairs/coupon-batches", "officer", badRate), 422, "rate");
        ObjectNode badGroup = body.deepCopy();
        badGroup.putArray("newFormKinds").add("ASTRONAUT");
        assertProblem(post("/api/fairs/coupon-batches", "officer", badGroup), 400, null);
    }

    /** Issue 14 row 3: coupons stay in their district; a merchant redeems as the merchant he signed in as. */
    @Test
    public void couponsStayInTheirDistrictAndMerchantsAreBoundToTheirAccount() throws Exception {
        long batch = batch(5, 2);
        String code = post("/api/fairs/coupon-batches/" + batch + "/claims", "member", null).expect(201).json().path("code").asText();
        assertTrue("the Haicang officer sees his member's coupon",
                get("/api/fairs/coupons?limit=500", "officer").expect(200).raw().contains(code));
        assertFalse("the Siming officer does not", get("/api/fairs/coupons?limit=500", "siming").expect(200).raw().contains(code));
        assertProblem(get("/api/fairs/coupons/" + code, "siming"), 404, null);
        assertProblem(post("/api/fairs/coupons/" + code + "/redeem", "siming", obj("orderAmount", 50)), 404, null);

        String shopCode = creditCode();
        ObjectNode bound = batchBody(5, 1);
        bound.put("merchantCreditCode", shopCode);
        long boundBatch = post("/api/fairs/coupon-batches", "officer", bound).expect(201).id();
        assertTrue("the public listing leaves the merchant out",
                get("/api/fairs/coupon-batches/" + boundBatch, null).expect(200).json().path("merchantCreditCode").isNull());
        String boundCode = post("/api/fairs/coupon-batches/" + boundBatch + "/claims", "member", null).expect(201).json()
                .path("code").asText();
        Who other = account("shop-" + CODES.incrementAndGet(), "merchant", null, null);
        assertProblem(send("POST", "/api/fairs/coupons/" + boundCode + "/redeem", other,
                obj("orderAmount", 50, "merchantCreditCode", shopCode), null), 422, "merchantCreditCode");
        Who shop = account(shopCode.toLowerCase(), "merchant", null, null);
        JsonNode done = send("POST", "/api/fairs/coupons/" + boundCode + "/redeem", shop, obj("orderAmount", 50), null)
                .expect(200).json();
        assertEquals(shopCode, done.path("merchantCreditCode").asText());
    }

    @Test
    public void aMerchantRedeemsACodeOnce() throws Exception {
        long batch = batch(5, 2);
        String first = post("/api/fairs/coupon-batches/" + batch + "/claims", "member", null).expect(201).json().path("code").asText();
        String second = post("/api/fairs/coupon-batches/" + batch + "/claims", "member", null).expect(201).json().path("code").asText();
        assertProblem(post("/api/fairs/coupon-batches/" + batch + "/claims", "member", null), 409, "memberId");
        assertProblem(post("/api/fairs/coupon-batches/" + batch + "/claims", "officer", obj()), 422, "memberId");
        assertProblem(post("/api/fairs/coupon-batches/" + batch + "/claims", null, null), 401, null);

        Who merchant = account("shop-" + CODES.incrementAndGet(), "merchant", null, null);
        String redeem = "/api/fairs/coupons/" + first + "/redeem";
        assertProblem(post(redeem, "member", obj("orderAmount", 50)), 403, null);
        assertProblem(send("POST", redeem, merchant, obj("orderAmount", -5), null), 422, "orderAmount");
        assertProblem(send("POST", redeem, merchant, obj("orderAmount", 29.99), null), 422, "orderAmount");
        JsonNode done = exact(send("POST", redeem, merchant, obj("orderAmount", 35.5), null).expect(200));
        assertEquals("20.00", money(done.path("discountGranted")));
        assertEquals("35.50", money(done.path("orderAmount")));
        assertNotNull(done.path("redeemedAt").asText(null));
        assertProblem(send("POST", redeem, merchant, obj("orderAmount", 35.5), null), 409, "code");
        assertProblem(send("POST", "/api/fairs/coupons/NOSUCHCODE00/redeem", merchant, obj("orderAmount", 40), null), 404, null);
        send("POST", "/api/fairs/coupons/" + second.toLowerCase() + "/redeem", merchant, obj("orderAmount", 30), null).expect(200);

        JsonNode b = exact(get("/api/fairs/coupon-batches/" + batch, null));
        assertEquals(2, b.path("redeemed").asInt());
        assertEquals("40.00", money(b.path("discountGranted")));
        assertTrue(get("/api/fairs/coupons", "member").json().path("total").asInt() >= 2);
    }

    @Test
    public void figuresAddUpForAFairAndTheRegion() throws Exception {
        long fair = openFair("IT figures", 5, null);
        post("/api/fairs/" + fair + "/applications", null, application("惠民超市", creditCode(), true)).expect(201);
        post("/api/fairs/" + fair + "/applications", null, application("普通商家", creditCode(), false)).expect(201);
        OffsetDateTime slot = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.HOURS);
        post("/api/fairs/" + fair + "/visits", "officer", obj("slotStart", slot.toString(), "slotEnd", slot.plusHours(1).toString(),
                "visits", 7000)).expect(201);
        post("/api/fairs/" + fair + "/visits", "officer", obj("slotStart", slot.plusHours(1).toString(),
                "slotEnd", slot.plusHours(2).toString(), "visits", 3000)).expect(201);
        post("/api/fairs/" + fair + "/sales", "officer", obj("merchant", "惠民超市", "amount", 1234.5)).expect(201);
        post("/api/fairs/" + fair + "/sales", "officer", obj("merchant", "普通商家", "amount", 100)).expect(201);
        JsonNode s = exact(get("/api/fairs/" + fair + "/stats", "officer").expect(200));
        assertEquals(10000, s.path("visits").asLong());
        assertEquals("1334.50", money(s.path("turnover")));
        assertEquals(2, s.path("merchants").asInt());
        assertEquals(1, s.path("feesWaived").asInt());
        assertEquals("150.00", money(s.path("feesWaivedAmount")));
        assertEquals("150.00", money(s.path("feesDue")));
        assertEquals(2, s.path("visitsBySlot").size());
        assertProblem(get("/api/fairs/" + fair + "/stats", null), 401, null);
        assertProblem(get("/api/fairs/" + fair + "/stats", "siming"), 403, null);

        String year = Integer.toString(OffsetDateTime.now().getYear());
        JsonNode sum = get("/api/fairs/summary?from=" + (Integer.parseInt(year) - 1) + "-01-01&to=" + (Integer.parseInt(year) + 1)
                + "-12-31", "admin").expect(200).json();
        assertTrue(sum.path("fairs").asInt() >= 2); // the demo fair and this one at least
        assertTrue(sum.path("visits").asLong() >= 10000);
        assertProblem(get("/api/fairs/summary?from=2025-12-31&to=2025-01-01", "admin"), 422, "to");
    }

    @Test
    public void badInputIsRefusedNamingTheFieldAndWritesNothing() throws Exception {
        long fair = openFair("IT bad input", 3, null);
        long fairsBefore = get("/api/fairs?limit=1", null).json().path("total").asLong();
        long batchesBefore = get("/api/fairs/coupon-batches?limit=1", null).json().path("total").asLong();

        assertProblem(post("/api/fairs/" + fair + "/applications", null, application("坏码", "91350200MA2XYK1230", true)),
                422, "creditCode");
        assertProblem(post("/api/fairs/" + fair + "/applications", null, "{\"companyName\": "), 400, null);
        assertProblem(post("/api/fairs/" + fair + "/applications", null, obj("companyName", "x", "creditCode", creditCode(),
                "contact", "c", "category", "food", "offersMemberDiscount", "perhaps")), 400, null);
        assertEquals(0, get("/api/fairs/" + fair + "/stats", "officer").json().path("stallsAllocated").asInt());
        assertEquals(0, get("/api/fairs/" + fair + "/applications", "officer").json().path("total").asInt());

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode backwards = fairBody("IT backwards", 10, null, now, now.plusDays(1));
        backwards.put("endsAt", now.plusDays(1).toString());
        backwards.put("startsAt", now.plusDays(3).toString());
        assertProblem(post("/api/fairs", "officer", backwards), 422, "endsAt");
        ObjectNode negative = fairBody("IT negative", 0, null, now, now.plusDays(1));
        negative.put("stallFeePerDay", -150);
        Resp r = post("/api/fairs", "officer", negative);
        assertProblem(r, 422, "stallCount");
        assertProblem(r, 422, "stallFeePerDay");
        assertProblem(post("/api/fairs", "member", fairBody("IT member", 3, null, now, now.plusDays(1))), 403, null);

        ObjectNode coupon = batchBody(100, 1);
        coupon.put("discount", 30);
        assertProblem(post("/api/fairs/coupon-batches", "officer", coupon), 422, "discount");
        ObjectNode negativeQuantity = batchBody(-1, 1);
        assertProblem(post("/api/fairs/coupon-batches", "officer", negativeQuantity), 422, "quantity");
        assertProblem(post("/api/fairs/" + fair + "/sales", "officer", obj("merchant", "x", "amount", -1)), 422, "amount");
        assertProblem(post("/api/fairs/" + fair + "/visits", "officer", obj("slotStart", now.toString(),
                "slotEnd", now.minusHours(1).toString(), "visits", -3)), 422, "slotEnd");

        assertEquals(fairsBefore, get("/api/fairs?limit=1", null).json().path("total").asLong());
        assertEquals(batchesBefore, get("/api/fairs/coupon-batches?limit=1", null).json().path("total").asLong());
        assertEquals("0.00", money(exact(get("/api/fairs/" + fair + "/stats", "officer")).path("turnover")));
        assertEquals(404, get("/api/fairs/999999", null).status());
    }

    @Test
    public void theModuleDeclaresTheMerchantRoleAndSeedsADemoFair() throws Exception {
        JsonNode modules = get("/api/modules", null).expect(200).json();
        assertEquals("ACTIVE", modules.get(0).path("state").asText());
        assertEquals("/api/fairs", modules.get(0).path("restRoot").asText());
        JsonNode fairs = exact(get("/api/fairs?limit=500", null).expect(200));
        JsonNode demo = null;
        for (JsonNode f : fairs.path("items")) {
            if (f.path("name").asText().startsWith("海沧区工会集市·春季")) {
                demo = f;
            }
        }
        assertNotNull("demo fair: " + fairs, demo);
        assertEquals(30, demo.path("stallCount").asInt());
        // the demo fair sets no fee, and a union fair's default is none: 免摊位费
        assertEquals("0.00", money(demo.path("stallFeePerDay")));
        JsonNode batches = exact(get("/api/fairs/coupon-batches?fairId=" + demo.path("id").asLong(), null));
        assertEquals("20.00", money(batches.path("items").get(0).path("discount")));
        JsonNode doc = get("/api/openapi.json", null).expect(200).json();
        assertTrue(doc.path("paths").has("/fairs/{id}/applications"));
        assertTrue(doc.path("paths").has("/fairs/coupon-batches/{id}/claims"));
    }

    // ---- helpers

    private static final com.fasterxml.jackson.databind.ObjectMapper EXACT = com.fasterxml.jackson.databind.json.JsonMapper
            .builder().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true)).build();

    /** The body with numbers kept as written, so that money shows its two decimals. */
    private static JsonNode exact(Resp r) throws Exception {
        return EXACT.readTree(r.raw());
    }

    private static String money(JsonNode n) {
        return n.decimalValue().toPlainString();
    }

    private long openFair(String name, int stalls, Integer offerWindowHours) throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        return post("/api/fairs", "officer", fairBody(name, stalls, offerWindowHours, now.minusHours(1), now.plusDays(1)))
                .expect(201).id();
    }

    private static ObjectNode fairBody(String name, int stalls, Integer offerWindowHours, OffsetDateTime opens,
            OffsetDateTime closes) {
        OffsetDateTime starts = closes.plusDays(1).withHour(9).withMinute(0).withSecond(0);
        ObjectNode body = obj("name", name, "theme", "工会惠工", "venue", "海沧区文化中心", "startsAt", starts.toString(),
                "endsAt", starts.plusHours(9).toString(), "stallCount", stalls, "registrationOpensAt", opens.toString(),
                "registrationClosesAt", closes.toString(), "sections", List.of("特惠购物", "法律援助"),
                "stallFeePerDay", 150);
        if (offerWindowHours != null) {
            body.put("offerWindowHours", offerWindowHours);
        }
        return body;
    }

    private long batch(int quantity, int perMemberLimit) throws Exception {
        return post("/api/fairs/coupon-batches", "officer", batchBody(quantity, perMemberLimit)).expect(201).id();
    }

    private static ObjectNode batchBody(int quantity, int perMemberLimit) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        return obj("title", "满30减20", "kind", "THRESHOLD", "threshold", 30, "discount", 20, "quantity", quantity,
                "perMemberLimit", perMemberLimit, "validFrom", now.minusMinutes(5).toString(),
                "validTo", now.plusDays(1).toString());
    }

    private static ObjectNode application(String company, String creditCode, boolean discount) {
        return obj("companyName", company, "creditCode", creditCode, "contact", "陈先生 13800000000", "category", "餐饮",
                "offersMemberDiscount", discount);
    }

    /** A fresh, valid unified social credit code. */
    private static String creditCode() {
        String body = "91350200MA" + String.format("%07d", CODES.incrementAndGet());
        return body + CreditCode.checkCharacter(body);
    }

    /** A GET with the applicant's secret token in the X-Withdrawal-Token header. */
    private JsonNode getWithToken(String path, String token) throws Exception {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path))
                .header("X-Withdrawal-Token", token);
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(b.GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(r.body(), 200, r.statusCode());
        return JSON.readTree(r.body());
    }

    private static List<Resp> concurrently(List<Callable<Resp>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Resp> out = new ArrayList<>();
            for (Future<Resp> f : pool.invokeAll(calls, 180, TimeUnit.SECONDS)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Set<Integer> range(int from, int to) {
        Set<Integer> s = new TreeSet<>();
        for (int i = from; i <= to; i++) {
            s.add(i);
        }
        return s;
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
