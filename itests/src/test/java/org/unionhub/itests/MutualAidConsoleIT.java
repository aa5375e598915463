package org.unionhub.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Mutual aid through the console only: the administrator creates a plan (a double click making one), edits it,
 * enrols a member picked by name, another from a pasted list, names a covered spouse, publishes a new version and
 * puts money into the fund; the district officer enters two paper claims with the member's consent and the invoice;
 * the district reviewer returns one for documents, adds the discharge summary, resubmits and takes it for review;
 * the administrator samples it for a second review; the city approver approves less than computed with a reason; the
 * administrator confirms the second review; the city payer pays it after a confirmation and the fund and its ledger
 * move; on a phone the reviewer rejects the other claim. Each step is offered only to the account the separation of
 * duties allows. axe-core and the no-codes walk on each screen; screenshots in target/console-screenshots.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class MutualAidConsoleIT extends BrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String PLAN = "职工住院医疗互助 " + System.nanoTime() % 100000;
    private static final String FIRST = "厦门市中医院";
    private static final String SECOND = "厦门长庚医院";
    private static Path invoice;
    private static String claimPath;

    @BeforeClass
    public static void startHubAndBrowser() throws Exception {
        start("mutualaid-console-it", "MutualAidConsoleIT", List.of("--profile", "all", "--region-name", "厦门市总工会"),
                true, "mutualaid");
        invoice = Files.createTempFile("invoice", ".pdf");
        Files.write(invoice, "%PDF-1.4\n% scanned invoice\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    protected String failureShot(String method) {
        return "failed-mutualaid-" + method;
    }

    @Test
    public void a_theAdministratorCreatesAPlanEnrolsMembersAndFundsIt() throws Exception {
        browser.size(ConsoleBrowser.DESKTOP);
        browser.signIn("admin", "admin");
        browser.open("/m/mutualaid");
        browser.waitFor(By.cssSelector("#plans .el-table__row"));
        checkScreen("mutualaid-plans");
        browser.waitFor(By.cssSelector("button[data-action='create-plan']")).click();
        browser.fill("plan-form", "name", PLAN);
        browser.choose("plan-form", "kind", "住院医疗");
        browser.fill("plan-form", "periodStart", TODAY.minusDays(200).toString(), "periodEnd", TODAY.plusDays(165).toString(),
                "contribution", "30", "waitingDays", "30", "deductible", "1000", "band-0-upTo", "50000", "band-0-percent", "50");
        browser.waitFor(By.cssSelector("button[data-action='add-band']")).click();
        browser.fill("plan-form", "band-1-percent", "60", "capPerClaim", "60000", "capPerPeriod", "100000");
        browser.shot("mutualaid-plan-create");
        assertEquals("the plan dialog: " + browser.axe(), List.of(), browser.axe());
        new Actions(browser.driver).doubleClick(browser.saveButton("plan-form")).perform();
        assertTrue(browser.waitFor(By.id("plan-title")).getText().contains(PLAN));
        assertEquals("one plan for a double click", 1, plans(PLAN));
        browser.calls();
        List<String> sent = browser.headers.get("POST /api/mutual-aid/plans");
        assertTrue("the create carries an Idempotency-Key: " + sent, sent != null && sent.contains("idempotency-key"));

        // nobody enrolled yet: the plan may be rewritten
        browser.waitFor(By.cssSelector("button[data-action='edit-plan']")).click();
        browser.fill("plan-form", "contribution", "40");
        browser.saveButton("plan-form").click();
        browser.until("the new contribution is shown", d -> d.findElement(By.id("plan-facts")).getText().contains("¥40.00"));

        // a member picked by name (backdated: the administrator's), another from a pasted list of card numbers
        browser.waitFor(By.cssSelector("button[data-action='enrol']")).click();
        pickMember("enrol-form", "陈建国");
        browser.fill("enrol-form", "enrolledOn", TODAY.minusDays(200).toString());
        browser.shot("mutualaid-enrol");
        assertEquals("the enrol dialog: " + browser.axe(), List.of(), browser.axe());
        new Actions(browser.driver).doubleClick(browser.saveButton("enrol-form")).perform();
        browser.until("the member is enrolled", d -> d.findElement(By.id("enrolments")).getText().contains("陈建国"));
        browser.waitFor(By.cssSelector("button[data-action='bulk']")).click();
        browser.type("bulk-form", "csv", "XM-0002");
        browser.saveButton("bulk-form").click();
        browser.until("the report names the member", d -> d.findElement(By.id("bulk-report")).getText().contains("林晓燕"));
        browser.shot("mutualaid-bulk-report");
        browser.waitFor(By.xpath("//div[contains(@class,'el-dialog')][.//*[@id='bulk-report']]//button[normalize-space(.)='关闭']")).click();
        browser.until("two enrolled", d -> d.findElement(By.id("enrolments")).getText().contains("林晓燕"));

        // his spouse covered through his enrolment
        browser.waitFor(By.xpath("//tr[contains(@class,'el-table__row')][contains(.,'陈建国')]//button[@data-action='family']")).click();
        browser.fill("family-form", "name", "李秀英");
        browser.choose("family-form", "relation", "配偶");
        browser.saveButton("family-form").click();
        browser.until("the spouse is listed", d -> d.findElement(By.id("family")).getText().contains("李秀英"));
        browser.waitFor(By.xpath("//div[contains(@class,'el-dialog')][.//*[@id='family']]//button[normalize-space(.)='关闭']")).click();

        // in use now: new rules only as a version from tomorrow on
        assertTrue("no rewrite once in use", browser.driver.findElements(By.cssSelector("button[data-action='edit-plan']")).isEmpty());
        browser.waitFor(By.cssSelector("button[data-action='new-version']")).click();
        browser.fill("plan-form", "effectiveFrom", TODAY.plusDays(1).toString(), "contribution", "45");
        browser.saveButton("plan-form").click();
        browser.until("two versions", d -> d.findElement(By.id("versions")).getText().contains("第 2 版"));
        checkScreen("mutualaid-plan");

        // the city federation puts money into the fund
        browser.open("/m/mutualaid/fund");
        browser.choose("ma-fund-plan", "plan", PLAN);
        browser.waitFor(By.cssSelector("button[data-action='allocate']")).click();
        browser.fill("allocation-form", "amount", "100000");
        browser.choose("allocation-form", "paidBy", "工会");
        browser.fill("allocation-form", "payerName", "厦门市总工会", "note", "年度统筹拨入");
        browser.saveButton("allocation-form").click();
        browser.until("the balance holds the allocation", d -> d.findElement(By.cssSelector("[data-stat='balance']")).getText()
                .contains("¥100,080.00"));
        browser.until("the ledger lists the contributions", d -> d.findElement(By.id("ledger")).getText().contains("林晓燕"));
        checkScreen("mutualaid-fund-admin");
        browser.calls();
        assertEquals("no 5xx", List.of(), browser.serverErrors);
        browser.signOut();
    }

    @Test
    public void b_theDistrictOfficerEntersTwoPaperClaimsWithTheConsentAndTheInvoice() throws Exception {
        browser.size(ConsoleBrowser.DESKTOP);
        browser.signIn("officer", "officer");
        browser.open("/m/mutualaid/claims");
        browser.waitFor(By.id("claims-collect"));
        checkScreen("mutualaid-claims-officer");
        enterClaim(FIRST, TODAY.minusDays(20), TODAY.minusDays(12), "80000", "30000", true);
        enterClaim(SECOND, TODAY.minusDays(60), TODAY.minusDays(55), "6000", "2000", false);
        JsonNode claims = JSON.readTree(hub.send("GET", "/api/mutual-aid/claims?limit=200&status=SUBMITTED", "admin:admin", null).body())
                .path("items");
        int first = 0;
        for (JsonNode c : claims) {
            first += c.path("hospital").asText().equals(FIRST) ? 1 : 0;
        }
        assertEquals("one claim for a double click: " + claims, 1, first);
        browser.calls();
        List<String> sent = browser.headers.get("POST /api/mutual-aid/claims");
        assertTrue("the claim carries an Idempotency-Key: " + sent, sent != null && sent.contains("idempotency-key"));
        assertEquals("no 5xx", List.of(), browser.serverErrors);
        browser.signOut();
    }

    @Test
    public void c_theReviewerReturnsItForDocumentsResubmitsAndTakesItForReview() throws Exception {
        browser.size(ConsoleBrowser.DESKTOP);
        browser.signIn("reviewer", "reviewer");
        browser.open("/m/mutualaid/claims?status=SUBMITTED");
        browser.until("both claims queue", d -> d.findElement(By.id("claims")).getText().contains(SECOND)
                && d.findElement(By.id("claims")).getText().contains(FIRST));
        checkScreen("mutualaid-claims-reviewer");
        browser.waitFor(By.xpath("//tr[contains(@class,'el-table__row')][contains(.,'" + FIRST + "')]//button[@data-action='open']")).click();
        browser.waitFor(By.cssSelector("button[data-step='return']")).click();
        browser.waitFor(By.cssSelector(".el-message-box input")).sendKeys("请补交出院小结");
        browser.confirm();
        browser.until("returned", d -> d.findElement(By.id("claim-facts")).getText().contains("已退回"));
        claimPath = browser.driver.getCurrentUrl();
        // the paper discharge summary arrives: scanned in, then the claim goes back into the queue
        browser.choose("document-form", "kind", "出院小结");
        attach("#document-form [data-field='file'] input[type=file]");
        browser.waitFor(By.cssSelector("#document-form button[data-action='upload']")).click();
        browser.until("two documents", d -> d.findElement(By.id("attachments")).getText().contains("出院小结"));
        browser.waitFor(By.cssSelector("button[data-step='resubmit']")).click();
        browser.waitFor(By.cssSelector(".el-message-box input")).sendKeys("已补交出院小结");
        browser.confirm();
        browser.waitFor(By.cssSelector("button[data-step='review']")).click();
        browser.confirm();
        browser.until("under review", d -> d.findElement(By.id("claim-facts")).getText().contains("审核中"));
        assertTrue("the reviewer is not offered the approval", browser.driver.findElements(By.cssSelector("[data-step='approve']")).isEmpty());
        checkScreen("mutualaid-claim-reviewed");
        browser.calls();
        assertEquals("no 5xx", List.of(), browser.serverErrors);
        browser.signOut();

        // the administrator marks the plan's unpaid claims above ¥10,000 self-paid for a second review
        browser.signIn("admin", "admin");
        browser.open("/m/mutualaid/claims");
        browser.waitFor(By.cssSelector("button[data-action='sample']")).click();
        browser.choose("sample-form", "planId", PLAN);
        browser.fill("sample-form", "above", "10000");
        browser.saveButton("sample-form").click();
        browser.waitFor(By.xpath("//*[contains(@class,'el-message')][contains(.,'抽中 1 件')]"));
        browser.signOut();
    }

    @Test
    public void d_theApproverApprovesLessWithAReasonTheAdministratorConfirmsAndThePayerPays() throws Exception {
        browser.size(ConsoleBrowser.DESKTOP);
        browser.signIn("approver", "approver");
        browser.driver.get(claimPath);
        browser.waitFor(By.cssSelector("button[data-step='approve']")).click();
        WebElement dialog = browser.waitFor(By.id("approve-form"));
        assertTrue("the computed payout and its breakdown: " + dialog.getText(), dialog.getText().contains("¥24,500.00"));
        browser.fill("approve-form", "amount", "20000", "reason", "部分自费药品不在互助范围");
        browser.shot("mutualaid-approve");
        assertEquals("the approve dialog: " + browser.axe(), List.of(), browser.axe());
        browser.saveButton("approve-form").click();
        browser.until("approved", d -> d.findElement(By.id("claim-facts")).getText().contains("已核准"));
        String facts = browser.driver.findElement(By.id("claim-facts")).getText();
        assertTrue(facts, facts.contains("¥20,000.00") && facts.contains("部分自费药品不在互助范围"));
        assertTrue("the approver is not offered the payment", browser.driver.findElements(By.cssSelector("[data-step='pay']")).isEmpty());
        checkScreen("mutualaid-claim-approved");
        browser.signOut();

        browser.signIn("admin", "admin");
        browser.driver.get(claimPath);
        browser.waitFor(By.cssSelector("button[data-step='second-review']")).click();
        browser.confirm();
        browser.until("confirmed", d -> d.findElement(By.id("claim-facts")).getText().contains("复核确认"));
        assertTrue("one step a person: no payment for the second reviewer", browser.driver.findElements(By.cssSelector("[data-step='pay']")).isEmpty());
        browser.signOut();

        browser.signIn("payer", "payer");
        browser.open("/m/mutualaid/fund");
        browser.choose("ma-fund-plan", "plan", PLAN);
        browser.until("the balance before", d -> d.findElement(By.cssSelector("[data-stat='balance']")).getText().contains("¥100,080.00"));
        browser.driver.get(claimPath);
        browser.waitFor(By.cssSelector("button[data-step='pay']")).click();
        WebElement question = browser.waitFor(By.cssSelector(".el-message-box"));
        assertTrue(question.getText(), question.getText().contains("¥20,000.00") && question.getText().contains("陈建国"));
        browser.shot("mutualaid-pay-confirm");
        browser.confirm();
        browser.until("paid", d -> d.findElement(By.id("claim-facts")).getText().contains("已支付"));
        browser.waitFor(By.id("claim-no-step"));
        checkScreen("mutualaid-claim-paid");
        browser.open("/m/mutualaid/fund");
        browser.choose("ma-fund-plan", "plan", PLAN);
        browser.until("the balance after", d -> d.findElement(By.cssSelector("[data-stat='balance']")).getText().contains("¥80,080.00"));
        checkScreen("mutualaid-fund");
        browser.signOut();

        browser.signIn("admin", "admin");
        browser.open("/m/mutualaid/fund?kind=PAYOUT");
        browser.choose("ma-fund-plan", "plan", PLAN);
        browser.until("the payout in the ledger", d -> d.findElement(By.id("ledger")).getText().contains("¥20,000.00")
                && d.findElement(By.id("ledger")).getText().contains("给付"));
        checkScreen("mutualaid-ledger");
        browser.calls();
        assertEquals("no 5xx", List.of(), browser.serverErrors);
        browser.signOut();
    }

    @Test
    public void e_onAPhoneTheReviewerRejectsTheOtherClaim() throws Exception {
        browser.size(ConsoleBrowser.PHONE);
        try {
            browser.signIn("reviewer", "reviewer");
            browser.open("/m/mutualaid/claims?status=SUBMITTED");
            // one card (not the cards' container, whose class starts the same)
            WebElement card = browser.waitFor(By.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' uh-card ')][contains(.,'"
                    + SECOND + "')]"));
            WebElement open = card.findElement(By.xpath(".//button[normalize-space(.)='详情']"));
            assertTrue("the card's actions are on screen", open.isDisplayed());
            int right = card.getRect().getX() + card.getRect().getWidth();
            assertTrue("no sideways scrolling: " + right, right <= 390);
            checkScreen("mutualaid-claims-reviewer");
            open.click();
            browser.until("the other claim", d -> d.findElement(By.id("claim-facts")).getText().contains(SECOND));
            browser.waitFor(By.cssSelector("button[data-step='reject']")).click();
            browser.waitFor(By.cssSelector(".el-message-box input")).sendKeys("住院日期早于保障开始前的材料不全，且未补交");
            browser.shot("mutualaid-reject");
            browser.confirm();
            browser.until("rejected", d -> d.findElement(By.id("claim-facts")).getText().contains("已驳回"));
            checkScreen("mutualaid-claim-rejected");
            browser.driver.get(claimPath);
            browser.until("the paid claim", d -> d.findElement(By.id("claim-facts")).getText().contains("已支付"));
            checkScreen("mutualaid-claim-paid");
            browser.open("/m/mutualaid");
            assertTrue(browser.waitFor(By.cssSelector("#plans .uh-card")).findElement(By.xpath(".//button[normalize-space(.)='详情']")).isDisplayed());
            checkScreen("mutualaid-plans");
            browser.open("/m/mutualaid/fund");
            browser.waitFor(By.cssSelector("[data-stat='balance']"));
            checkScreen("mutualaid-fund");
            browser.calls();
            assertEquals("no 5xx", List.of(), browser.serverErrors);
            browser.signOut();
        } finally {
            browser.size(ConsoleBrowser.DESKTOP);
        }
    }

    /** 录入理赔 as the officer: the member by name, the stay, the invoice, and (after one refusal without it) the consent. */
    private void enterClaim(String hospital, LocalDate in, LocalDate out, String total, String reimbursed, boolean firstWithoutConsent)
            throws Exception {
        browser.waitFor(By.cssSelector("button[data-action='enter-claim']")).click();
        browser.choose("claim-form", "planId", PLAN);
        pickMember("claim-form", "陈建国");
        browser.fill("claim-form", "hospital", hospital, "admittedOn", in.toString(), "dischargedOn", out.toString(),
                "totalExpenses", total, "reimbursed", reimbursed);
        attach("#claim-form [data-field='invoice'] input[type=file]");
        if (firstWithoutConsent) {
            browser.saveButton("claim-form").click();
            WebElement error = browser.waitFor(By.cssSelector("#claim-form [data-field='consent'] .el-form-item__error"));
            assertTrue("the refusal in Chinese beside the consent: " + error.getText(), error.getText().matches(".*\\p{IsHan}.*"));
            browser.shot("mutualaid-claim-consent-missing");
        }
        browser.waitFor(By.cssSelector("#claim-form [data-field='consent'] .el-checkbox")).click();
        browser.shot("mutualaid-claim-entry");
        assertEquals("the claim dialog: " + browser.axe(), List.of(), browser.axe());
        new Actions(browser.driver).doubleClick(browser.saveButton("claim-form")).perform();
        browser.waitFor(By.xpath("//*[contains(@class,'el-message')][contains(.,'等待上级工会审核')]"));
        browser.until("the dialog closes", d -> d.findElements(By.cssSelector("#claim-form")).stream().noneMatch(WebElement::isDisplayed));
    }

    /** Chooses the scanned file in a file input (drawn as a Chinese button over the transparent input). */
    private void attach(String css) {
        browser.until("the file input " + css, d -> !d.findElements(By.cssSelector(css)).isEmpty());
        browser.driver.findElement(By.cssSelector(css)).sendKeys(invoice.toString());
    }

    /** Types part of a name into a member picker and takes the member it finds. */
    private void pickMember(String form, String name) {
        browser.waitFor(By.cssSelector("#" + form + " [data-field='memberId'] .el-select__wrapper")).click();
        new Actions(browser.driver).sendKeys(name).perform();
        browser.clickOption("the member " + name, By.xpath("//li[contains(@class,'el-select-dropdown__item')][contains(.,'" + name + "')]"));
    }

    /** How many plans are named {@code name} (read as the administrator). */
    private static long plans(String name) throws Exception {
        long n = 0;
        for (JsonNode p : JSON.readTree(hub.send("GET", "/api/mutual-aid/plans", "admin:admin", null).body())) {
            n += p.path("name").asText().equals(name) ? 1 : 0;
        }
        return n;
    }

}
