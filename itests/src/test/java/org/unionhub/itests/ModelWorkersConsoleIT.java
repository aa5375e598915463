package org.unionhub.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
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
 * Model workers through the console only: the district officer creates an archive record (a double click making one),
 * adds a title, changes its status after a confirmation, fills in a survey, records a service session, a visit and
 * the showcase, imports a CSV file and exports the archive, and applies for the yearly subsidy; he nominates a worker
 * with the three materials and submits the nomination; the city's reviewer returns it with a reason, the officer
 * corrects and resubmits it, the reviewer approves it; the city's subsidy reviewer approves the subsidy and the payer
 * pays it after a confirmation naming the amount; on a phone the lists are cards with their actions. Each step is
 * offered only to the account that may take it; axe-core and the no-codes walk on each screen; screenshots in
 * target/console-screenshots.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ModelWorkersConsoleIT extends BrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "王海燕" + (char) ('甲' + (int) (System.nanoTime() % 10));
    private static final String CANDIDATE = "李卫东" + (char) ('甲' + (int) (System.nanoTime() % 10));
    private static final String IMPORTED = "赵春梅";
    private static final String ID = idNumber("350205", "19800315");
    private static final String CANDIDATE_ID = idNumber("350205", "19850620");
    private static final String REVIEWER = "mwreview";
    private static final String REVIEWER_PASSWORD = "Review-2026-Xiamen";
    private static Path scan;
    private static Path csv;
    private static String recordPath;
    private static String nominationPath;
    private static String applicationPath;

    @BeforeClass
    public static void startHubAndBrowser() throws Exception {
        start("modelworkers-console-it", "ModelWorkersConsoleIT", List.of("--profile", "all", "--region-name", "厦门市总工会"), true, "modelworkers");
        scan = Files.createTempFile("material", ".pdf");
        Files.write(scan, "%PDF-1.4\n% scanned form\n".getBytes(StandardCharsets.US_ASCII));
        // the city's nomination reviewer: no demo account holds the role (setup, not a step under test)
        String account = "{\"username\":\"" + REVIEWER + "\",\"password\":\"" + REVIEWER_PASSWORD
                + "\",\"roles\":[\"officer\",\"modelworkers-reviewer\"],\"orgId\":" + org("厦门市总工会") + "}";
        int status = hub.send("POST", "/api/accounts", "admin:admin", account).statusCode();
        assertEquals("the reviewer's account", 201, status);
        csv = Files.createTempFile("archive", ".csv");
        Files.writeString(csv, "name,idNumber,title,yearAwarded,awardingBody,workplace,orgId,contact,status,memberId\n"
                + IMPORTED + "," + idNumber("350205", "19700101") + ",REGIONAL_ADVANCED_WORKER,2019,厦门市人民政府,海沧区某厂,"
                + org("海沧区总工会") + ",13900000001,ACTIVE,\n", StandardCharsets.UTF_8);
    }

    @Override
    protected String failureShot(String method) {
        return "failed-modelworkers-" + method;
    }

    @Test
    public void a_theOfficerKeepsTheArchive() throws Exception {
        browser.size(ConsoleBrowser.DESKTOP);
        browser.signIn("officer", "officer");
        browser.open("/m/modelworkers");
        browser.waitFor(By.cssSelector("#records .el-table__row"));
        checkScreen("modelworkers-records");
        browser.waitFor(By.cssSelector("button[data-action='create-record']")).click();
        browser.fill("record-form", "name", NAME, "idNumber", ID);
        choose("record-form", "title", "省级劳动模范");
        browser.fill("record-form", "yearAwarded", "2025", "awardingBody", "福建省人民政府", "workplace", "厦门海沧港务有限公司");
        pickOrg("record-form", "海沧区总工会");
        browser.shot("modelworkers-record-create");
        assertEquals("the record dialog: " + browser.axe(), List.of(), browser.axe());
        new Actions(browser.driver).doubleClick(browser.saveButton("record-form")).perform();
        assertTrue(browser.waitFor(By.id("record-title")).getText().contains(NAME));
        recordPath = browser.driver.getCurrentUrl();
        assertEquals("one record for a double click", 1, total("/api/model-workers/records?name=" + enc(NAME)));
        browser.calls();
        List<String> sent = browser.headers.get("POST /api/model-workers/records");
        assertTrue("the create carries an Idempotency-Key: " + sent, sent != null && sent.contains("idempotency-key"));
        String facts = browser.waitFor(By.id("record-facts")).getText();
        assertFalse("the ID number is masked: " + facts, facts.contains(ID));
        assertTrue(facts, facts.contains(ID.substring(14)) && facts.contains("海沧区总工会"));

        browser.waitFor(By.cssSelector("button[data-action='add-title']")).click();
        choose("title-form", "title", "全国五一劳动奖章");
        browser.fill("title-form", "yearAwarded", "2026", "awardingBody", "中华全国总工会");
        browser.saveButton("title-form").click();
        browser.until("the new title", d -> d.findElement(By.id("titles")).getText().contains("全国五一劳动奖章"));

        browser.waitFor(By.cssSelector("button[data-action='edit-record']")).click();
        browser.fill("record-edit-form", "contact", "13912345678");
        browser.saveButton("record-edit-form").click();
        browser.until("the contact", d -> d.findElement(By.id("record-facts")).getText().contains("13912345678"));

        browser.waitFor(By.cssSelector("button[data-action='change-status']")).click();
        choose("status-form", "status", "退休");
        browser.fill("status-form", "reason", "2026年6月退休");
        browser.saveButton("status-form").click();
        WebElement question = browser.waitFor(By.cssSelector(".el-message-box"));
        assertTrue(question.getText(), question.getText().contains(NAME) && question.getText().contains("退休"));
        browser.shot("modelworkers-status-confirm");
        browser.confirm();
        browser.until("retired", d -> d.findElement(By.id("record-facts")).getText().contains("退休"));
        browser.waitFor(By.id("tab-history")).click();
        browser.until("the history keeps the reason", d -> d.findElement(By.id("history")).getText().contains("2026年6月退休"));

        browser.waitFor(By.cssSelector("button[data-action='survey']")).click();
        choose("survey-form", "incomeBand", "低于当地最低标准");
        choose("survey-form", "health", "好");
        choose("survey-form", "housing", "适足");
        // health data: without the model worker's signed consent the survey is refused beside the switch
        browser.saveButton("survey-form").click();
        browser.waitFor(By.cssSelector("#survey-form [data-field='consent'] .el-form-item__error"));
        browser.waitFor(By.cssSelector("#survey-form [data-field='consent'] .el-switch")).click();
        browser.saveButton("survey-form").click();
        browser.until("the survey, flagged", d -> d.findElement(By.id("surveys")).getText().contains("收入低于当地最低标准"));

        browser.waitFor(By.cssSelector("button[data-action='activity']")).click();
        browser.fill("activity-form", "heldOn", Year.now() + "-03-05", "enterprise", "厦门海沧港务有限公司", "topic", "安全生产经验交流",
                "hours", "2");
        browser.saveButton("activity-form").click();
        browser.until("the session", d -> d.findElement(By.id("activities")).getText().contains("安全生产经验交流"));
        browser.waitFor(By.cssSelector("button[data-action='visit']")).click();
        browser.fill("visit-form", "visitedOn", Year.now() + "-01-20");
        choose("visit-form", "occasion", "春节");
        browser.fill("visit-form", "giftAmount", "500");
        browser.saveButton("visit-form").click();
        browser.until("the visit", d -> d.findElement(By.id("visits")).getText().contains("¥500.00"));
        browser.waitFor(By.cssSelector("button[data-action='showcase']")).click();
        browser.waitFor(By.cssSelector("#showcase-form [data-field='consent'] .el-switch")).click();
        browser.fill("showcase-form", "citation", "扎根港口一线二十年");
        browser.saveButton("showcase-form").click();
        browser.success();
        browser.waitFor(By.cssSelector("button[data-action='withdraw-showcase']")).click();
        browser.confirm();
        browser.success();
        checkScreen("modelworkers-record");

        browser.waitFor(By.cssSelector("button[data-action='apply']")).click();
        browser.shot("modelworkers-apply");
        browser.saveButton("apply-form").click();
        browser.until("applied", d -> d.findElement(By.id("application-facts")).getText().contains("已申请"));
        applicationPath = browser.driver.getCurrentUrl();
        browser.waitFor(By.id("application-no-step"));
        checkScreen("modelworkers-application-applied");

        browser.open("/m/modelworkers");
        browser.waitFor(By.cssSelector("button[data-action='import']")).click();
        browser.until("the file input", d -> !d.findElements(By.cssSelector("#import-form input[type=file]")).isEmpty());
        browser.driver.findElement(By.cssSelector("#import-form input[type=file]")).sendKeys(csv.toString());
        browser.saveButton("import-form").click();
        browser.until("the report", d -> d.findElement(By.id("import-report")).getText().contains("新建 1"));
        browser.shot("modelworkers-import-report");
        assertEquals("the import dialog: " + browser.axe(), List.of(), browser.axe());
        browser.waitFor(By.xpath("//div[contains(@class,'el-dialog')][.//*[@id='import-report']]//button[normalize-space(.)='关闭']")).click();
        browser.until("the imported record is listed", d -> d.findElement(By.id("records")).getText().contains(IMPORTED));
        browser.waitFor(By.cssSelector("button[data-action='export-archive']")).click();
        browser.waitFor(By.xpath("//*[contains(@class,'el-message')][contains(.,'已导出劳模档案')]"));
        browser.waitFor(By.cssSelector("button[data-action='export']")).click();
        browser.clickOption("the menu item 导出 XLSX", By.xpath("//li[contains(@class,'el-dropdown-menu__item')][normalize-space(.)='导出 XLSX']"));
        browser.waitFor(By.xpath("//*[contains(@class,'el-message')][contains(.,'已导出')]"));
        assertTrue("the archive's CSV was downloaded", browser.calls().contains("GET /api/model-workers/records/export"));
        assertEquals("no 5xx", List.of(), browser.serverErrors);
        browser.signOut();
    }

    @Test
    public void b_theDistrictOfficerNominatesAWorkerWithHisMaterialsAndSubmits() throws Exception {
        browser.size(ConsoleBrowser.DESKTOP);
        browser.signIn("officer", "officer");
        browser.open("/m/modelworkers/nominations");
        browser.waitFor(By.cssSelector("#nominations .el-table__row"));
        checkScreen("modelworkers-nominations");
        nominate(CANDIDATE, CANDIDATE_ID, "海沧区总工会", "省级劳动模范");
        browser.shot("modelworkers-nomination-create");
        assertEquals("the nomination dialog: " + browser.axe(), List.of(), browser.axe());
        new Actions(browser.driver).doubleClick(browser.saveButton("nomination-form")).perform();
        browser.until("the draft", d -> d.findElement(By.id("nomination-title")).getText().contains(CANDIDATE));
        nominationPath = browser.driver.getCurrentUrl();
        browser.until("three materials", d -> !d.findElement(By.id("materials")).getText().contains("未上传"));
        long drafts = 0;
        for (JsonNode n : JSON.readTree(hub.send("GET", "/api/model-workers/nominations?limit=200", "admin:admin", null).body())
                .path("items")) {
            drafts += n.path("candidateName").asText().equals(CANDIDATE) ? 1 : 0;
        }
        assertEquals("one nomination for a double click", 1, drafts);
        assertTrue("no decision for the nominating officer",
                browser.driver.findElements(By.cssSelector("[data-step='approve'], [data-step='return']")).isEmpty());
        browser.waitFor(By.cssSelector("button[data-step='submit']")).click();
        browser.confirm();
        browser.until("submitted", d -> d.findElement(By.id("nomination-facts")).getText().contains("已提交"));
        checkScreen("modelworkers-nomination-submitted");
        browser.calls();
        assertEquals("no 5xx", List.of(), browser.serverErrors);
        browser.signOut();
    }

    @Test
    public void c_theCityReturnsItTheOfficerResubmitsTheCityApproves() throws Exception {
        browser.size(ConsoleBrowser.DESKTOP);
        browser.signIn(REVIEWER, REVIEWER_PASSWORD);
        browser.open("/m/modelworkers/nominations?state=SUBMITTED");
        browser.until("the nomination queues", d -> d.findElement(By.id("nominations")).getText().contains(CANDIDATE));
        checkScreen("modelworkers-nominations-reviewer");
        browser.driver.get(nominationPath);
        browser.waitFor(By.cssSelector("button[data-step='return']")).click();
        choose("return-form", "field", "主要事迹");
        browser.fill("return-form", "message", "请补充近三年的具体事迹和数据");
        browser.saveButton("return-form").click();
        browser.confirm();
        browser.until("returned", d -> d.findElement(By.id("nomination-facts")).getText().contains("已退回"));
        checkScreen("modelworkers-nomination-returned");
        browser.signOut();

        browser.signIn("officer", "officer");
        browser.driver.get(nominationPath);
        browser.until("the comment", d -> d.findElement(By.id("comments")).getText().contains("请补充近三年的具体事迹和数据"));
        browser.waitFor(By.cssSelector("button[data-step='update']")).click();
        browser.fill("nomination-form", "achievements", "带领班组完成港口自动化改造，三年节约成本1200万元");
        browser.saveButton("nomination-form").click();
        browser.success();
        browser.waitFor(By.cssSelector("button[data-step='submit']")).click();
        browser.confirm();
        browser.until("resubmitted", d -> d.findElement(By.id("nomination-facts")).getText().contains("已提交"));
        browser.signOut();

        browser.signIn(REVIEWER, REVIEWER_PASSWORD);
        browser.driver.get(nominationPath);
        browser.waitFor(By.cssSelector("button[data-step='approve']")).click();
        browser.fill("approve-form", "awardingBody", "福建省人民政府", "note", "经公示无异议");
        browser.saveButton("approve-form").click();
        browser.confirm();
        browser.until("approved", d -> d.findElement(By.id("nomination-facts")).getText().contains("已批准"));
        browser.waitFor(By.id("nomination-no-step"));
        checkScreen("modelworkers-nomination-approved");
        browser.calls();
        assertEquals("no 5xx", List.of(), browser.serverErrors);
        browser.signOut();
    }

    @Test
    public void d_theSubsidyIsApprovedAndPaidAfterAConfirmation() throws Exception {
        browser.size(ConsoleBrowser.DESKTOP);
        browser.signIn("approver", "approver");
        // the 工作台's 待办 leads to the applications waiting for review
        browser.open("/");
        browser.until("a subsidy to review", d -> !d.findElement(By.cssSelector("[data-todo='subsidies.applied']")).getText().contains("\n0"));
        browser.waitFor(By.cssSelector("[data-todo='subsidies.applied']")).click();
        browser.until("the application queues", d -> d.findElement(By.id("applications")).getText().contains(NAME));
        assertTrue("filtered by status", browser.driver.getCurrentUrl().contains("status=APPLIED"));
        checkScreen("modelworkers-applications");
        browser.driver.get(applicationPath);
        browser.waitFor(By.cssSelector("button[data-step='approve']")).click();
        browser.saveButton("subsidy-approve-form").click();
        browser.confirm();
        browser.until("approved", d -> d.findElement(By.id("application-facts")).getText().contains("已批准"));
        assertTrue("the reviewer is not offered the payment", browser.driver.findElements(By.cssSelector("[data-step='pay']")).isEmpty());
        browser.signOut();

        browser.signIn("payer", "payer");
        browser.driver.get(applicationPath);
        browser.waitFor(By.cssSelector("button[data-step='pay']")).click();
        pickOrg("pay-form", "厦门市总工会");
        browser.saveButton("pay-form").click();
        WebElement question = browser.waitFor(By.cssSelector(".el-message-box"));
        assertTrue(question.getText(), question.getText().contains("¥2,400.00") && question.getText().contains(NAME));
        browser.shot("modelworkers-pay-confirm");
        browser.confirm();
        browser.until("paid", d -> d.findElement(By.id("application-facts")).getText().contains("已支付"));
        checkScreen("modelworkers-application-paid");
        browser.open("/m/modelworkers/subsidies");
        browser.until("the ledger", d -> d.findElement(By.id("ledger")).getText().contains(NAME));
        checkScreen("modelworkers-ledger");
        browser.calls();
        assertEquals("no 5xx", List.of(), browser.serverErrors);
        browser.signOut();
    }

    @Test
    public void e_onAPhoneTheListsAreCardsWithTheirActions() throws Exception {
        browser.size(ConsoleBrowser.PHONE);
        try {
            browser.signIn("officer", "officer");
            browser.open("/m/modelworkers?name=" + enc(NAME));
            WebElement card = browser.waitFor(By.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' uh-card ')][contains(.,'"
                    + NAME + "')]"));
            WebElement open = card.findElement(By.xpath(".//button[normalize-space(.)='详情']"));
            assertTrue("the card's actions are on screen", open.isDisplayed());
            int right = card.getRect().getX() + card.getRect().getWidth();
            assertTrue("no sideways scrolling: " + right, right <= 390);
            checkScreen("modelworkers-records");
            open.click();
            browser.until("the record", d -> d.findElement(By.id("record-facts")).getText().contains("退休"));
            checkScreen("modelworkers-record");
            browser.driver.get(nominationPath);
            browser.until("the nomination", d -> d.findElement(By.id("nomination-facts")).getText().contains("已批准"));
            checkScreen("modelworkers-nomination");
            browser.open("/m/modelworkers/nominations");
            browser.waitFor(By.cssSelector("#nominations .uh-card"));
            checkScreen("modelworkers-nominations");
            browser.open("/m/modelworkers/surveys");
            browser.until("the flagged survey", d -> d.findElement(By.id("surveys")).getText().contains(NAME));
            checkScreen("modelworkers-surveys");
            browser.open("/");
            browser.waitFor(By.id("todos"));
            browser.until("the archive's figures", d -> d.findElement(By.id("workbench")).getText().contains("劳模档案"));
            checkScreen("modelworkers-workbench");
            browser.calls();
            assertEquals("no 5xx", List.of(), browser.serverErrors);
            browser.signOut();
        } finally {
            browser.size(ConsoleBrowser.DESKTOP);
        }
    }

    /** 新建推荐 as the officer: the candidate, the three scanned materials and the candidate's paper consent. */
    private void nominate(String name, String id, String org, String title) {
        browser.waitFor(By.cssSelector("button[data-action='create-nomination']")).click();
        pickOrg("nomination-form", org);
        browser.fill("nomination-form", "candidateName", name, "idNumber", id, "workplace", "厦门海沧港务有限公司",
                "contact", "13800001111", "achievements", "带领班组完成港口自动化改造");
        choose("nomination-form", "proposedTitle", title);
        for (String item : List.of("RECOMMENDATION_FORM", "ACHIEVEMENT_REPORT", "ID_CARD_COPY")) {
            browser.driver.findElement(By.cssSelector("#nomination-form [data-field='material-" + item + "'] input[type=file]"))
                    .sendKeys(scan.toString());
        }
        browser.waitFor(By.cssSelector("#nomination-form [data-field='consent'] .el-checkbox")).click();
    }

    /** Creates, then submits a nomination from its page; answers the page's address. */
    private String nominateAndSubmit(String name, String id, String org, String title) {
        browser.open("/m/modelworkers/nominations");
        nominate(name, id, org, title);
        browser.saveButton("nomination-form").click();
        browser.until("the draft " + name, d -> d.findElement(By.id("nomination-title")).getText().contains(name));
        browser.until("three materials", d -> !d.findElement(By.id("materials")).getText().contains("未上传"));
        String path = browser.driver.getCurrentUrl();
        browser.waitFor(By.cssSelector("button[data-step='submit']")).click();
        browser.confirm();
        browser.until("submitted", d -> d.findElement(By.id("nomination-facts")).getText().contains("已提交"));
        return path;
    }

    @Test
    public void f_recommendedUpwardConferredRejectedAndAQuota() throws Exception {
        browser.size(ConsoleBrowser.DESKTOP);
        browser.signIn("officer", "officer");
        String national = nominateAndSubmit("周建华", idNumber("350205", "19750505"), "厦门海沧港务有限公司工会", "全国劳动模范");
        String other = nominateAndSubmit("郑丽君", idNumber("350205", "19880808"), "厦门海沧港务有限公司工会", "省级先进工作者");
        // a hardship relief applied for, which the city's reviewer will refuse
        browser.driver.get(recordPath);
        browser.waitFor(By.cssSelector("button[data-action='apply']")).click();
        choose("apply-form", "kind", "困难帮扶");
        browser.fill("apply-form", "amount", "5000", "note", "家中遭遇火灾");
        browser.saveButton("apply-form").click();
        browser.until("applied", d -> d.findElement(By.id("application-facts")).getText().contains("困难帮扶"));
        String hardship = browser.driver.getCurrentUrl();
        browser.signOut();

        browser.signIn("admin", "admin");
        browser.open("/m/modelworkers/nominations");
        browser.waitFor(By.cssSelector("button[data-action='quota']")).click();
        pickOrg("quota-form", "海沧区总工会");
        browser.fill("quota-form", "quota", "5");
        browser.saveButton("quota-form").click();
        browser.success();
        browser.driver.get(national);
        browser.waitFor(By.cssSelector("button[data-step='forward']")).click();
        browser.confirm();
        browser.until("with the city", d -> d.findElement(By.id("nomination-facts")).getText().contains("厦门市总工会"));
        browser.waitFor(By.cssSelector("button[data-step='approve']")).click();
        browser.saveButton("approve-form").click();
        browser.confirm();
        browser.until("recommended upward", d -> d.findElement(By.id("nomination-facts")).getText().contains("已推荐"));
        browser.waitFor(By.cssSelector("button[data-step='confer']")).click();
        browser.fill("confer-form", "awardingBody", "中华全国总工会");
        browser.saveButton("confer-form").click();
        browser.confirm();
        browser.until("conferred", d -> d.findElement(By.id("nomination-facts")).getText().contains("已批准"));
        checkScreen("modelworkers-nomination-conferred");
        browser.driver.get(other);
        browser.waitFor(By.cssSelector("button[data-step='reject']")).click();
        browser.waitFor(By.cssSelector(".el-message-box input")).sendKeys("事迹不足以推荐");
        browser.confirm();
        browser.until("rejected", d -> d.findElement(By.id("nomination-facts")).getText().contains("已驳回"));
        browser.signOut();

        browser.signIn("approver", "approver");
        browser.driver.get(hardship);
        browser.waitFor(By.cssSelector("button[data-step='reject']")).click();
        browser.waitFor(By.cssSelector(".el-message-box input")).sendKeys("已由民政部门救助");
        browser.confirm();
        browser.until("refused", d -> d.findElement(By.id("application-facts")).getText().contains("已驳回"));
        checkScreen("modelworkers-application-rejected");
        browser.calls();
        assertEquals("no 5xx", List.of(), browser.serverErrors);
        browser.signOut();
    }

    /** Picks an option of a select in a form by its label (the visible list: a filter above may hold the same). */
    private void choose(String form, String name, String label) {
        browser.choose(form, name, label);
    }

    /** Picks an organisation by the start of its name in a form's tree picker. */
    private void pickOrg(String form, String name) {
        browser.waitFor(By.cssSelector("#" + form + " [data-field='orgId'] .el-select, #" + form
                + " [data-field='payingOrgId'] .el-select")).click();
        browser.clickOption("the organisation " + name, By.xpath("//div[contains(@class,'el-tree-node__content')][.//*[starts-with(normalize-space(text()),'" + name + "')]]"));
    }


    private static long total(String path) throws Exception {
        return JSON.readTree(hub.send("GET", path, "admin:admin", null).body()).path("total").asLong();
    }

    /** The demo organisation whose (bilingual) name starts with {@code name}. */
    private static long org(String name) throws Exception {
        for (JsonNode o : JSON.readTree(hub.send("GET", "/api/orgs?limit=200", "admin:admin", null).body()).path("items")) {
            if (o.path("name").asText().startsWith(name)) {
                return o.path("id").asLong();
            }
        }
        throw new AssertionError("no organisation " + name);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A valid ID-card number (GB 11643 check character) of a person born on {@code birth} in {@code area}. */
    static String idNumber(String area, String birth) {
        String body = area + birth + String.format("%03d", (int) (System.nanoTime() % 900) + 100);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
