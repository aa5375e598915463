package org.unionhub.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The platform's own screens through the console only: the district officer finds a member by name, opens his record
 * (the ID number masked, the union by name), creates one (a field error beside its field first, then a double click
 * making one record), edits him and imports members from a file with the per-row report; the administrator creates a
 * union under a district and an officer account for it, stops and unlocks the account, renames the union, reads the
 * audit of those changes in Chinese with the region's local times, disables and re-enables a module from 模块管理
 * (its menu entry goes and comes back); the officer decides members' personal-data requests and sees no
 * administrator's menu or button. At 1366×768 and 390×844; axe-core and the no-codes walk on each screen;
 * screenshots in target/console-screenshots.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class CoreConsoleIT extends BrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId REGION = ZoneId.of("Asia/Shanghai");
    private static final long RUN = System.nanoTime() % 100000;
    private static final String MEMBER = "周志强";
    private static final String PORT_UNION = "厦门海沧港务有限公司工会 Haicang Port Co. Union";
    private static final String NEW_FORM_UNION = "海沧区新业态工会联合会 Haicang New-Form Workers Federation";
    private static final String DISTRICT = "海沧区总工会 Haicang District Federation";
    private static final String UNION = "海沧区东孚街道工会" + RUN;
    private static final String OFFICER = "dongfu" + RUN;

    @BeforeClass
    public static void startHubAndBrowser() throws Exception {
        start("core-console-it", "CoreConsoleIT", List.of("--profile", "all", "--region-name", "厦门市总工会"), true, "jobfairs");
    }

    private static void assertNoSidewaysScrolling() {
        Number right = (Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                .executeScript("return Math.max(document.documentElement.scrollWidth, ...Array.from("
                        + "document.querySelectorAll('.el-dialog'), d => d.scrollWidth))");
        assertTrue("no sideways scrolling: " + right, right.intValue() <= 390);
    }

    @Override
    protected String failureShot(String method) {
        return "failed-core-" + method;
    }

    @Test
    public void a_theOfficerFindsCreatesEditsAndImportsMembers() throws Exception {
        browser.size(ConsoleBrowser.DESKTOP);
        browser.signIn("officer", "officer");
        browser.open("/members");
        browser.waitFor(By.cssSelector("#members .el-table__row"));
        browser.until("the union by name", d -> d.findElement(By.id("members")).getText().contains(PORT_UNION));
        checkScreen("core-members");

        // found by name
        searchText("members", "name", "陈建国");
        browser.until("only 陈建国", d -> d.findElement(By.id("members")).getText().contains("陈建国")
                && !d.findElement(By.id("members")).getText().contains("林晓燕"));
        browser.waitFor(By.cssSelector("#members a[data-link='name']")).click();
        WebElement facts = browser.waitFor(By.id("member-facts"));
        browser.until("his record", d -> d.findElement(By.id("member-facts")).getText().contains("XM-0001"));
        assertFalse("the ID number masked: " + facts.getText(), facts.getText().contains("11010519491231002X"));
        assertEquals(PORT_UNION, browser.waitFor(By.id("member-org")).getText());
        checkScreen("core-member-detail");

        // a new member: refused first for a wrong ID number (beside its field, in Chinese), then one for a double click
        browser.open("/members");
        browser.waitFor(By.cssSelector("button[data-action='create-member']")).click();
        browser.fill("member-form", "name", MEMBER);
        pickOrg("member-form", "orgId", PORT_UNION);
        choose("member-form", "employmentForm", "职工");
        browser.fill("member-form", "phone", "13900000011", "cardNumber", "XM-9" + RUN, "idNumber", "110105194912310021");
        browser.saveButton("member-form").click();
        WebElement error = browser.waitFor(By.cssSelector("#member-form [data-field='idNumber'] .el-form-item__error"));
        assertTrue("in Chinese beside the field: " + error.getText(), error.getText().matches(".*\\p{IsHan}.*"));
        browser.shot("core-member-field-error");
        assertEquals("the member dialog: " + browser.axe(), List.of(), browser.axe());
        browser.fill("member-form", "idNumber", "440524198001010013");
        new Actions(browser.driver).doubleClick(browser.saveButton("member-form")).perform();
        browser.success();
        browser.until("the dialog closes", d -> d.findElements(By.cssSelector("#member-form")).stream().noneMatch(WebElement::isDisplayed));
        assertEquals("one member for a double click", 1, members(MEMBER));
        browser.calls();
        List<String> sent = browser.headers.get("POST /api/members");
        assertTrue("the create carries an Idempotency-Key: " + sent, sent != null && sent.contains("idempotency-key"));

        // edited: a new phone number
        searchText("members", "name", MEMBER);
        browser.until("the new member listed", d -> d.findElement(By.id("members")).getText().contains("XM-9" + RUN));
        browser.waitFor(By.xpath("//tr[contains(@class,'el-table__row')][contains(.,'" + MEMBER + "')]//button[@data-action='edit']")).click();
        browser.fill("member-edit-form", "phone", "13900000022");
        browser.saveButton("member-edit-form").click();
        browser.until("the new phone number", d -> d.findElement(By.id("members")).getText().contains("13900000022"));
        browser.until("the search kept", d -> !d.findElement(By.id("members")).getText().contains("陈建国"));
        checkScreen("core-member-edited");

        // imported from a file in Chinese without organisation numbers into the union picked: two lines taken, one refused
        Path file = Files.createTempFile("members", ".csv");
        Files.writeString(file, "姓名,手机号,就业形态,新就业形态类别,会员卡号\n"
                + "黄海涛,13900000031,新就业形态劳动者,外卖骑手,XM-8" + RUN + "\n"
                + "郑丽娟,13900000032,新就业形态劳动者,快递员,XM-7" + RUN + "\n"
                + "吴刚,13900000033,临时工,,\n", StandardCharsets.UTF_8);
        browser.waitFor(By.cssSelector("button[data-action='import-members']")).click();
        pickOrg("import-form", "orgId", NEW_FORM_UNION);
        browser.driver.findElement(By.id("import-file")).sendKeys(file.toString());
        browser.shot("core-member-import");
        assertEquals("the import dialog: " + browser.axe(), List.of(), browser.axe());
        browser.saveButton("import-form").click();
        WebElement report = browser.waitFor(By.id("import-report"));
        browser.until("the report", d -> d.findElement(By.id("import-report")).getText().contains("已创建"));
        String text = report.getText();
        assertTrue(text, text.contains("就业形态") && text.matches("(?s).*\\b4\\b.*"));
        // the refused line's reason in the server's Chinese (the import answers in the console's language), no English
        assertTrue(text, text.contains("不是以下之一") && !text.contains("is not"));
        browser.shot("core-member-import-report");
        assertEquals("the report: " + browser.axe(), List.of(), browser.axe());
        assertEquals("the report: codes", List.of(), browser.codesOnScreen());
        browser.waitFor(By.cssSelector(".el-dialog:has(#import-report) button[data-action='close']")).click();
        assertEquals(1, members("黄海涛"));
        browser.calls();
        assertEquals("no 5xx", List.of(), browser.serverErrors);
        browser.signOut();
    }

    @Test
    public void b_theAdministratorCreatesAUnionUnderADistrictAndAnOfficerAccountForIt() throws Exception {
        browser.size(ConsoleBrowser.DESKTOP);
        browser.signIn("admin", "admin");
        browser.open("/orgs");
        browser.waitFor(By.cssSelector("#orgs .el-table__row"));
        checkScreen("core-orgs");
        browser.waitFor(By.cssSelector("button[data-action='create-org']")).click();
        browser.fill("org-form", "name", UNION);
        choose("org-form", "kind", "基层工会");
        pickOrg("org-form", "parentId", DISTRICT);
        browser.shot("core-org-create");
        assertEquals("the organisation dialog: " + browser.axe(), List.of(), browser.axe());
        new Actions(browser.driver).doubleClick(browser.saveButton("org-form")).perform();
        browser.success();
        assertEquals("one union for a double click", 1, orgs(UNION));

        searchText("orgs", "name", UNION);
        By row = By.xpath("//tr[contains(@class,'el-table__row')][contains(.,'" + UNION + "')]");
        browser.until("the union with its district", d -> d.findElement(row).getText().contains(DISTRICT)
                && d.findElement(row).getText().contains("基层工会"));
        browser.waitFor(By.xpath("//tr[contains(@class,'el-table__row')][contains(.,'" + UNION + "')]//button[@data-action='accounts']")).click();
        browser.waitFor(By.cssSelector("button[data-action='create-account']")).click();
        browser.fill("account-form", "username", OFFICER, "password", "Dongfu-2026-Union");
        browser.shot("core-account-create");
        assertEquals("the account dialog: " + browser.axe(), List.of(), browser.axe());
        browser.saveButton("account-form").click();
        browser.until("the account listed", d -> d.findElement(By.id("org-accounts")).getText().contains(OFFICER)
                && d.findElement(By.id("org-accounts")).getText().contains("工会干部"));
        assertFalse("no password on screen", browser.driver.findElement(By.tagName("body")).getText().contains("Dongfu-2026-Union"));
        checkScreen("core-org-accounts");
        By actions = By.cssSelector("[data-account='" + OFFICER + "']");
        browser.waitFor(actions).findElement(By.cssSelector("button[data-action='toggle']")).click();
        browser.confirm();
        browser.until("stopped", d -> d.findElement(By.id("org-accounts")).getText().contains("已停用"));
        browser.waitFor(actions).findElement(By.cssSelector("button[data-action='unlock']")).click();
        browser.confirm();
        browser.success();
        browser.waitFor(By.cssSelector(".el-dialog:has(#org-accounts) button[data-action='close']")).click();

        // renamed
        browser.waitFor(By.xpath("//tr[contains(@class,'el-table__row')][contains(.,'" + UNION + "')]//button[@data-action='edit']")).click();
        browser.fill("org-edit-form", "name", UNION + "（新）");
        browser.saveButton("org-edit-form").click();
        browser.success();
        browser.calls();
        assertEquals("no 5xx", List.of(), browser.serverErrors);
    }

    @Test
    public void c_theAdministratorReadsTheAuditOfThoseChangesInChineseWithLocalTimes() throws Exception {
        browser.size(ConsoleBrowser.DESKTOP);
        browser.open("/audit");
        browser.waitFor(By.cssSelector("#audit .el-table__row"));
        checkScreen("core-audit");
        chooseFilter("audit", "action", "新建组织");
        browser.waitFor(By.cssSelector("#audit button[data-action='search']")).click();
        By first = By.cssSelector("#audit .el-table__body-wrapper tr.el-table__row");
        browser.until("the union's creation", d -> d.findElement(first).getText().contains("新建组织")
                && d.findElement(first).getText().contains(UNION));
        String line = browser.driver.findElement(first).getText();
        ZonedDateTime now = ZonedDateTime.now(REGION);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:");
        assertTrue("the time in the region's zone: " + line, line.contains(now.format(day)) || line.contains(now.minusMinutes(30).format(day)));
        browser.driver.findElement(first).findElement(By.cssSelector("button[data-action='changes']")).click();
        WebElement changes = browser.waitFor(By.id("audit-changes"));
        browser.until("before and after", d -> d.findElement(By.id("audit-changes")).getText().contains(DISTRICT));
        assertTrue(changes.getText(), changes.getText().contains("基层工会") && changes.getText().contains("新值"));
        assertFalse("no JSON: " + changes.getText(), changes.getText().contains("{"));
        checkScreen("core-audit-changes");
        browser.waitFor(By.cssSelector(".el-dialog:has(#audit-changes) button[data-action='close']")).click();
        chooseFilter("audit", "action", "修改账号");
        browser.waitFor(By.cssSelector("#audit button[data-action='search']")).click();
        browser.until("the account stopped", d -> d.findElement(first).getText().contains(OFFICER));
        checkScreen("core-audit-accounts");
        // a module's record by the name its entry recorded, not "集市 1" (the demo fair, created through the service)
        chooseFilter("audit", "action", "工会集市·全部操作");
        browser.waitFor(By.cssSelector("#audit button[data-action='search']")).click();
        browser.until("the demo fair by name", d -> d.findElements(By.cssSelector("#audit .el-table__body-wrapper tr.el-table__row"))
                .stream().anyMatch(r -> r.getText().contains("集市：海沧区工会集市·春季消费季")));
    }

    @Test
    public void ca_theAuditsDateFilterMeansTheRegionsCalendarDayWhateverTheBrowsersZone() throws Exception {
        browser.size(ConsoleBrowser.DESKTOP);
        browser.open("/audit");
        browser.waitFor(By.cssSelector("#audit .el-table__row"));
        browser.timezone("America/Los_Angeles"); // 16 hours behind the hub's Asia/Shanghai
        try {
            browser.waitFor(By.cssSelector("#audit .el-table__row"));
            LocalDate today = LocalDate.now(REGION);
            typeDate("audit", "from", today);
            typeDate("audit", "to", today);
            browser.calls();
            int before = browser.urls.size();
            browser.waitFor(By.cssSelector("#audit button[data-action='search']")).click();
            browser.until("the filtered list asked", d -> {
                try {
                    browser.calls();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return browser.urls.subList(before, browser.urls.size()).stream().anyMatch(u -> u.contains("/api/audit?")
                        && u.contains("from="));
            });
            String asked = browser.urls.subList(before, browser.urls.size()).stream()
                    .filter(u -> u.contains("/api/audit?") && u.contains("from=")).reduce((a, b) -> b).orElseThrow();
            java.util.Map<String, String> params = new java.util.HashMap<>();
            for (String pair : java.net.URI.create(asked).getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
            }
            assertEquals("from: 00:00 of the day in Beijing, not in the browser's zone: " + asked,
                    today.atStartOfDay(REGION).toInstant(), Instant.parse(params.get("from")));
            assertEquals("to: 24:00 of the day in Beijing: " + asked, today.plusDays(1).atStartOfDay(REGION).toInstant(),
                    Instant.parse(params.get("to")));
            By first = By.cssSelector("#audit .el-table__body-wrapper tr.el-table__row");
            browser.until("today's entries", d -> !d.findElements(first).isEmpty());
            String line = browser.driver.findElement(first).getText();
            ZonedDateTime now = ZonedDateTime.now(REGION);
            DateTimeFormatter hour = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:");
            assertTrue("times in the region's zone in a browser set to another: " + line,
                    line.contains(now.format(hour)) || line.contains(now.minusHours(1).format(hour)));
            checkScreen("core-audit-region-day");
        } finally {
            // the machine's zone again for the steps after, without loading the page again
            ((org.openqa.selenium.chrome.ChromeDriver) browser.driver).executeCdpCommand("Emulation.setTimezoneOverride",
                    java.util.Map.of("timezoneId", ZoneId.systemDefault().getId()));
        }
    }

    /** Types a date into a search bar's date picker, as an officer may instead of clicking the calendar. */
    private void typeDate(String list, String name, LocalDate date) {
        WebElement input = browser.waitFor(By.cssSelector("#" + list + " .uh-search [data-field='" + name + "'] input"));
        input.click();
        input.sendKeys(date.toString(), Keys.ENTER);
        input.sendKeys(Keys.ESCAPE);
        browser.until("the date " + date + " in " + name, d -> date.toString().equals(input.getAttribute("value")));
    }

    @Test
    public void d_theAdministratorDisablesAndReEnablesAModule() throws Exception {
        browser.size(ConsoleBrowser.DESKTOP);
        browser.open("/admin/modules");
        browser.waitFor(By.id("admin-modules"));
        browser.until("names and states in Chinese", d -> d.findElement(By.id("admin-modules")).getText().contains("招聘会")
                && d.findElement(By.id("admin-modules")).getText().contains("运行中"));
        checkScreen("core-modules");
        browser.waitFor(By.id("nav-jobfairs"));
        browser.waitFor(By.cssSelector("[data-actions='jobfairs'] button[data-action='disable']")).click();
        browser.until("the data it keeps", d -> d.findElement(By.id("disable-impact")).getText().contains("保留的数据"));
        browser.shot("core-module-disable");
        browser.confirm();
        browser.success();
        browser.until("the menu entry goes", d -> {
            d.navigate().refresh();
            return !d.findElements(By.id("nav-home")).isEmpty() && d.findElements(By.id("nav-jobfairs")).isEmpty();
        });
        browser.waitFor(By.cssSelector("[data-actions='jobfairs'] button[data-action='enable']")).click();
        browser.confirm();
        browser.success();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(90))
                .withMessage("the menu entry comes back").ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    d.navigate().refresh();
                    browser.waitFor(By.id("nav-home"));
                    return !d.findElements(By.id("nav-jobfairs")).isEmpty();
                });
        checkScreen("core-modules-enabled");

        // the region's policy of recuperation swapped: the module then works by it
        browser.open("/admin/modules");
        browser.waitFor(By.cssSelector("tr:has([data-module='recuperation']) .el-select")).click();
        visibleOption("浙江省政策");
        browser.waitFor(By.cssSelector("tr:has([data-module='recuperation']) button[data-action='swap']")).click();
        browser.confirm();
        browser.success();
        browser.shot("core-module-policy-swapped");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(90))
                .withMessage("recuperation works by the new policy").ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    browser.open("/m/recuperation");
                    d.navigate().refresh();
                    return browser.waitFor(By.id("active-policy")).getAttribute("data-policy").contains("zhejiang");
                });

        // 系统维护: a backup, a run of the retention rules, a rotation of the personal-data key, each asked first
        browser.open("/admin/maintenance");
        browser.waitFor(By.cssSelector("button[data-action='backup']")).click();
        browser.confirm();
        browser.until("the backup listed", d -> d.findElement(By.cssSelector("#backups .el-table__row")).getText().contains("KB")
                || d.findElement(By.cssSelector("#backups .el-table__row")).getText().contains("MB"));
        browser.waitFor(By.cssSelector("button[data-action='purge']")).click();
        browser.confirm();
        browser.until("the run listed", d -> d.findElement(By.id("retention")).getText().contains("admin"));
        browser.waitFor(By.cssSelector("button[data-action='rotate']")).click();
        browser.confirm();
        browser.until("the key rotated", d -> !d.findElements(By.id("rotation-report")).isEmpty());
        checkScreen("core-maintenance");
        browser.size(ConsoleBrowser.PHONE);
        try {
            browser.open("/admin/modules");
            assertTrue(browser.waitFor(By.cssSelector("#admin-modules .uh-card button[data-action='disable']")).isDisplayed());
            checkScreen("core-modules");
            browser.open("/audit");
            browser.waitFor(By.cssSelector("#audit .uh-card"));
            checkScreen("core-audit");
            // an organisation's accounts on a phone: cards with their actions in view, nothing scrolled sideways
            browser.open("/orgs");
            browser.waitFor(By.cssSelector("#orgs .uh-card button[data-action='accounts']")).click();
            WebElement toggle = browser.waitFor(By.cssSelector("#org-accounts .uh-card button[data-action='toggle']"));
            assertTrue("停用 in view", toggle.isDisplayed() && toggle.getRect().getX() + toggle.getRect().getWidth() <= 390);
            assertNoSidewaysScrolling();
            checkScreen("core-org-accounts-phone");
            browser.waitFor(By.cssSelector(".el-dialog:has(#org-accounts) button[data-action='close']")).click();
        } finally {
            browser.size(ConsoleBrowser.DESKTOP);
        }
        browser.calls();
        assertEquals("no 5xx", List.of(), browser.serverErrors);
        browser.signOut();
    }

    @Test
    public void e_theOfficerDecidesPersonalDataRequestsAndIsOfferedNoAdministratorsWork() throws Exception {
        // the requests are the members' (the member app)
        assertEquals(201, hub.send("POST", "/api/me/data-requests", "worker:worker",
                "{\"kind\":\"CORRECTION\",\"detail\":\"手机号已更换为 13900000041\"}").statusCode());
        assertEquals(201, hub.send("POST", "/api/me/data-requests", "porter:porter",
                "{\"kind\":\"CORRECTION\",\"detail\":\"入会日期有误\"}").statusCode());
        browser.size(ConsoleBrowser.DESKTOP);
        browser.signIn("officer", "officer");
        browser.open("/data-requests");
        browser.until("both requests by member name", d -> d.findElement(By.id("data-requests")).getText().contains("林晓燕")
                && d.findElement(By.id("data-requests")).getText().contains("陈建国"));
        checkScreen("core-data-requests");
        browser.waitFor(By.xpath("//tr[contains(@class,'el-table__row')][contains(.,'林晓燕')]//button[@data-action='approve']")).click();
        browser.confirm();
        browser.success();
        browser.waitFor(By.xpath("//tr[contains(@class,'el-table__row')][contains(.,'陈建国')]//button[@data-action='refuse']")).click();
        browser.waitFor(By.cssSelector(".el-message-box input")).sendKeys("入会日期以档案为准");
        browser.confirm();
        browser.until("decided", d -> d.findElement(By.id("data-requests")).getText().contains("已拒绝")
                && d.findElement(By.id("data-requests")).getText().contains("已同意"));
        checkScreen("core-data-requests-decided");

        // an officer: no audit, no module administration, no accounts
        assertTrue(browser.driver.findElements(By.id("nav-audit")).isEmpty());
        assertTrue(browser.driver.findElements(By.id("nav-admin")).isEmpty());
        browser.open("/orgs");
        browser.waitFor(By.cssSelector("#orgs .el-table__row button[data-action='edit']"));
        assertTrue("no 账号 for an officer", browser.driver.findElements(By.cssSelector("#orgs button[data-action='accounts']")).isEmpty());
        browser.size(ConsoleBrowser.PHONE);
        try {
            browser.open("/members");
            WebElement card = browser.waitFor(By.cssSelector("#members .uh-card"));
            assertTrue(card.findElement(By.cssSelector("button[data-action='edit']")).isDisplayed());
            Number right = (Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                    .executeScript("return document.documentElement.scrollWidth");
            assertTrue("no sideways scrolling: " + right, right.intValue() <= 390);
            checkScreen("core-members");
            browser.waitFor(By.cssSelector("button[data-action='import-members']")).click();
            browser.waitFor(By.id("import-form"));
            assertNoSidewaysScrolling();
            checkScreen("core-member-import-phone");
            new Actions(browser.driver).sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();
            browser.until("the import dialog closed", d -> d.findElements(By.id("import-form")).stream().noneMatch(WebElement::isDisplayed));
            browser.open("/orgs");
            browser.waitFor(By.cssSelector("#orgs .uh-card"));
            checkScreen("core-orgs");
        } finally {
            browser.size(ConsoleBrowser.DESKTOP);
        }
        browser.calls();
        assertEquals("no 5xx", List.of(), browser.serverErrors);
        browser.signOut();
    }

    @Test
    public void f_theOfficerReturnsAJoinRequestWithItsReason() throws Exception {
        // the applicant's part is the member app's (MemberJourneyIT joins through it): here through the API
        String phone = "139" + String.format("%08d", RUN * 1000 + 7);
        assertEquals(202, hub.send("POST", "/api/auth/phone/codes", null,
                "{\"phone\":\"" + phone + "\",\"purpose\":\"JOIN\"}").statusCode());
        String text = JSON.readTree(hub.send("GET", "/api/admin/outbox?phone=" + phone, "admin:admin", null).body())
                .path("items").get(0).path("text").asText();
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("验证码是(\\d{6})").matcher(text);
        assertTrue(text, code.find());
        long port = JSON.readTree(hub.send("GET", "/api/orgs?limit=5&name=" + java.net.URLEncoder.encode("海沧港务",
                StandardCharsets.UTF_8), "admin:admin", null).body()).path("items").get(0).path("id").asLong();
        String form = "{\"name\":\"何海燕\",\"idNumber\":\"" + idNumber() + "\",\"phone\":\"" + phone + "\",\"code\":\""
                + code.group(1) + "\",\"employer\":\"厦门海沧港务有限公司\",\"employmentForm\":\"EMPLOYEE\",\"orgId\":" + port
                + ",\"consent\":{\"noticeVersion\":\"2026-11-1\",\"channel\":\"H5\",\"sensitive\":[\"ID_NUMBER\"]}}";
        assertEquals(202, hub.send("POST", "/api/join/requests", null, form).statusCode());

        browser.size(ConsoleBrowser.DESKTOP);
        browser.signIn("officer", "officer");
        browser.open("/join-requests");
        By row = By.xpath("//tr[contains(@class,'el-table__row')][contains(.,'何海燕')]");
        browser.waitFor(row);
        browser.waitFor(By.xpath("//tr[contains(@class,'el-table__row')][contains(.,'何海燕')]//button[@data-action='return']")).click();
        browser.waitFor(By.cssSelector(".el-message-box input")).sendKeys("请填写完整的工作单位名称");
        browser.confirm();
        browser.until("returned", d -> d.findElements(row).stream().anyMatch(r -> r.getText().contains("已退回")));
        checkScreen("core-join-returned");
        browser.calls();
        assertEquals("no 5xx", List.of(), browser.serverErrors);
        browser.signOut();
    }

    /** A valid GB 11643 number, new in each run. */
    private static String idNumber() {
        String body = String.format("35020519850101%03d", RUN % 1000);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** Types into a search bar's text filter and presses 查询. */
    private void searchText(String list, String name, String text) {
        WebElement input = browser.waitFor(By.cssSelector("#" + list + " .uh-search [data-field='" + name + "'] input"));
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
        input.sendKeys(text);
        browser.waitFor(By.cssSelector("#" + list + " button[data-action='search']")).click();
    }

    /** Picks an option of a form's select by its label (the visible list: the search bar's may hold the same). */
    private void choose(String form, String name, String label) {
        browser.waitFor(By.cssSelector("#" + form + " [data-field='" + name + "'] .el-select")).click();
        visibleOption(label);
    }

    private void visibleOption(String label) {
        By option = By.xpath("//li[contains(@class,'el-select-dropdown__item') and normalize-space(.)='" + label + "']");
        browser.clickOption("the option " + label, option);
    }

    /** Picks an option of a search bar's select by its label (the visible list: a dialog's may hold the same). */
    private void chooseFilter(String list, String name, String label) {
        browser.waitFor(By.cssSelector("#" + list + " .uh-search [data-field='" + name + "'] .el-select")).click();
        visibleOption(label);
    }

    /** Picks an organisation by name in a form's tree picker. */
    private void pickOrg(String form, String name, String org) {
        browser.waitFor(By.cssSelector("#" + form + " [data-field='" + name + "'] .el-select")).click();
        By node = By.xpath("//*[contains(@class,'el-select-dropdown__item')][normalize-space(.)='" + org + "']");
        browser.clickOption("the organisation " + org, node);
    }

    private static long members(String name) throws Exception {
        JsonNode page = JSON.readTree(hub.send("GET", "/api/members?limit=200&name=" + java.net.URLEncoder.encode(name,
                StandardCharsets.UTF_8), "admin:admin", null).body());
        long n = 0;
        for (JsonNode m : page.path("items")) {
            n += m.path("name").asText().equals(name) ? 1 : 0;
        }
        return n;
    }

    private static long orgs(String name) throws Exception {
        JsonNode page = JSON.readTree(hub.send("GET", "/api/orgs?limit=200&name=" + java.net.URLEncoder.encode(name,
                StandardCharsets.UTF_8), "admin:admin", null).body());
        long n = 0;
        for (JsonNode o : page.path("items")) {
            n += o.path("name").asText().equals(name) ? 1 : 0;
        }
        return n;
    }

}
