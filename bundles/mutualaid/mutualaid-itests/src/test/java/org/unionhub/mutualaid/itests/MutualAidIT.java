package org.unionhub.mutualaid.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Mutual medical aid over HTTP against the assembled hub: plans and versions, enrolment (one, CSV, JSON list),
 * claims and their refusals, review to payment, the ledger, privacy and the per-period cap under concurrency.
 */
public class MutualAidIT extends HubTestSupport {

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

    /** A small attachment limit, so that the size check needs no multi-megabyte upload. */
    @Override
    protected Option[] extraOptions() {
        return new Option[] {editConfigurationFilePut("etc/org.unionhub.mutualaid.cfg", "attachment.maxBytes", "4096"),
                // on a loaded machine Pax Exam's own 10 s wait for its probe invoker is too short
                systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("120000")};
    }

    @Test
    public void theModuleIsListedWithItsRootAndRole() throws Exception {
        JsonNode modules = get("/api/modules", null).expect(200).json();
        boolean found = false;
        for (JsonNode m : modules) {
            if ("mutualaid".equals(m.path("id").asText())) {
                found = true;
                assertEquals("/api/mutual-aid", m.path("restRoot").asText());
            }
        }
        assertTrue("mutualaid not listed: " + modules, found);
        String roles = get("/api/accounts/roles", "admin").expect(200).raw();
        assertTrue(roles, roles.contains("claims-reviewer") && roles.contains("claims-approver") && roles.contains("fund-payer"));
        assertTrue(get("/api/openapi.json", null).expect(200).json().path("paths").has("/mutual-aid/claims/{id}/approve"));
    }

    @Test
    public void enrolClaimReviewApprovePayAndTheLedgerAgrees() throws Exception {
        long plan = plan(guizhou("Ledger plan", 30));
        long member = member("EMPLOYEE", null);
        Who self = account(name("ma.self"), "member", null, member);
        Resp enrolled = post(ROOT + "/plans/" + plan + "/enrolments", "admin", obj("memberId", member, "enrolledOn", ago(150)))
                .expect(201);
        JsonNode enrolment = enrolled.json();
        assertTrue(enrolled.raw(), enrolled.raw().contains("\"contribution\":30.00"));
        assertEquals(today.minusDays(120).toString(), enrolment.path("coveredFrom").asText());
        assertProblem(post(ROOT + "/plans/" + plan + "/enrolments", "admin", obj("memberId", member)), 409, "memberId");

        // the officer of the member's district files the typical Guizhou case on his behalf
        Resp created = submit("officer", claim(plan, member, 40, 25, "600000.00", "400000.00")).expect(201);
        JsonNode claim = created.json();
        long id = claim.path("id").asLong();
        assertTrue(created.header("Location").endsWith(ROOT + "/claims/" + id));
        assertEquals("SUBMITTED", claim.path("status").asText());
        assertTrue("two decimals in JSON: " + created.raw(), created.raw().contains("\"selfPaid\":200000.00"));

        byte[] pdf = "%PDF-1.4\n% invoice\n".getBytes(StandardCharsets.US_ASCII);
        Resp invoice = upload(id, "INVOICE", "application/pdf", pdf, "officer", "officer");
        assertEquals(invoice.raw(), 201, invoice.status());
        assertEquals("application/pdf", invoice.json().path("contentType").asText());
        assertProblem(upload(id, "INVOICE", "application/octet-stream", "MZ not a pdf".getBytes(StandardCharsets.US_ASCII),
                "officer", "officer"), 422, "body");
        assertProblem(upload(id, "RECEIPT", "application/pdf", pdf, "officer", "officer"), 422, "kind");
        byte[] big = new byte[4097];
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        assertProblem(upload(id, "DISCHARGE_SUMMARY", "application/pdf", big, "officer", "officer"), 413, "body");

        // collected by the member's union, reviewed by the district, approved by the city, paid by the city's fund
        Who reviewer = reviewer("haicang", orgId("海沧区总工会"));
        Who approver = officer("approver", orgId("厦门市总工会"), "claims-approver");
        Who payer = officer("payer", orgId("厦门市总工会"), "fund-payer");
        Who ownUnion = officer("own", orgId("厦门海沧港务有限公司工会"), "claims-reviewer");
        assertProblem(post(ROOT + "/claims/" + id + "/review", "officer", obj()), 403, null);
        assertProblem(send("POST", ROOT + "/claims/" + id + "/review", ownUnion, obj(), null), 403, null);
        send("POST", ROOT + "/claims/" + id + "/review", reviewer, obj("reason", "documents complete"), null).expect(200);
        assertProblem(send("POST", ROOT + "/claims/" + id + "/approve", reviewer, obj(), null), 403, null);
        assertEquals(List.of("approve", "reject"), actions(id, approver));
        assertEquals(List.of("return", "reject"), actions(id, reviewer));
        assertProblem(send("POST", ROOT + "/claims/" + id + "/approve", approver, obj("amount", 70000), null), 422, "amount");
        assertProblem(send("POST", ROOT + "/claims/" + id + "/approve", approver, obj("amount", 50000), null), 422, "reason");
        Resp approved = send("POST", ROOT + "/claims/" + id + "/approve", approver, obj(), null).expect(200);
        JsonNode a = approved.json();
        assertEquals("APPROVED", a.path("status").asText());
        assertTrue(approved.raw(), approved.raw().contains("\"payout\":60000.00"));
        assertEquals("CAP_PER_CLAIM", a.path("breakdown").path("limitedBy").asText());
        assertEquals(0, new BigDecimal("114400.00").compareTo(a.path("breakdown").path("byBands").decimalValue()));

        // the fund holds the member's 30.00 only: no payment beyond its balance, until the city union allocates money
        assertProblem(send("POST", ROOT + "/claims/" + id + "/pay", approver, obj(), null), 403, null);
        Resp overdraw = send("POST", ROOT + "/claims/" + id + "/pay", payer, obj(), null);
        assertProblem(overdraw, 409, "payout");
        assertTrue(overdraw.raw(), overdraw.json().path("detail").asText().startsWith("FUND_BALANCE"));
        assertProblem(post(ROOT + "/plans/" + plan + "/fund/allocations", "admin", obj("amount", 100000, "paidBy", "MEMBER",
                "payerName", "x")), 422, "paidBy");
        assertProblem(send("POST", ROOT + "/plans/" + plan + "/fund/allocations", payer, obj("amount", 100000, "paidBy", "UNION",
                "payerName", "厦门市总工会"), null), 403, null);
        JsonNode allocation = post(ROOT + "/plans/" + plan + "/fund/allocations", "admin", obj("amount", 100000, "paidBy", "UNION",
                "payerName", "厦门市总工会")).expect(201).json();
        assertEquals("UNION", allocation.path("paidBy").asText());
        assertEquals(List.of("pay"), actions(id, payer));
        JsonNode paid = send("POST", ROOT + "/claims/" + id + "/pay", payer, obj(), null).expect(200).json();
        assertEquals("PAID", paid.path("status").asText());
        assertProblem(send("POST", ROOT + "/claims/" + id + "/pay", payer, obj(), null), 409, "status");
        List<String> steps = new ArrayList<>();
        for (JsonNode s : paid.path("steps")) {
            steps.add(s.path("to").asText() + " by " + s.path("by").asText());
        }
        assertEquals(List.of("SUBMITTED by officer", "UNDER_REVIEW by " + reviewer.username(),
                "APPROVED by " + approver.username(), "PAID by " + payer.username()), steps);

        // a second stay in the same period gets only what remains of the 100,000 per-period cap
        long second = submit("officer", claim(plan, member, 20, 15, "150000.00", "50000.00")).expect(201).id();
        send("POST", ROOT + "/claims/" + second + "/review", reviewer, obj(), null).expect(200);
        JsonNode b = send("POST", ROOT + "/claims/" + second + "/approve", approver, obj(), null).expect(200).json();
        assertEquals(0, new BigDecimal("40000.00").compareTo(b.path("payout").decimalValue()));
        assertEquals("CAP_PER_PERIOD", b.path("breakdown").path("limitedBy").asText());
        assertEquals(0, new BigDecimal("60000.00").compareTo(b.path("breakdown").path("approvedBefore").decimalValue()));
        send("POST", ROOT + "/claims/" + second + "/pay", payer, obj(), null).expect(200);

        JsonNode fund = get(ROOT + "/plans/" + plan + "/fund", "admin").expect(200).json();
        assertEquals(1, fund.path("contributionCount").asLong());
        assertEquals(2, fund.path("payoutCount").asLong());
        assertEquals(0, new BigDecimal("30.00").compareTo(fund.path("contributions").decimalValue()));
        assertEquals(0, new BigDecimal("100000.00").compareTo(fund.path("allocations").decimalValue()));
        assertEquals(0, new BigDecimal("100000.00").compareTo(fund.path("payouts").decimalValue()));
        assertEquals("balance = contributions + allocations − payouts", 0,
                new BigDecimal("30.00").compareTo(fund.path("balance").decimalValue()));
        JsonNode payouts = get(ROOT + "/plans/" + plan + "/ledger?kind=PAYOUT", "admin").expect(200).json();
        assertEquals("exactly one ledger entry per paid claim", 2, payouts.path("total").asLong());
        assertEquals(id, payouts.path("items").get(0).path("claimId").asLong());

        // the member reads his own claim; the read is audited
        JsonNode mine = send("GET", ROOT + "/claims/" + id, self, null, null).expect(200).json();
        assertEquals("PAID", mine.path("status").asText());
        assertEquals(1, mine.path("attachments").size());
        JsonNode reads = get("/api/audit?action=mutualaid.claim.read&entityId=" + id + "&actor=" + self.username(), "admin")
                .expect(200).json();
        assertEquals(1, reads.path("total").asLong());
        Resp doc = sendBytes("GET", ROOT + "/claims/" + id + "/attachments/" + invoice.id(), null, null, self.username(),
                self.password());
        assertEquals(200, doc.status());
        assertTrue(doc.raw().startsWith("%PDF-"));
        assertEquals("nosniff", doc.header("X-Content-Type-Options"));
        assertTrue("always a download: " + doc.header("Content-Disposition"), doc.header("Content-Disposition").startsWith("attachment"));

        JsonNode figures = get(ROOT + "/figures?planId=" + plan, "officer").expect(200).json();
        assertEquals(1, figures.path("enrolled").asLong());
        assertEquals(2, figures.path("claimsByStatus").path("PAID").asLong());
        assertEquals(0, new BigDecimal("50000.00").compareTo(figures.path("averagePayout").decimalValue()));
    }

    @Test
    public void claimsAreRefusedWithAReasonAndNothingIsWritten() throws Exception {
        long waiting = plan(guizhou("Waiting plan", 90));
        long open = plan(guizhou("Open plan", 0));
        ObjectNode gigOnly = guizhou("Riders only", 0);
        gigOnly.set("eligibleKinds", JSON.valueToTree(List.of("NEW_FORM")));
        long riders = plan(gigOnly);
        long member = member("EMPLOYEE", null);
        long stranger = member("EMPLOYEE", null);
        post(ROOT + "/plans/" + waiting + "/enrolments", "admin", obj("memberId", member, "enrolledOn", ago(30)))
                .expect(201);
        post(ROOT + "/plans/" + open + "/enrolments", "admin", obj("memberId", member, "enrolledOn", ago(100)))
                .expect(201);
        assertProblem(post(ROOT + "/plans/" + riders + "/enrolments", "admin", obj("memberId", member)), 422, "memberId");
        long claimsBefore = get(ROOT + "/claims?limit=1", "admin").json().path("total").asLong();
        long auditBefore = get("/api/audit?action=mutualaid.claim.create&limit=1", "admin").json().path("total").asLong();

        Resp inWaiting = submit("officer", claim(waiting, member, 10, 5, "20000.00", "5000.00"));
        assertProblem(inWaiting, 422, "admittedOn");
        assertTrue(inWaiting.raw(), inWaiting.json().path("detail").asText().startsWith("WAITING_PERIOD"));
        Resp notEnrolled = submit("officer", claim(open, stranger, 10, 5, "20000.00", "5000.00"));
        assertProblem(notEnrolled, 422, "admittedOn");
        assertTrue(notEnrolled.raw(), notEnrolled.json().path("detail").asText().startsWith("NOT_ENROLLED"));
        Resp tooMuch = submit("officer", claim(open, member, 10, 5, "20000.00", "20000.01"));
        assertProblem(tooMuch, 422, "reimbursed");
        assertProblem(submit("officer", claim(open, member, 5, 10, "20000.00", "5000.00")), 422, "dischargedOn");
        assertProblem(submit("officer", claim(open, member, -3, -5, "20000.00", "5000.00")), 422, "admittedOn");
        assertProblem(submit("officer", obj("planId", open, "memberId", member, "hospital", "x",
                "admittedOn", "yesterday")), 400, "admittedOn");
        assertProblem(submit("officer", obj("memberId", member)), 422, "planId");
        assertProblem(submit("officer", claim(open, member, 10, 5, "10000000000000.00", "0.00")), 422,
                "totalExpenses");
        assertProblem(submit("siming", claim(open, member, 10, 5, "20000.00", "5000.00")), 403, null);
        assertEquals("refused claims are not stored", claimsBefore, get(ROOT + "/claims?limit=1", "admin").json().path("total").asLong());
        assertEquals("nor audited", auditBefore,
                get("/api/audit?action=mutualaid.claim.create&limit=1", "admin").json().path("total").asLong());

        long first = submit("officer", claim(open, member, 30, 20, "20000.00", "5000.00")).expect(201).id();
        Resp duplicate = submit("officer", claim(open, member, 25, 22, "20000.00", "5000.00"));
        assertProblem(duplicate, 409, "admittedOn");
        assertTrue(duplicate.raw(), duplicate.json().path("detail").asText().startsWith("DUPLICATE"));

        // privacy: the member's chain with the reviewing role, the member, admins; nobody else
        Who haicang = reviewer("hc", orgId("海沧区总工会"));
        Who siming = reviewer("sm", orgId("思明区总工会"));
        send("GET", ROOT + "/claims/" + first, haicang, null, null).expect(200);
        get(ROOT + "/claims/" + first, "admin").expect(200);
        assertProblem(send("GET", ROOT + "/claims/" + first, siming, null, null), 404, null);
        assertProblem(get(ROOT + "/claims/" + first, "officer"), 404, null);
        assertProblem(get(ROOT + "/claims/" + first, "member"), 404, null);
        assertProblem(send("POST", ROOT + "/claims/" + first + "/review", siming, obj(), null), 404, null);
        assertEquals(0, send("GET", ROOT + "/claims?planId=" + open, siming, null, null).expect(200).json().path("total").asLong());
        JsonNode reads = get("/api/audit?action=mutualaid.claim.read&entityId=" + first, "admin").json();
        assertEquals("the two allowed reads are audited, the refused ones are not", 2, reads.path("total").asLong());

        // review steps need a reason where the issue says so, and respect the order of states
        Who approver = officer("hca", orgId("海沧区总工会"), "claims-approver");
        assertProblem(send("POST", ROOT + "/claims/" + first + "/approve", approver, obj(), null), 409, "status");
        assertProblem(send("POST", ROOT + "/claims/" + first + "/return", haicang, obj(), null), 422, "reason");
        send("POST", ROOT + "/claims/" + first + "/return", haicang, obj("reason", "the discharge summary is missing"), null)
                .expect(200);
        // an officer without the reviewer role may send it back for his member, but learns nothing of it (issue 14)
        JsonNode resent = post(ROOT + "/claims/" + first + "/resubmit", "officer", obj()).expect(200).json();
        assertEquals("SUBMITTED", resent.path("status").asText());
        assertFalse("no medical details for a non-reviewer: " + resent, resent.hasNonNull("hospital")
                || resent.hasNonNull("totalExpenses") || resent.hasNonNull("decisionReason") || resent.path("steps").size() > 0);
        Resp again = post(ROOT + "/claims/" + first + "/resubmit", "officer", obj());
        assertProblem(again, 409, "status");
        assertFalse("the refusal does not tell the claim's status: " + again.raw(), again.raw().contains("SUBMITTED"));
        JsonNode rejected = send("POST", ROOT + "/claims/" + first + "/reject", haicang, obj("reason", "not a hospital stay"), null)
                .expect(200).json();
        assertEquals("REJECTED", rejected.path("status").asText());
        assertEquals("a rejected claim no longer blocks its dates", 201,
                submit("officer", claim(open, member, 25, 22, "20000.00", "5000.00")).status());
    }

    @Test
    public void concurrentApprovalsCannotExceedThePerPeriodCap() throws Exception {
        ObjectNode body = guizhou("Concurrency plan", 0);
        body.put("deductible", 0);
        body.set("bands", JSON.valueToTree(List.of(Map.of("ratio", 1))));
        body.put("capPerClaim", 50000);
        body.put("capPerPeriod", 80000);
        long plan = plan(body);
        long member = member("EMPLOYEE", null);
        post(ROOT + "/plans/" + plan + "/enrolments", "admin", obj("memberId", member, "enrolledOn", ago(100)))
                .expect(201);
        Who r1 = reviewer("c1", orgId("海沧区总工会"));
        Who r2 = reviewer("c2", orgId("海沧区总工会"));
        Who a1 = officer("ca1", orgId("厦门市总工会"), "claims-approver");
        Who a2 = officer("ca2", orgId("厦门市总工会"), "claims-approver");
        Who p = officer("cp", orgId("厦门市总工会"), "fund-payer");
        List<Long> claims = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long id = submit("officer", claim(plan, member, 80 - 10 * i, 76 - 10 * i, "50000.00", "0.00"))
                    .expect(201).id();
            send("POST", ROOT + "/claims/" + id + "/review", r1, obj(), null).expect(200);
            claims.add(id);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Resp>> answers = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            long id = claims.get(i);
            Who who = i % 2 == 0 ? a1 : a2;
            Callable<Resp> approve = () -> {
                go.await();
                return send("POST", ROOT + "/claims/" + id + "/approve", who, obj(), null);
            };
            answers.add(pool.submit(approve));
        }
        go.countDown();
        BigDecimal sum = BigDecimal.ZERO;
        List<BigDecimal> payouts = new ArrayList<>();
        for (Future<Resp> f : answers) {
            Resp r = f.get();
            assertEquals(r.raw(), 200, r.status());
            payouts.add(r.json().path("payout").decimalValue());
            sum = sum.add(r.json().path("payout").decimalValue());
        }
        pool.shutdown();
        List<BigDecimal> byClaim = new ArrayList<>(payouts);
        assertEquals("approved in all: exactly the per-period cap, never more; " + payouts, 0,
                new BigDecimal("80000.00").compareTo(sum));
        payouts.sort(BigDecimal::compareTo);
        assertEquals(0, BigDecimal.ZERO.compareTo(payouts.get(0)));
        assertEquals(0, BigDecimal.ZERO.compareTo(payouts.get(1)));
        assertEquals(0, new BigDecimal("30000.00").compareTo(payouts.get(2)));
        assertEquals(0, new BigDecimal("50000.00").compareTo(payouts.get(3)));

        // a sample for a second review: every approved claim with self-paid of at least 50,000
        JsonNode sampled = send("POST", ROOT + "/claims/sample", r1, obj("planId", plan, "above", 50000), null).expect(200).json();
        assertEquals(4, sampled.path("sampled").size());
        int full = indexOf(byClaim, "50000.00");
        long fullId = claims.get(full);
        Who fullApprover = full % 2 == 0 ? a1 : a2;
        post(ROOT + "/plans/" + plan + "/fund/allocations", "admin", obj("amount", 100000, "paidBy", "UNION", "payerName",
                "厦门市总工会")).expect(201);
        assertProblem(send("POST", ROOT + "/claims/" + fullId + "/pay", p, obj(), null), 409, "secondReview");
        // the second review is a reviewer's, and not the one who reviewed the claim first
        assertProblem(send("POST", ROOT + "/claims/" + fullId + "/second-review", fullApprover, obj(), null), 403, null);
        Resp sameReviewer = send("POST", ROOT + "/claims/" + fullId + "/second-review", r1, obj(), null);
        assertProblem(sameReviewer, 403, "status");
        assertTrue(sameReviewer.raw(), sameReviewer.json().path("detail").asText().startsWith("SEPARATE_DUTIES"));
        assertEquals("CONFIRMED", send("POST", ROOT + "/claims/" + fullId + "/second-review", r2, obj(), null).expect(200)
                .json().path("secondReview").asText());
        assertProblem(send("POST", ROOT + "/claims/" + fullId + "/pay", r2, obj(), null), 403, null);
        send("POST", ROOT + "/claims/" + fullId + "/pay", p, obj(), null).expect(200);

        // the second reviewer overturns the partial approval: its amount returns to the member's period cap
        int part = indexOf(byClaim, "30000.00");
        JsonNode overturned = send("POST", ROOT + "/claims/" + claims.get(part) + "/reject", r2,
                obj("reason", "the second review found a double invoice"), null).expect(200).json();
        assertEquals("REJECTED", overturned.path("status").asText());
        assertEquals("OVERTURNED", overturned.path("secondReview").asText());
        long fifth = submit("officer", claim(plan, member, 30, 26, "50000.00", "0.00")).expect(201).id();
        send("POST", ROOT + "/claims/" + fifth + "/review", r1, obj(), null).expect(200);
        JsonNode last = send("POST", ROOT + "/claims/" + fifth + "/approve", a1, obj(), null).expect(200).json();
        assertEquals(0, new BigDecimal("30000.00").compareTo(last.path("payout").decimalValue()));
    }

    @Test
    public void onePersonNeverReviewsApprovesAndPaysTheSameClaim() throws Exception {
        long plan = plan(guizhou("Duties plan", 0));
        long member = member("EMPLOYEE", null);
        post(ROOT + "/plans/" + plan + "/enrolments", "admin", obj("memberId", member, "enrolledOn", ago(100))).expect(201);
        post(ROOT + "/plans/" + plan + "/fund/allocations", "admin", obj("amount", 200000, "paidBy", "UNION", "payerName",
                "海沧区总工会")).expect(201);
        // an officer who holds every role still takes one step of a claim
        Who all = officer("all", orgId("海沧区总工会"), "claims-reviewer", "claims-approver", "fund-payer");
        Who approver = officer("dap", orgId("厦门市总工会"), "claims-approver");
        long id = submit("officer", claim(plan, member, 40, 35, "30000.00", "10000.00")).expect(201).id();
        assertEquals(List.of("review", "return", "reject"), actions(id, all));
        send("POST", ROOT + "/claims/" + id + "/review", all, obj(), null).expect(200);
        assertEquals("a reviewer is not offered the approval", List.of("return", "reject"), actions(id, all));
        Resp own = send("POST", ROOT + "/claims/" + id + "/approve", all, obj(), null);
        assertProblem(own, 403, "status");
        assertTrue(own.raw(), own.json().path("detail").asText().startsWith("SEPARATE_DUTIES: " + all.username()
                + " did the review of claim " + id));
        send("POST", ROOT + "/claims/" + id + "/approve", approver, obj(), null).expect(200);
        assertEquals("the reviewer is not offered the payment", List.of(), actions(id, all));
        assertProblem(send("POST", ROOT + "/claims/" + id + "/pay", all, obj(), null), 403, "status");
        assertProblem(send("POST", ROOT + "/claims/" + id + "/pay", approver, obj(), null), 403, null);
        assertEquals("APPROVED", get(ROOT + "/claims/" + id, "admin").expect(200).json().path("status").asText());
        // admins too: the admin who approved a claim does not pay it
        long other = submit("officer", claim(plan, member, 20, 15, "30000.00", "10000.00")).expect(201).id();
        send("POST", ROOT + "/claims/" + other + "/review", all, obj(), null).expect(200);
        post(ROOT + "/claims/" + other + "/approve", "admin", obj()).expect(200);
        assertProblem(post(ROOT + "/claims/" + other + "/pay", "admin", obj()), 403, "status");
        Who payer = officer("dpp", orgId("厦门市总工会"), "fund-payer");
        send("POST", ROOT + "/claims/" + id + "/pay", payer, obj(), null).expect(200);
        send("POST", ROOT + "/claims/" + other + "/pay", payer, obj(), null).expect(200);
        // a payer outside the member's chain does not see the claim
        Who siming = officer("dsp", orgId("思明区总工会"), "fund-payer");
        assertProblem(send("POST", ROOT + "/claims/" + id + "/pay", siming, obj(), null), 404, null);
    }

    @Test
    public void concurrentPaymentsNeverOverdrawTheFund() throws Exception {
        ObjectNode body = guizhou("Fund plan", 0);
        body.put("deductible", 0);
        body.set("bands", JSON.valueToTree(List.of(Map.of("ratio", 1))));
        body.put("capPerClaim", 10000);
        body.put("capPerPeriod", 1000000);
        long plan = plan(body);
        Who reviewer = reviewer("fr", orgId("海沧区总工会"));
        Who approver = officer("fa", orgId("厦门市总工会"), "claims-approver");
        Who p1 = officer("fp1", orgId("厦门市总工会"), "fund-payer");
        Who p2 = officer("fp2", orgId("厦门市总工会"), "fund-payer");
        List<Long> claims = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long member = member("EMPLOYEE", null);
            post(ROOT + "/plans/" + plan + "/enrolments", "admin", obj("memberId", member, "enrolledOn", ago(100))).expect(201);
            long id = submit("officer", claim(plan, member, 40, 35, "10000.00", "0.00")).expect(201).id();
            send("POST", ROOT + "/claims/" + id + "/review", reviewer, obj(), null).expect(200);
            send("POST", ROOT + "/claims/" + id + "/approve", approver, obj(), null).expect(200);
            claims.add(id);
        }
        // six contributions of 30.00 and an allocation: 35,000.00 in the fund, enough for three payouts of 10,000
        post(ROOT + "/plans/" + plan + "/fund/allocations", "admin", obj("amount", new BigDecimal("34820.00"), "paidBy",
                "EMPLOYER", "payerName", "厦门海沧港务有限公司")).expect(201);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Resp>> answers = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            long id = claims.get(i);
            Who who = i % 2 == 0 ? p1 : p2;
            answers.add(pool.submit(() -> {
                go.await();
                return send("POST", ROOT + "/claims/" + id + "/pay", who, obj(), null);
            }));
        }
        go.countDown();
        int paid = 0;
        for (Future<Resp> f : answers) {
            Resp r = f.get();
            if (r.status() == 200) {
                paid++;
            } else {
                assertProblem(r, 409, "payout");
                assertTrue(r.raw(), r.json().path("detail").asText().startsWith("FUND_BALANCE"));
            }
        }
        pool.shutdown();
        assertEquals("exactly the payouts the balance covers", 3, paid);
        JsonNode fund = get(ROOT + "/plans/" + plan + "/fund", "admin").expect(200).json();
        assertEquals(3, fund.path("payoutCount").asLong());
        assertEquals(0, new BigDecimal("5000.00").compareTo(fund.path("balance").decimalValue()));
        assertEquals(3, get(ROOT + "/plans/" + plan + "/ledger?kind=PAYOUT", "admin").json().path("total").asLong());
        long stillApproved = 0;
        for (long id : claims) {
            if ("APPROVED".equals(get(ROOT + "/claims/" + id, "admin").json().path("status").asText())) {
                stillApproved++;
            }
        }
        assertEquals("a refused payment leaves its claim approved", 3, stillApproved);
    }

    @Test
    public void aCondolencePaymentOnADeathTheFamilyItCoversAndWhoPaidEachContribution() throws Exception {
        // an inpatient plan pays by its bands only
        ObjectNode inpatient = guizhou("Inpatient with sums", 0);
        inpatient.set("fixedSums", JSON.valueToTree(List.of(Map.of("event", "DEATH", "amount", 50000))));
        assertProblem(post(ROOT + "/plans", "admin", inpatient), 422, "fixedSums");
        // an accident plan: fixed sums on a death and a disability beside its bands, a death in the family covered too
        ObjectNode body = guizhou("Accident plan", 0);
        body.put("kind", "ACCIDENT");
        body.set("fixedSums", JSON.valueToTree(List.of(Map.of("event", "DEATH", "amount", 50000),
                Map.of("event", "DISABILITY", "amount", 20000))));
        body.set("familyCovers", JSON.valueToTree(List.of("DEATH")));
        long plan = plan(body);
        JsonNode shown = get(ROOT + "/plans/" + plan, "officer").expect(200).json();
        assertEquals(2, shown.path("fixedSums").size());
        assertEquals("DEATH", shown.path("familyCovers").get(0).asText());

        // who paid each contribution: the member by default, else his employer or a union, named
        long worker = member("EMPLOYEE", null);
        long other = member("EMPLOYEE", null);
        assertProblem(post(ROOT + "/plans/" + plan + "/enrolments", "admin", obj("memberId", worker, "enrolledOn", ago(100),
                "paidBy", "EMPLOYER")), 422, "payerName");
        post(ROOT + "/plans/" + plan + "/enrolments", "admin", obj("memberId", worker, "enrolledOn", ago(100), "paidBy", "EMPLOYER",
                "payerName", "厦门海沧港务有限公司")).expect(201);
        long otherEnrolment = post(ROOT + "/plans/" + plan + "/enrolments", "admin", obj("memberId", other, "enrolledOn",
                ago(100))).expect(201).id();
        JsonNode ledger = get(ROOT + "/plans/" + plan + "/ledger?kind=CONTRIBUTION", "admin").expect(200).json().path("items");
        assertEquals("EMPLOYER", ledger.get(0).path("paidBy").asText());
        assertEquals("厦门海沧港务有限公司", ledger.get(0).path("payerName").asText());
        assertEquals("MEMBER", ledger.get(1).path("paidBy").asText());
        post(ROOT + "/plans/" + plan + "/fund/allocations", "admin", obj("amount", 100000, "paidBy", "UNION", "payerName",
                "厦门市总工会")).expect(201);

        // a death pays the plan's fixed sum, not the bands: no stay, no expenses
        assertProblem(submit("officer", obj("planId", plan, "memberId", worker, "event", "DEATH", "occurredOn",
                ago(10), "admittedOn", ago(12))), 422, "admittedOn");
        assertProblem(submit("officer", obj("planId", plan, "memberId", worker, "event", "DEATH")), 422,
                "occurredOn");
        Resp noSum = submit("officer", obj("planId", plan, "memberId", worker, "event", "DIAGNOSIS",
                "occurredOn", ago(10)));
        assertProblem(noSum, 422, "event");
        assertTrue(noSum.raw(), noSum.json().path("detail").asText().startsWith("NO_FIXED_SUM"));
        JsonNode death = submit("officer", obj("planId", plan, "memberId", worker, "event", "DEATH", "occurredOn",
                ago(10))).expect(201).json();
        long deathId = death.path("id").asLong();
        assertEquals("DEATH", death.path("event").asText());
        assertProblem(submit("officer", obj("planId", plan, "memberId", worker, "event", "DEATH", "occurredOn",
                ago(9))), 409, "event");
        Who reviewer = reviewer("cr", orgId("海沧区总工会"));
        Who approver = officer("ca", orgId("厦门市总工会"), "claims-approver");
        Who payer = officer("cpay", orgId("厦门市总工会"), "fund-payer");
        send("POST", ROOT + "/claims/" + deathId + "/review", reviewer, obj(), null).expect(200);
        Resp approved = send("POST", ROOT + "/claims/" + deathId + "/approve", approver, obj(), null).expect(200);
        assertTrue(approved.raw(), approved.raw().contains("\"payout\":50000.00"));
        assertEquals("FIXED_SUM", approved.json().path("breakdown").path("limitedBy").asText());
        assertEquals("PAID", send("POST", ROOT + "/claims/" + deathId + "/pay", payer, obj(), null).expect(200).json()
                .path("status").asText());

        // a family member named on the other member's enrolment: his death is covered, his disability is not
        JsonNode spouse = post(ROOT + "/plans/" + plan + "/enrolments/" + otherEnrolment + "/family", "officer",
                obj("name", "李秀英", "relation", "SPOUSE")).expect(201).json();
        long spouseId = spouse.path("id").asLong();
        assertProblem(post(ROOT + "/plans/" + plan + "/enrolments/" + otherEnrolment + "/family", "officer",
                obj("name", "李秀英", "relation", "COUSIN")), 400, "relation");
        assertProblem(get(ROOT + "/plans/" + plan + "/enrolments/" + otherEnrolment + "/family", "member"), 404, null);
        Resp notCovered = submit("officer", obj("planId", plan, "memberId", other, "event", "DISABILITY",
                "occurredOn", ago(5), "familyMemberId", spouseId));
        assertProblem(notCovered, 422, "familyMemberId");
        assertTrue(notCovered.raw(), notCovered.json().path("detail").asText().startsWith("NOT_COVERED"));
        assertProblem(submit("officer", obj("planId", plan, "memberId", worker, "event", "DEATH",
                "occurredOn", ago(5), "familyMemberId", spouseId)), 422, "familyMemberId");
        JsonNode family = submit("officer", obj("planId", plan, "memberId", other, "event", "DEATH",
                "occurredOn", ago(5), "familyMemberId", spouseId)).expect(201).json();
        assertEquals(spouseId, family.path("familyMemberId").asLong());
        // a claim for another person than the member: its own duplicate check, the same fixed sum
        send("POST", ROOT + "/claims/" + family.path("id").asLong() + "/review", reviewer, obj(), null).expect(200);
        assertEquals(0, new BigDecimal("50000.00").compareTo(send("POST", ROOT + "/claims/" + family.path("id").asLong()
                + "/approve", approver, obj(), null).expect(200).json().path("payout").decimalValue()));
        JsonNode fund = get(ROOT + "/plans/" + plan + "/fund", "admin").expect(200).json();
        assertEquals(0, new BigDecimal("50000.00").compareTo(fund.path("payouts").decimalValue()));
        assertEquals(0, new BigDecimal("50060.00").compareTo(fund.path("balance").decimalValue()));
    }

    private static int indexOf(List<BigDecimal> amounts, String amount) {
        for (int i = 0; i < amounts.size(); i++) {
            if (amounts.get(i).compareTo(new BigDecimal(amount)) == 0) {
                return i;
            }
        }
        throw new AssertionError(amount + " not among " + amounts);
    }

    @Test
    public void csvBulkEnrolmentReportsEveryRowAndRerunningChangesNothing() throws Exception {
        ObjectNode body = guizhou("Bulk plan", 0);
        body.set("eligibleKinds", JSON.valueToTree(List.of("EMPLOYEE", "PRIVATE_FRONTLINE")));
        long plan = plan(body);
        String cardB = "IT-MA-B" + SEQ.incrementAndGet();
        long a = member("EMPLOYEE", null);
        long b = member("EMPLOYEE", cardB);
        long rider = member("NEW_FORM", null);
        long elsewhere = memberIn(orgId("思明区软件园工会"), "EMPLOYEE", null);
        String csv = "memberId,cardNumber,name\r\n"
                + a + ",,甲\r\n"
                + "," + cardB + ",乙\r\n"
                + rider + ",,\"骑手, rider\"\r\n"
                + "abc,,bad id\r\n"
                + ",NO-SUCH-CARD,nobody\r\n"
                + elsewhere + ",,another district\r\n"
                + a + ",,twice in one file\r\n"
                + "\r\n";
        JsonNode report = send("POST", ROOT + "/plans/" + plan + "/enrolments/bulk", Who.of("officer"), csv, "text/csv")
                .expect(200).json();
        assertEquals(7, report.path("rows").asInt());
        assertEquals(2, report.path("enrolled").asInt());
        assertEquals(1, report.path("alreadyEnrolled").asInt());
        assertEquals(4, report.path("refused").asInt());
        List<String> lines = new ArrayList<>();
        for (JsonNode r : report.path("results")) {
            lines.add(r.path("row").asInt() + " " + r.path("status").asText());
        }
        assertEquals(List.of("2 ENROLLED", "3 ENROLLED", "4 REFUSED", "5 REFUSED", "6 REFUSED", "7 REFUSED", "8 ALREADY_ENROLLED"),
                lines);
        JsonNode results = report.path("results");
        assertEquals(b, results.get(1).path("memberId").asLong());
        assertTrue(results.get(2).path("reason").asText(), results.get(2).path("reason").asText().contains("NOT_COVERED"));
        assertTrue(results.get(3).path("reason").asText().contains("not a number"));
        assertTrue(results.get(4).path("reason").asText().contains("NO-SUCH-CARD"));
        assertTrue("a member of another district reads as one that does not exist: " + results.get(5),
                results.get(5).path("reason").asText().contains("member " + elsewhere + " does not exist"));

        JsonNode again = send("POST", ROOT + "/plans/" + plan + "/enrolments/bulk", Who.of("officer"), csv, "text/csv")
                .expect(200).json();
        assertEquals("the same file twice enrols nobody twice", 0, again.path("enrolled").asInt());
        assertEquals(3, again.path("alreadyEnrolled").asInt());
        assertEquals(4, again.path("refused").asInt());
        JsonNode fund = get(ROOT + "/plans/" + plan + "/fund", "admin").expect(200).json();
        assertEquals("one contribution per enrolment", 2, fund.path("contributionCount").asLong());
        assertEquals(0, new BigDecimal("60.00").compareTo(fund.path("contributions").decimalValue()));

        ArrayNode list = JSON.createArrayNode();
        list.add(obj("memberId", b));
        list.add(obj("cardNumber", cardB));
        list.add(obj("memberId", 987654321));
        JsonNode viaJson = post(ROOT + "/plans/" + plan + "/enrolments/bulk", "officer", list).expect(200).json();
        assertEquals(2, viaJson.path("alreadyEnrolled").asInt());
        assertEquals("REFUSED", viaJson.path("results").get(2).path("status").asText());
        assertEquals(3, viaJson.path("results").get(2).path("row").asInt());

        assertProblem(send("POST", ROOT + "/plans/" + plan + "/enrolments/bulk", Who.of("officer"), "name\n张三\n", "text/csv"),
                422, "csv");
        assertProblem(send("POST", ROOT + "/plans/" + plan + "/enrolments/bulk", Who.of("officer"), "memberId\n\"1\n", "text/csv"),
                400, "csv");
        assertProblem(send("POST", ROOT + "/plans/" + plan + "/enrolments/bulk", Who.of("member"), csv, "text/csv"), 403, null);
        assertEquals(2, get(ROOT + "/plans/" + plan + "/fund", "admin").json().path("contributionCount").asLong());
    }

    @Test
    public void badPlansAreRefusedAndRulesChangeOnlyByANewVersion() throws Exception {
        int plansBefore = get(ROOT + "/plans", "admin").expect(200).json().size();
        long auditBefore = get("/api/audit?action=mutualaid.plan&limit=1", "admin").json().path("total").asLong();
        ObjectNode ratio = guizhou("Bad", 0);
        ratio.set("bands", JSON.valueToTree(List.of(Map.of("upTo", 50000, "ratio", 1.5), Map.of("ratio", 0.6))));
        assertProblem(post(ROOT + "/plans", "admin", ratio), 422, "bands[0].ratio");
        ObjectNode descending = guizhou("Bad", 0);
        descending.set("bands", JSON.valueToTree(List.of(Map.of("upTo", 50000, "ratio", 0.5), Map.of("upTo", 40000, "ratio", 0.6))));
        assertProblem(post(ROOT + "/plans", "admin", descending), 422, "bands[1].upTo");
        ObjectNode openMiddle = guizhou("Bad", 0);
        openMiddle.set("bands", JSON.valueToTree(List.of(Map.of("ratio", 0.5), Map.of("upTo", 40000, "ratio", 0.6))));
        assertProblem(post(ROOT + "/plans", "admin", openMiddle), 422, "bands[0].upTo");
        ObjectNode cap = guizhou("Bad", 0);
        cap.put("capPerClaim", 0);
        assertProblem(post(ROOT + "/plans", "admin", cap), 422, "capPerClaim");
        ObjectNode noName = guizhou(null, 0);
        assertProblem(post(ROOT + "/plans", "admin", noName), 422, "name");
        ObjectNode kind = guizhou("Bad", 0);
        kind.put("kind", "PET");
        assertProblem(post(ROOT + "/plans", "admin", kind), 400, "kind");
        ObjectNode fen = guizhou("Bad", 0);
        fen.put("contribution", new BigDecimal("30.001"));
        assertProblem(post(ROOT + "/plans", "admin", fen), 422, "contribution");
        assertProblem(post(ROOT + "/plans", "admin", "{\"name\": "), 400, "$");
        assertProblem(post(ROOT + "/plans", "officer", guizhou("Officer's", 0)), 403, null);
        assertEquals("nothing was written", plansBefore, get(ROOT + "/plans", "admin").json().size());
        assertEquals("nothing was audited", auditBefore,
                get("/api/audit?action=mutualaid.plan&limit=1", "admin").json().path("total").asLong());

        // a version from a date: claims use the version in force on their admission date
        long plan = plan(guizhou("Versioned plan", 0));
        ObjectNode v2 = obj("effectiveFrom", ago(100), "contribution", 30, "waitingDays", 0, "deductible", 1000,
                "bands", List.of(Map.of("upTo", 50000, "ratio", 0.5), Map.of("ratio", 0.6)), "capPerClaim", 30000,
                "capPerPeriod", 100000);
        JsonNode versioned = post(ROOT + "/plans/" + plan + "/versions", "admin", v2).expect(201).json();
        assertEquals(2, versioned.path("versions").size());
        assertEquals(2, versioned.path("version").asInt());
        long member = member("EMPLOYEE", null);
        post(ROOT + "/plans/" + plan + "/enrolments", "admin", obj("memberId", member, "enrolledOn", ago(190)))
                .expect(201);
        Who reviewer = reviewer("v", orgId("海沧区总工会"));
        Who approver = officer("va", orgId("厦门市总工会"), "claims-approver");
        long early = submit("officer", claim(plan, member, 150, 140, "200000.00", "100000.00")).expect(201).id();
        long late = submit("officer", claim(plan, member, 50, 40, "200000.00", "100000.00")).expect(201).id();
        for (long id : List.of(early, late)) {
            send("POST", ROOT + "/claims/" + id + "/review", reviewer, obj(), null).expect(200);
        }
        JsonNode e = send("POST", ROOT + "/claims/" + early + "/approve", approver, obj(), null).expect(200).json();
        JsonNode l = send("POST", ROOT + "/claims/" + late + "/approve", approver, obj("amount", 25000, "reason",
                "part of the stay was cosmetic"), null).expect(200).json();
        assertEquals(1, e.path("planVersion").asInt());
        assertEquals(0, new BigDecimal("54400.00").compareTo(e.path("payout").decimalValue()));
        assertEquals(2, l.path("planVersion").asInt());
        assertEquals(0, new BigDecimal("30000.00").compareTo(l.path("computedPayout").decimalValue()));
        assertEquals(0, new BigDecimal("25000.00").compareTo(l.path("payout").decimalValue()));
        assertEquals("part of the stay was cosmetic", l.path("payoutReason").asText());

        // now in use: no retroactive version, no rewrite
        v2.put("effectiveFrom", ago(1).toString());
        assertProblem(post(ROOT + "/plans/" + plan + "/versions", "admin", v2), 409, "effectiveFrom");
        assertProblem(put(ROOT + "/plans/" + plan, "admin", guizhou("Versioned plan", 0)), 409, null);
        v2.put("effectiveFrom", today.plusDays(1).toString());
        assertEquals(3, post(ROOT + "/plans/" + plan + "/versions", "admin", v2).expect(201).json().path("versions").size());
    }

    // ---- helpers

    private ObjectNode guizhou(String name, int waitingDays) {
        ObjectNode n = obj("kind", "INPATIENT", "periodStart", ago(200), "periodEnd", ago(-165),
                "contribution", 30, "waitingDays", waitingDays, "deductible", 1000,
                "bands", List.of(Map.of("upTo", 50000, "ratio", 0.5), Map.of("ratio", 0.6)),
                "capPerClaim", 60000, "capPerPeriod", 100000);
        if (name != null) {
            n.put("name", name + " " + SEQ.incrementAndGet());
        }
        return n;
    }

    /** A date as JSON text: the container has no java.time module for the test's own mapper. */
    private String ago(long days) {
        return today.minusDays(days).toString();
    }

    private long plan(ObjectNode body) throws Exception {
        Resp r = post(ROOT + "/plans", "admin", body).expect(201);
        assertNotNull(r.header("Location"));
        return r.id();
    }

    /** {@code POST /claims} as an officer enters a member's paper form: with the consent the member signed on it. */
    private Resp submit(String account, ObjectNode body) throws Exception {
        body.set("consent", obj("noticeVersion", "2026-11-1", "channel", "PAPER", "sensitive", List.of("MEDICAL")));
        return post(ROOT + "/claims", account, body);
    }

    private ObjectNode claim(long plan, long member, int admittedDaysAgo, int dischargedDaysAgo, String total, String reimbursed) {
        return obj("planId", plan, "memberId", member, "hospital", "贵州省人民医院", "admittedOn", ago(admittedDaysAgo),
                "dischargedOn", ago(dischargedDaysAgo), "totalExpenses", new BigDecimal(total), "reimbursed",
                new BigDecimal(reimbursed));
    }

    private long member(String form, String card) throws Exception {
        return memberIn(orgId("厦门海沧港务有限公司工会"), form, card);
    }

    private long memberIn(long org, String form, String card) throws Exception {
        ObjectNode body = obj("name", "互助" + SEQ.incrementAndGet(), "orgId", org, "employmentForm", form);
        if ("NEW_FORM".equals(form)) {
            body.put("newFormKind", "DELIVERY_RIDER");
        }
        if (card != null) {
            body.put("cardNumber", card);
        }
        return post("/api/members", "admin", body).expect(201).id();
    }

    private Who reviewer(String prefix, long org) throws Exception {
        return officer(prefix, org, "claims-reviewer");
    }

    /** An officer of {@code org} with the module's roles given. */
    private Who officer(String prefix, long org, String... roles) throws Exception {
        String username = name("ma." + prefix);
        List<String> all = new ArrayList<>(List.of("officer"));
        all.addAll(List.of(roles));
        post("/api/accounts", "admin", obj("username", username, "password", "secret-" + username, "roles", all, "orgId", org))
                .expect(201);
        return new Who(username, "secret-" + username);
    }

    /** The review steps the hub offers this caller on the claim now. */
    private List<String> actions(long claim, Who who) throws Exception {
        List<String> names = new ArrayList<>();
        for (JsonNode a : send("GET", ROOT + "/claims/" + claim + "/actions", who, null, null).expect(200).json().path("actions")) {
            names.add(a.asText());
        }
        return names;
    }

    private static String name(String prefix) {
        return prefix + "." + SEQ.incrementAndGet();
    }

    private long orgId(String namePrefix) throws Exception {
        for (JsonNode o : get("/api/orgs?limit=500", "admin").json().path("items")) {
            if (o.path("name").asText().startsWith(namePrefix)) {
                return o.path("id").asLong();
            }
        }
        throw new AssertionError("no demo organisation " + namePrefix);
    }

    private Resp upload(long claim, String kind, String type, byte[] content, String user, String password) throws Exception {
        return sendBytes("POST", ROOT + "/claims/" + claim + "/attachments?kind=" + kind + "&fileName=doc.pdf", content, type,
                user, password);
    }

    private Resp sendBytes(String method, String path, byte[] body, String type, String user, String password)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)));
        if (type != null) {
            b.header("Content-Type", type);
        }
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(b.method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Resp(r.statusCode(), new String(r.body(), StandardCharsets.ISO_8859_1), r.headers());
    }
}
