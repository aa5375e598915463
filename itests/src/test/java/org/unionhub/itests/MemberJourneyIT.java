package org.unionhub.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 21's "done when", through the UI only, the member at 390×844 and the officers in the console: a port worker
 * joins by his union's QR link, the union's officer approves him in the console, he sets his password with a code
 * read from the outbox and signs in, claims a coupon, applies for a livestreamed fair's position with his CV and a
 * PDF, files a mutual-aid claim with a photo of the receipt; the district's reviewer returns it in the console, he
 * reads that in his inbox, adds a document and resubmits; the reviewer, the city's approver and its fund's payer
 * (three people) take it to paid in the console, and he reads the payout breakdown. Every member screen passes
 * axe-core and is checked with its text at 150 %; numbered screenshots journey-* in target/console-screenshots.
 * What officers set up beforehand (a coupon batch, a plan without a waiting period and its fund, his enrolment by
 * his union) goes through the API. The console steps are small methods so that they can follow the console's
 * screens as those are rebuilt.
 */
public class MemberJourneyIT extends BrowserIT {

    private static final String PORT_UNION = "厦门海沧港务有限公司工会";
    private static final String PASSWORD = "Porter-Haicang-66";
    private static MemberPhone phone;

    @BeforeClass
    public static void startHubAndBrowser() throws Exception {
        start("member-journey-it", "MemberJourneyIT", List.of("--profile", "all", "--region-name", "厦门市总工会"),
                false, "fairs", "jobfairs", "mutualaid");
        phone = new MemberPhone(hub, browser);
    }

    @Override
    protected String failureShot(String method) {
        return "journey-failed";
    }

    @Test
    public void aWorkerJoinsUsesTheServicesAndFollowsHisClaimUntilItIsPaid() throws Exception {
        String mobile = String.format("1381%03d%04d", ProcessHandle.current().pid() % 1000, System.nanoTime() % 10000);
        long union = orgId(PORT_UNION);
        String qr = phone.json("GET", "/api/orgs/" + union + "/join-code", "officer:officer", null).path("path").asText();
        long batch = phone.json("POST", "/api/fairs/coupon-batches", "officer:officer", batchBody()).path("id").asLong();
        long plan = planWithoutWaiting();

        // 1. joins by his union's QR link, with the privacy notice and the separate consent for his ID number
        browser.size(ConsoleBrowser.PHONE);
        browser.driver.get(hub.url(qr));
        browser.waitFor(By.id("join-form"));
        browser.until("the notice", d -> d.findElement(By.id("join-notice")).getText().contains("身份证"));
        phone.type("#join-form input[name='name']", "陈港工");
        phone.type("#join-form input[name='idNumber']", idNumber());
        phone.type("#join-form input[name='phone']", mobile);
        browser.waitFor(By.cssSelector("#join-form [data-action='send-code']")).click();
        phone.type("#join-form input[name='code']", phone.code(mobile, 0));
        phone.type("#join-form input[name='employer']", "厦门海沧港务有限公司");
        phone.tap(By.id("join-agree"));
        phone.tap(By.id("join-agree-ID_NUMBER"));
        phone.check("join");
        phone.tap(By.id("join-submit"));
        browser.waitFor(By.id("join-done"));
        phone.check("join-sent");

        // 2. his union's officer approves him in the console; he is enrolled in the plan from its start (an admin's
        // entry: only admins date an enrolment back, and his stay below began before today)
        long memberId = approveJoinInConsole(mobile);
        phone.json("POST", "/api/mutual-aid/plans/" + plan + "/enrolments", "admin:admin", "{\"memberId\":" + memberId
                + ",\"enrolledOn\":\"" + planStart() + "\"}");

        // 3. sets his password with a code to his phone and signs in
        browser.size(ConsoleBrowser.PHONE);
        browser.driver.get(hub.url("/m/password?phone=" + mobile));
        int before = phone.sms(mobile).size();
        browser.waitFor(By.cssSelector("#password-form [data-action='send-code']")).click();
        phone.type("#password-form input[name='code']", phone.code(mobile, before));
        phone.type("#password-form input[name='password']", PASSWORD);
        phone.tap(By.id("password-submit"));
        signIn(mobile);
        phone.check("home");

        // 4. claims a coupon
        phone.tap(By.cssSelector("#services [data-module='fairs']"));
        phone.tap(By.cssSelector("[data-batch='" + batch + "'] button[data-action='claim']"));
        browser.until("the batch's count goes down", d -> d.findElement(By.cssSelector("[data-batch='" + batch + "']")).getText()
                .contains("剩余 9"));
        assertEquals("his coupon", 1, mine("/api/fairs/coupons", mobile).path("items").size());
        phone.check("coupon");

        // 5. applies for a position of the livestreamed fair: search, a filter, his CV with a PDF, the CV notice
        browser.driver.get(hub.url("/m/"));
        phone.tap(By.cssSelector("#services [data-module='jobfairs']"));
        browser.waitFor(By.cssSelector("#jobfairs-fairs [data-fair]"));
        phone.check("jobfairs");
        phone.tap(By.xpath("//div[@id='jobfairs-fairs']//*[@data-fair][contains(.,'直播带岗')]"));
        browser.until("the livestream link", d -> !d.findElements(By.cssSelector("#fair-livestreams [data-livestream]")).isEmpty());
        phone.type("#jobfairs-fair .van-search input", "电焊");
        browser.driver.findElement(By.cssSelector("#jobfairs-fair .van-search input")).sendKeys(Keys.ENTER);
        browser.until("the search", d -> d.findElements(By.cssSelector("#positions [data-position]")).size() == 1);
        phone.tap(By.cssSelector("#jobfairs-fair .van-dropdown-menu__item:nth-child(2)"));
        phone.tap(By.xpath("//div[contains(@class,'van-dropdown-item__option')][contains(.,'8000')]"));
        browser.until("the welder pays 8000 or more", d -> d.findElements(By.cssSelector("#positions [data-position]")).size() == 1);
        phone.check("jobfair");
        phone.tap(By.cssSelector("#positions [data-position]"));
        browser.waitFor(By.id("apply-form"));
        assertEquals("his name, from his member record", "陈港工",
                browser.driver.findElement(By.cssSelector("#apply-form input[name='cv.name']")).getAttribute("value"));
        phone.type("#apply-form input[name='cv.experienceYears']", "3");
        phone.type("#apply-form input[name='cv.skills']", "电焊工证、叉车证");
        phone.pick("#cv-file input[type=file]", phone.pdf("cv"));
        phone.tap(By.id("cv-agree"));
        phone.check("apply");
        phone.tap(By.id("apply-submit"));
        browser.waitFor(By.cssSelector("#jobfairs-applications [data-application]"));
        assertTrue(browser.driver.findElement(By.id("jobfairs-applications")).getText().contains("已投递"));
        JsonNode application = mine("/api/jobfairs/applications", mobile).path("items").get(0);
        assertEquals("the PDF went with it", "application/pdf", application.path("attachment").path("contentType").asText());
        phone.check("applications");

        // 6. files a claim with a photo of the receipt, the claim notice and the separate consent for medical data
        browser.driver.get(hub.url("/m/"));
        phone.tap(By.xpath("//div[@id='services']//*[@data-module='mutualaid'][contains(.,'申请互助金')]"));
        browser.waitFor(By.cssSelector("#claim-enrolments [data-enrolment]"));
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
        phone.type("#claim-form input[name='hospital']", "厦门市海沧医院");
        phone.date("#claim-form input[name='admittedOn']", today.minusDays(6).toString());
        phone.date("#claim-form input[name='dischargedOn']", today.minusDays(2).toString());
        phone.type("#claim-form input[name='totalExpenses']", "8000");
        phone.type("#claim-form input[name='reimbursed']", "2000");
        phone.pick("[data-kind='INVOICE'] input[name='INVOICE']", phone.receipt("invoice", "Haicang Hospital invoice 8000.00"));
        browser.until("the photo's preview", d -> !d.findElements(By.cssSelector("[data-kind='INVOICE'] .van-uploader__preview")).isEmpty());
        phone.tap(By.id("claim-agree"));
        assertFalse("sent without the separate consent", browser.driver.findElement(By.id("claim-submit")).isEnabled());
        phone.tap(By.id("claim-agree-MEDICAL"));
        for (WebElement box : browser.driver.findElements(By.cssSelector("[id^='claim-agree-']"))) {
            if (!"true".equals(box.getAttribute("aria-checked"))) {
                phone.tap(By.id(box.getAttribute("id")));
            }
        }
        phone.check("claim-form");
        phone.tap(By.id("claim-submit"));
        browser.waitFor(By.cssSelector("#claim-documents [data-attachment]"));
        long claim = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/claims/(\\d+).*", "$1"));
        assertTrue(browser.waitFor(By.id("claim-status")).getText().contains("已提交"));
        phone.check("claim-filed");

        // 7. the district's reviewer returns it for the discharge summary
        returnClaimInConsole(claim, "请补充出院小结");

        // 8. he reads it in his inbox, opens the claim, adds the summary and resubmits
        signIn(mobile);
        phone.tap(By.id("tab-inbox"));
        By returned = By.cssSelector("#inbox [data-template='mutualaid.CLAIM_RETURNED']");
        browser.waitFor(returned);
        phone.check("inbox-returned");
        phone.tap(returned);
        assertTrue(browser.waitFor(By.id("claim-returned")).getText().contains("请补充出院小结"));
        phone.pick("[data-kind='DISCHARGE_SUMMARY'] input[name='DISCHARGE_SUMMARY']", phone.receipt("summary", "Discharge summary"));
        phone.type("#mutualaid-claim textarea[name='reason']", "已补充出院小结");
        phone.check("claim-returned");
        phone.tap(By.id("claim-resubmit"));
        browser.until("resubmitted", d -> d.findElement(By.id("claim-status")).getText().contains("已提交"));
        assertEquals(2, browser.driver.findElements(By.cssSelector("#claim-documents [data-attachment]")).size());
        phone.check("claim-resubmitted");

        // 9. review, approval and payment by three people in the console
        reviewClaimInConsole(claim);
        approveClaimInConsole(claim);
        payClaimInConsole(claim);

        // 10. he reads the payout and how it was computed: 8,000 − 2,000 reimbursed − 1,000 deductible, 50 %
        signIn(mobile);
        phone.tap(By.id("tab-inbox"));
        phone.tap(By.cssSelector("#inbox [data-template='mutualaid.CLAIM_PAID']"));
        browser.waitFor(By.id("claim-breakdown"));
        assertTrue(browser.waitFor(By.id("claim-status")).getText().contains("已支付"));
        assertTrue(browser.waitFor(By.id("claim-payout")).getText().contains("2,500.00"));
        phone.check("claim-paid");
        browser.calls();
        assertEquals("answers of 500 or more", List.of(), browser.serverErrors);
    }

    // ---- the officers' steps in the console (入会审核; mutual aid's claim page, MutualAidConsoleIT's screens)

    /** 入会审核: the union's officer approves the request of that phone; answers the new member's id. */
    private long approveJoinInConsole(String mobile) throws Exception {
        long request = requestOf(mobile).path("id").asLong();
        browser.size(ConsoleBrowser.DESKTOP);
        browser.signIn("officer", "officer");
        browser.open("/join-requests");
        // the port union's join QR code to print and put up: the link he joined by
        String link = phone.json("GET", "/api/orgs/" + orgId(PORT_UNION) + "/join-code", "officer:officer", null).path("url").asText();
        browser.waitFor(By.cssSelector("#join-code-form [data-field='orgId'] .el-select")).click();
        browser.clickOption("the option " + PORT_UNION, By.xpath("//li[contains(@class,'el-select-dropdown__item') and starts-with(normalize-space(.),'"
                + PORT_UNION + "')]"));
        browser.until("the port union's link", d -> d.findElements(By.cssSelector("#join-code-print .join-code-url")).stream()
                .anyMatch(e -> e.getText().equals(link)));
        WebElement code = browser.waitFor(By.cssSelector("#join-code-print img"));
        browser.until("the join QR code is drawn", d -> ((Number) ((JavascriptExecutor) d)
                .executeScript("return arguments[0].naturalWidth", code)).intValue() > 0);
        clickVisible(By.cssSelector("button[data-action='approve'][data-request='" + request + "']"));
        browser.confirm();
        browser.success();
        phone.shot("console-join-approved");
        browser.signOut();
        return requestOf(mobile).path("memberId").asLong();
    }

    private void returnClaimInConsole(long claim, String reason) throws Exception {
        claimStep("reviewer", claim, () -> {
            browser.waitFor(By.cssSelector("button[data-step='return']")).click();
            browser.waitFor(By.cssSelector(".el-message-box input")).sendKeys(reason);
            browser.confirm();
        }, "已退回", "console-claim-returned");
    }

    private void reviewClaimInConsole(long claim) throws Exception {
        claimStep("reviewer", claim, () -> {
            browser.waitFor(By.cssSelector("button[data-step='review']")).click();
            browser.confirm();
        }, "审核中", "console-claim-reviewed");
    }

    /** 核准 with the amount left empty: the hub's computed payout, which the member then sees broken down. */
    private void approveClaimInConsole(long claim) throws Exception {
        claimStep("approver", claim, () -> {
            browser.waitFor(By.cssSelector("button[data-step='approve']")).click();
            browser.waitFor(By.id("approve-form"));
            browser.saveButton("approve-form").click();
        }, "已核准", "console-claim-approved");
    }

    private void payClaimInConsole(long claim) throws Exception {
        claimStep("payer", claim, () -> {
            browser.waitFor(By.cssSelector("button[data-step='pay']")).click();
            browser.confirm();
        }, "已支付", "console-claim-paid");
    }

    /** One officer's step on mutual aid's claim page in the console, until its facts show the status it leads to. */
    private void claimStep(String officer, long claim, Runnable step, String status, String shot) throws Exception {
        browser.size(ConsoleBrowser.DESKTOP);
        browser.signIn(officer, officer);
        browser.open("/m/mutualaid/claims/" + claim);
        step.run();
        browser.until("claim " + claim + " " + status, d -> d.findElement(By.id("claim-facts")).getText().contains(status));
        phone.shot(shot);
        browser.signOut();
    }

    private void clickVisible(By by) {
        browser.until("a visible " + by, d -> {
            for (WebElement e : d.findElements(by)) {
                if (e.isDisplayed()) {
                    e.click();
                    return true;
                }
            }
            return false;
        });
    }

    // ---- the member's sign-in and what officers set up beforehand

    private void signIn(String mobile) {
        browser.size(ConsoleBrowser.PHONE);
        browser.driver.get(hub.url("/m/login?phone=" + mobile));
        phone.js().executeScript("sessionStorage.clear()");
        browser.driver.navigate().refresh();
        phone.type("#login-form input[name='password']", PASSWORD);
        browser.waitFor(By.id("login-submit")).click();
        browser.waitFor(By.cssSelector("#services [data-module='mutualaid']"));
    }

    private JsonNode requestOf(String mobile) throws Exception {
        for (JsonNode r : phone.json("GET", "/api/join/requests?limit=500", "officer:officer", null).path("items")) {
            if (mobile.equals(r.path("phone").asText())) {
                return r;
            }
        }
        throw new AssertionError("no join request of " + mobile);
    }

    private long orgId(String prefix) throws Exception {
        for (JsonNode o : phone.json("GET", "/api/orgs?limit=500", "admin:admin", null).path("items")) {
            if (o.path("name").asText().startsWith(prefix)) {
                return o.path("id").asLong();
            }
        }
        throw new AssertionError(prefix);
    }

    /** The region's plan for this test: no waiting period (the demo plan's 90 days would refuse a new member's stay). */
    private long planWithoutWaiting() throws Exception {
        LocalDate start = planStart();
        long plan = phone.json("POST", "/api/mutual-aid/plans", "admin:admin", "{\"name\":\"港区职工住院互助\",\"kind\":\"INPATIENT\","
                + "\"periodStart\":\"" + start + "\",\"periodEnd\":\"" + start.plusYears(1).minusDays(1) + "\",\"contribution\":30,"
                + "\"eligibleKinds\":[],\"waitingDays\":0,\"deductible\":1000,\"bands\":[{\"upTo\":50000,\"ratio\":0.5},"
                + "{\"upTo\":null,\"ratio\":0.6}],\"capPerClaim\":60000,\"capPerPeriod\":100000}").path("id").asLong();
        phone.json("POST", "/api/mutual-aid/plans/" + plan + "/fund/allocations", "admin:admin",
                "{\"amount\":50000,\"paidBy\":\"UNION\",\"payerName\":\"厦门市总工会\",\"note\":\"互助金拨款\"}");
        return plan;
    }

    private static LocalDate planStart() {
        return LocalDate.now(ZoneOffset.ofHours(8)).minusMonths(1).withDayOfMonth(1);
    }

    /** What the member's own API answers (read to check the screens, never to act). */
    private JsonNode mine(String path, String mobile) throws Exception {
        return phone.json("GET", path, mobile + ":" + PASSWORD, null);
    }

    private static String batchBody() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        return "{\"title\":\"港区集市满50减20\",\"kind\":\"THRESHOLD\",\"threshold\":50,\"discount\":20,\"quantity\":10,"
                + "\"perMemberLimit\":1,\"validFrom\":\"" + now.minusMinutes(5) + "\",\"validTo\":\"" + now.plusDays(2) + "\"}";
    }

    /** A valid GB 11643 number born 1988-03-02 in Xiamen's Haicang district, different per run. */
    private static String idNumber() {
        String body = String.format("35020519880302%03d", System.nanoTime() % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ((1 << (17 - i)) % 11);
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
