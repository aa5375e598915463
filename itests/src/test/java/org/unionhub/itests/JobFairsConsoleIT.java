package org.unionhub.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.unionhub.api.validation.CreditCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Job fairs through the console only, as the Haicang district officer: a hybrid fair created with a double click on
 * 创建 (one fair), an employer entered into the registry and approved, another returned with a reason and corrected
 * by the administrator, the approved one given a booth at the fair and approved there, a third one rejected there, a
 * position posted (a double click: one), edited and closed, a member's application moved from 已投递 to 已录用, a
 * livestream scheduled with its viewers; on the year-round side a board position and its applications, a study
 * subsidy with an application approved and paid and another returned. At 1366×768, then the lists as cards at
 * 390×844; axe-core and the no-codes walk on each screen; screenshots in target/console-screenshots. Members'
 * applications are made through the API as the members (the member app's work, not the officer's).
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class JobFairsConsoleIT extends BrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final long RUN = System.nanoTime() % 10000;
    private static final String FAIR = "控制台春风招聘会 " + RUN;
    private static final String EMPLOYER = "厦门海沧智造科技有限公司";
    private static final String RETURNED = "厦门海沧物流有限公司";
    private static final String POSITION = "数控车床操作工";
    private static final String PROGRAMME = "一线职工学历提升补贴 " + RUN;

    @BeforeClass
    public static void startHubAndBrowser() throws Exception {
        start("jobfairs-console-it", "JobFairsConsoleIT", List.of("--modules", "jobfairs", "--region-name", "厦门市总工会"),
                true, "jobfairs");
    }

    @Override
    protected String failureShot(String method) {
        return "failed-jobfairs-" + method;
    }

    @Test
    public void a_anOfficerRunsAFairFromTheRegistryToAHire() throws Exception {
        browser.size(ConsoleBrowser.DESKTOP);
        browser.signIn("officer", "officer");
        browser.open("/m/jobfairs");
        browser.waitFor(By.cssSelector("#jobfairs .el-table__row"));
        checkScreen("jobfairs");

        // a hybrid fair: a double click on 创建 makes one
        LocalDateTime start = LocalDateTime.now().plusDays(10).withHour(9).withMinute(0).withSecond(0).withNano(0);
        browser.waitFor(By.cssSelector("button[data-action='create-jobfair']")).click();
        browser.type("jobfair-form", "name", FAIR);
        choose("jobfair-form", "mode", "线上线下结合");
        browser.fill("jobfair-form", "venue", "海沧区文化中心", "boothCapacity", "20", "startsAt", start.format(PICKER),
                "endsAt", start.plusHours(7).format(PICKER), "serviceZones", "职业规划，劳动法律咨询");
        browser.shot("jobfair-create");
        assertEquals("the create dialog: " + browser.axe(), List.of(), browser.axe());
        new Actions(browser.driver).doubleClick(browser.saveButton("jobfair-form")).perform();
        assertTrue(browser.waitFor(By.id("jobfair-name")).getText().contains(FAIR));
        assertEquals("one fair for a double click", 1, count("/api/jobfairs?limit=200", "name", FAIR));
        browser.calls();
        List<String> sent = browser.headers.get("POST /api/jobfairs");
        assertTrue("the create carries an Idempotency-Key and asks for Chinese: " + sent,
                sent != null && sent.contains("idempotency-key") && sent.contains("accept-language"));
        checkScreen("jobfair-detail");

        // the registry: one employer entered and approved, another returned with the reason
        browser.open("/m/jobfairs/registry");
        browser.waitFor(By.id("jobfair-registry"));
        register(EMPLOYER, 11);
        register(RETURNED, 12);
        By approved = row("jobfair-registry", EMPLOYER);
        browser.waitFor(approved).findElement(By.cssSelector("button[data-action='approve']")).click();
        browser.confirm();
        browser.until("the employer is approved", d -> d.findElement(approved).getText().contains("已通过"));
        By returned = row("jobfair-registry", RETURNED);
        browser.waitFor(returned).findElement(By.cssSelector("button[data-action='return']")).click();
        browser.waitFor(By.cssSelector(".el-message-box input")).sendKeys("营业执照照片不清晰，请重新上传");
        browser.shot("jobfair-registry-return");
        browser.confirm();
        browser.until("the employer is returned", d -> d.findElement(returned).getText().contains("已退回")
                && d.findElement(returned).getText().contains("营业执照照片不清晰"));
        checkScreen("jobfair-registry");

        // the approved employer given a booth at the fair, then approved there
        browser.waitFor(approved).findElement(By.cssSelector("button[data-action='booth']")).click();
        choose("jobfair-booth-form", "fairId", FAIR);
        browser.shot("jobfair-booth");
        assertEquals("the booth dialog: " + browser.axe(), List.of(), browser.axe());
        browser.saveButton("jobfair-booth-form").click();
        By atFair = row("jobfair-employers", EMPLOYER);
        browser.until("the employer has booth 1", d -> d.findElement(atFair).getText().contains("1 号")
                && d.findElement(atFair).getText().contains("待审核"));
        browser.waitFor(atFair).findElement(By.cssSelector("button[data-action='approve']")).click();
        browser.confirm();
        browser.until("the employer is approved at the fair", d -> d.findElement(atFair).getText().contains("已通过"));

        // another employer registered at the fair and rejected with a reason (its booth goes back)
        browser.waitFor(By.cssSelector("button[data-action='register-employer']")).click();
        browser.fill("jobfair-employer-form", "name", "厦门临时用工服务部", "creditCode", creditCode(13), "industry", "劳务派遣",
                "contactName", "李经理", "contactPhone", "13900000013");
        choose("jobfair-employer-form", "size", "微型企业");
        browser.saveButton("jobfair-employer-form").click();
        By rejected = row("jobfair-employers", "厦门临时用工服务部");
        browser.waitFor(rejected).findElement(By.cssSelector("button[data-action='reject']")).click();
        browser.waitFor(By.cssSelector(".el-message-box input")).sendKeys("劳务派遣单位不在本次招聘会范围");
        browser.confirm();
        browser.until("the employer is rejected", d -> d.findElement(rejected).getText().contains("已驳回"));
        checkScreen("jobfair-employers");

        // a position for the approved employer: a double click makes one
        browser.waitFor(By.id("tab-positions")).click();
        browser.waitFor(By.cssSelector("button[data-action='create-position']")).click();
        choose("jobfair-position-form", "employerId", EMPLOYER);
        browser.fill("jobfair-position-form", "title", POSITION, "headcount", "5", "salaryMin", "6500", "salaryMax", "9000",
                "experienceYears", "1", "location", "海沧区新阳工业区");
        choose("jobfair-position-form", "education", "中专/职高");
        assertEquals("the position dialog: " + browser.axe(), List.of(), browser.axe());
        new Actions(browser.driver).doubleClick(browser.saveButton("jobfair-position-form")).perform();
        By position = row("jobfair-positions", POSITION);
        browser.until("the position is listed with its salary", d -> d.findElement(position).getText().contains("¥6,500.00"));
        long fairId = fairId();
        assertEquals("one position for a double click", 1, count("/api/jobfairs/" + fairId + "/positions?limit=200", "title", POSITION));
        checkScreen("jobfair-positions");

        // a member applies (the member app's work), the officer takes the application through every step
        long positionId = JSON.readTree(hub.get("/api/jobfairs/" + fairId + "/positions?limit=200").body()).path("items").get(0).path("id").asLong();
        String notice = JSON.readTree(hub.get("/api/notices/cv").body()).path("version").asText();
        assertEquals(201, hub.send("POST", "/api/jobfairs/positions/" + positionId + "/applications", "member:member",
                "{\"cv\":{\"name\":\"王磊\",\"phone\":\"13800000003\",\"education\":\"VOCATIONAL\",\"experienceYears\":3,"
                        + "\"skills\":\"数控车床、叉车\",\"expectedSalary\":8000},\"consent\":{\"noticeVersion\":\"" + notice
                        + "\",\"channel\":\"H5\"}}").statusCode());
        browser.waitFor(By.id("tab-applications")).click();
        By application = row("jobfair-applications", "王磊");
        browser.waitFor(application).findElement(By.cssSelector("button[data-action='open-application']")).click();
        browser.until("the CV is shown", d -> d.findElement(By.id("jobfair-application")).getText().contains("¥8,000.00"));
        checkScreen("jobfair-application");
        for (String step : List.of("VIEWED", "INTERVIEW", "OFFERED", "HIRED")) {
            browser.waitFor(By.cssSelector("#jobfair-application-steps button[data-step='" + step + "']")).click();
            if (step.equals("HIRED")) {
                browser.shot("jobfair-hire-confirm");
                browser.confirm();
            }
            browser.until("the application reached " + step, d -> !d.findElements(By.cssSelector(
                    "#jobfair-application-steps button[data-step='" + step + "']")).stream().anyMatch(WebElement::isDisplayed));
        }
        browser.until("the applicant is hired", d -> d.findElement(By.id("jobfair-application")).getText().contains("已录用"));
        browser.waitFor(By.cssSelector(".el-dialog:has(#jobfair-application) .el-dialog__headerbtn")).click();
        browser.until("the list shows the hire", d -> d.findElement(application).getText().contains("已录用"));
        checkScreen("jobfair-applications");

        // the position edited, then closed after a confirmation
        browser.waitFor(By.id("tab-positions")).click();
        browser.waitFor(position).findElement(By.cssSelector("button[data-action='edit-position']")).click();
        browser.type("jobfair-position-edit-form", "location", "海沧区新阳工业区二期");
        browser.saveButton("jobfair-position-edit-form").click();
        browser.until("the position is edited", d -> d.findElement(position).getText().contains("二期"));
        browser.waitFor(position).findElement(By.cssSelector("button[data-action='close-position']")).click();
        browser.confirm();
        // the list shows open positions unless asked for closed ones: the closed one leaves it
        browser.until("the position is closed", d -> d.findElements(position).isEmpty());
        assertEquals("CLOSED", JSON.readTree(hub.get("/api/jobfairs/positions/" + positionId).body()).path("status").asText());

        // a livestream session, edited, and its viewers
        browser.waitFor(By.id("tab-livestreams")).click();
        browser.waitFor(By.cssSelector("button[data-action='create-livestream']")).click();
        browser.fill("jobfair-livestream-form", "title", "走进智造企业", "host", "海沧区总工会", "startsAt",
                start.format(PICKER), "endsAt", start.plusHours(2).format(PICKER));
        browser.saveButton("jobfair-livestream-form").click();
        By live = row("jobfair-livestreams", "走进智造企业");
        browser.waitFor(live).findElement(By.cssSelector("button[data-action='edit-livestream']")).click();
        browser.type("jobfair-livestream-edit-form", "host", "海沧区总工会主席");
        browser.saveButton("jobfair-livestream-edit-form").click();
        browser.until("the host is changed", d -> d.findElement(live).getText().contains("主席"));
        browser.waitFor(live).findElement(By.cssSelector("button[data-action='viewers']")).click();
        browser.fill("jobfair-viewers-form", "peakViewers", "320", "totalViewers", "1500");
        browser.saveButton("jobfair-viewers-form").click();
        browser.until("the viewers are shown", d -> d.findElement(live).getText().contains("320 / 1500"));
        checkScreen("jobfair-livestreams");

        // the fair edited from the list
        browser.open("/m/jobfairs");
        By fair = row("jobfairs", FAIR);
        browser.waitFor(fair).findElement(By.cssSelector("button[data-action='edit']")).click();
        browser.type("jobfair-edit-form", "boothCapacity", "25");
        browser.saveButton("jobfair-edit-form").click();
        browser.until("the booths are changed", d -> d.findElement(fair).getText().contains("1 / 25"));
        browser.calls();
        assertEquals("no 5xx", List.of(), browser.serverErrors);
        browser.signOut();
    }

    @Test
    public void b_theOfficerPostsOnTheBoardAndRunsAStudySubsidy() throws Exception {
        browser.size(ConsoleBrowser.DESKTOP);
        browser.signIn("officer", "officer");
        browser.open("/m/jobfairs/board");
        browser.waitFor(By.cssSelector("button[data-action='create-job']")).click();
        choose("jobfair-job-form", "employerId", EMPLOYER);
        browser.fill("jobfair-job-form", "title", "设备维修工", "headcount", "3", "salaryMin", "6000", "salaryMax", "8000",
                "experienceYears", "2", "location", "海沧区", "expiresOn", LocalDate.now().plusDays(60).toString());
        choose("jobfair-job-form", "education", "高中");
        new Actions(browser.driver).doubleClick(browser.saveButton("jobfair-job-form")).perform();
        By job = row("jobfair-board", "设备维修工");
        browser.until("the board position is listed", d -> d.findElement(job).getText().contains("¥8,000.00"));
        assertEquals("one board position for a double click", 1, count("/api/jobfairs/board/positions?limit=200", "title", "设备维修工"));
        browser.waitFor(job).findElement(By.cssSelector("button[data-action='edit-job']")).click();
        browser.type("jobfair-job-edit-form", "headcount", "4");
        browser.saveButton("jobfair-job-edit-form").click();
        browser.until("the headcount is changed", d -> d.findElement(job).getText().contains("0 / 4"));
        checkScreen("jobfair-board");

        // two members apply (the member app's work); one is moved on, the other not taken
        long jobId = JSON.readTree(hub.get("/api/jobfairs/board/positions?limit=200").body()).path("items").get(0).path("id").asLong();
        for (String[] who : MEMBERS) {
            assertEquals(201, hub.send("POST", "/api/jobfairs/board/positions/" + jobId + "/applications", who[0],
                    "{\"applicant\":" + applicant(who) + ",\"education\":\"SENIOR_HIGH\",\"experienceYears\":2,"
                            + consent() + "}").statusCode());
        }
        browser.waitFor(By.id("tab-applications")).click();
        By first = row("jobfair-board-applications", "王磊");
        browser.waitFor(first).findElement(By.cssSelector("button[data-step='VIEWED']")).click();
        browser.until("viewed", d -> d.findElement(first).getText().contains("已查看"));
        By second = row("jobfair-board-applications", "陈建国");
        browser.waitFor(second).findElement(By.cssSelector("button[data-step='REJECTED']")).click();
        browser.waitFor(By.cssSelector(".el-message-box input")).sendKeys("岗位已招满");
        browser.confirm();
        browser.until("rejected", d -> d.findElement(second).getText().contains("已驳回"));
        checkScreen("jobfair-board-applications");
        browser.waitFor(By.id("tab-positions")).click();
        browser.waitFor(job).findElement(By.cssSelector("button[data-action='close-job']")).click();
        browser.confirm();
        browser.until("the board position is closed (and leaves the board)", d -> d.findElements(job).isEmpty());
        assertEquals("CLOSED", JSON.readTree(hub.get("/api/jobfairs/board/positions/" + jobId).body()).path("status").asText());

        // a study subsidy of 1,500 a worker: one application approved and paid, another returned with the reason
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        browser.open("/m/jobfairs/programmes");
        browser.waitFor(By.cssSelector("button[data-action='create-programme']")).click();
        choose("jobfair-programme-form", "kind", "学历提升补贴");
        browser.fill("jobfair-programme-form", "name", PROGRAMME, "places", "2", "amount", "1500",
                "applyFrom", today.toString(), "applyTo", today.plusDays(30).toString());
        assertEquals("the programme dialog: " + browser.axe(), List.of(), browser.axe());
        new Actions(browser.driver).doubleClick(browser.saveButton("jobfair-programme-form")).perform();
        assertTrue(browser.waitFor(By.id("programme-name")).getText().contains(PROGRAMME));
        assertEquals("one programme for a double click", 1, count("/api/jobfairs/programmes?limit=200", "name", PROGRAMME));
        long programmeId = JSON.readTree(hub.get("/api/jobfairs/programmes?limit=200").body()).path("items").get(0).path("id").asLong();
        for (String[] who : MEMBERS) {
            assertEquals(201, hub.send("POST", "/api/jobfairs/programmes/" + programmeId + "/applications", who[0],
                    "{\"applicant\":" + applicant(who) + ",\"workplace\":\"海沧港务\"," + consent() + "}").statusCode());
        }
        browser.driver.navigate().refresh();
        By paid = row("jobfair-programme-applications", "王磊");
        browser.waitFor(paid).findElement(By.cssSelector("button[data-action='approve']")).click();
        browser.confirm();
        browser.until("approved", d -> d.findElement(paid).getText().contains("已通过"));
        browser.waitFor(paid).findElement(By.cssSelector("button[data-action='pay']")).click();
        browser.shot("jobfair-programme-pay-confirm");
        browser.confirm();
        browser.until("paid", d -> d.findElement(paid).getText().contains("¥1,500.00"));
        By back = row("jobfair-programme-applications", "陈建国");
        browser.waitFor(back).findElement(By.cssSelector("button[data-action='return']")).click();
        browser.waitFor(By.cssSelector(".el-message-box input")).sendKeys("请补充在职证明");
        browser.confirm();
        browser.until("returned", d -> d.findElement(back).getText().contains("已退回"));
        checkScreen("jobfair-programme");
        browser.open("/m/jobfairs/programmes");
        browser.waitFor(By.cssSelector("#jobfair-programmes .el-table__row"));
        checkScreen("jobfair-programmes");
        browser.calls();
        assertEquals("no 5xx", List.of(), browser.serverErrors);
        browser.signOut();
    }

    @Test
    public void c_theAdministratorCorrectsTheReturnedEmployerAndAnotherDistrictEditsNothing() throws Exception {
        browser.size(ConsoleBrowser.DESKTOP);
        browser.signIn("admin", "admin");
        browser.open("/m/jobfairs/registry");
        By returned = row("jobfair-registry", RETURNED);
        browser.waitFor(returned).findElement(By.cssSelector("button[data-action='correct']")).click();
        browser.type("jobfair-registry-edit-form", "contactPhone", "13900000022");
        browser.saveButton("jobfair-registry-edit-form").click();
        browser.until("submitted again", d -> d.findElement(returned).getText().contains("待审核"));
        checkScreen("jobfair-registry-admin");
        browser.open("/m/jobfairs/" + fairId());
        browser.waitFor(By.id("jobfair-employers"));
        checkScreen("jobfair-detail-admin");
        browser.calls();
        assertEquals("no 5xx", List.of(), browser.serverErrors);
        browser.signOut();

        // Siming's officer reads Haicang's fairs but is offered no change to them (each would answer 403)
        browser.signIn("siming", "siming");
        browser.open("/m/jobfairs");
        browser.waitFor(row("jobfairs", FAIR));
        assertTrue(browser.driver.findElements(By.cssSelector("#jobfairs button[data-action='edit']")).isEmpty());
        browser.waitFor(row("jobfairs", FAIR)).findElement(By.cssSelector("button[data-action='open']")).click();
        browser.waitFor(By.id("jobfair-employers"));
        assertTrue(browser.driver.findElements(By.cssSelector("#jobfair-employers button")).stream()
                .noneMatch(b -> b.getText().equals("通过") || b.getText().equals("登记参会单位")));
        checkScreen("jobfair-detail-siming");
        browser.calls();
        browser.signOut();
    }

    @Test
    public void d_onAPhoneTheListsAreCardsWithTheirActions() throws Exception {
        browser.size(ConsoleBrowser.PHONE);
        try {
            browser.signIn("officer", "officer");
            browser.open("/m/jobfairs");
            WebElement card = browser.waitFor(By.cssSelector("#jobfairs .uh-card"));
            assertTrue("the card's actions are on screen", card.findElement(By.xpath(".//button[normalize-space(.)='详情']")).isDisplayed());
            int right = card.getRect().getX() + card.getRect().getWidth();
            assertTrue("no sideways scrolling: " + right, right <= 390);
            checkScreen("jobfairs");
            browser.open("/m/jobfairs/" + fairId());
            card = browser.waitFor(By.cssSelector("#jobfair-employers .uh-card"));
            checkScreen("jobfair-detail");
            browser.open("/m/jobfairs/registry");
            card = browser.waitFor(By.xpath("//*[@id='jobfair-registry']//div[contains(concat(' ', @class, ' '),' uh-card ')][contains(.,'" + RETURNED + "')]"));
            assertTrue(card.findElement(By.cssSelector("button[data-action='approve']")).isDisplayed());
            checkScreen("jobfair-registry");
            browser.open("/m/jobfairs/programmes");
            browser.waitFor(By.cssSelector("#jobfair-programmes .uh-card"));
            checkScreen("jobfair-programmes");
            browser.calls();
            assertEquals("no 5xx", List.of(), browser.serverErrors);
            browser.signOut();
        } finally {
            browser.size(ConsoleBrowser.DESKTOP);
        }
    }

    /** The demo members who apply (account, name, phone), as the member app sends them. */
    private static final String[][] MEMBERS = {{"member:member", "王磊", "13800000003"}, {"porter:porter", "陈建国", "13800000001"}};

    /** A member's consent from his own account to the board's or the programme's notice (issue 22). */
    private static String consent() {
        return "\"consent\":{\"noticeVersion\":\"2026-11-1\",\"channel\":\"H5\",\"sensitive\":[]}";
    }

    private static String applicant(String[] who) {
        return "{\"kind\":\"MEMBER\",\"name\":\"" + who[1] + "\",\"phone\":\"" + who[2] + "\"}";
    }

    /** Enters an employer into the registry of 海沧区总工会 through the console. */
    private void register(String name, int n) {
        browser.waitFor(By.cssSelector("button[data-action='create-registry']")).click();
        browser.waitFor(By.cssSelector("#jobfair-registry-form [data-field='orgId'] .el-select")).click();
        browser.clickOption("the organisation 海沧区总工会", By.xpath("//div[contains(@class,'el-tree-node__content')][.//*[contains(text(),'海沧区总工会')]]"));
        browser.fill("jobfair-registry-form", "name", name, "creditCode", creditCode(n), "industry", "制造业",
                "contactName", "张经理", "contactPhone", "139000000" + n);
        choose("jobfair-registry-form", "size", "中型企业");
        browser.saveButton("jobfair-registry-form").click();
        browser.waitFor(row("jobfair-registry", name));
    }

    /**
     * Picks an option of a form's select by its label: the list's filters carry the same options (form, status,
     * education) in dropdowns of their own, hidden, so the visible one is taken.
     */
    private void choose(String form, String name, String label) {
        browser.choose(form, name, label);
    }

    /** A table row of the list {@code id} holding {@code text}. */
    private static By row(String id, String text) {
        return By.xpath("//*[@id='" + id + "']//tr[contains(@class,'el-table__row')][contains(.,'" + text + "')]");
    }

    private static String creditCode(int n) {
        String first17 = String.format("913502050000001%02d", n);
        return first17 + CreditCode.checkCharacter(first17);
    }

    private static long fairId() throws Exception {
        for (JsonNode f : JSON.readTree(hub.get("/api/jobfairs?limit=200").body()).path("items")) {
            if (f.path("name").asText().equals(FAIR)) {
                return f.path("id").asLong();
            }
        }
        throw new AssertionError("no fair " + FAIR);
    }

    /** How many rows of a list (read as the administrator) have {@code field} equal to {@code value}. */
    private static long count(String path, String field, String value) throws Exception {
        long n = 0;
        for (JsonNode row : JSON.readTree(hub.send("GET", path, "admin:admin", null).body()).path("items")) {
            n += row.path(field).asText().equals(value) ? 1 : 0;
        }
        return n;
    }

}
