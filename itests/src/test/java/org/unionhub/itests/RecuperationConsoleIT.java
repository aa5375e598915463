package org.unionhub.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

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
 * Recuperation through the console only, with the Zhejiang policy installed: the administrator adds a sanatorium
 * and a programme with a quota (each with a double click on 创建, making one), opens the year's budgets and allocates
 * one to 海沧区总工会; the district officer books two members picked by name (a double click making one booking), reads
 * each one's subsidy and the server's reason, cancels the booking after a confirmation and applies for an enterprise
 * union's grant, which the administrator approves and pays; at 1366×768, then the
 * lists as cards at 390×844. axe-core and the no-codes walk on each screen; screenshots in target/console-screenshots.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class RecuperationConsoleIT extends BrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final String SANATORIUM = "千岛湖职工疗休养基地 " + System.nanoTime() % 100000;
    private static final String PROGRAMME = "千岛湖春季疗休养";

    @BeforeClass
    public static void startHubAndBrowser() throws Exception {
        start("recuperation-console-it", "RecuperationConsoleIT",
                List.of("--modules", "recuperation:zhejiang", "--region-name", "浙江省总工会"), true, "recuperation");
    }

    @Override
    protected String failureShot(String method) {
        return "failed-recuperation-" + method;
    }

    @Test
    public void a_theAdministratorAddsASanatoriumAProgrammeAndAllocatesTheYearsBudget() throws Exception {
        browser.size(ConsoleBrowser.DESKTOP);
        browser.signIn("admin", "admin");
        browser.open("/m/recuperation/sanatoriums");
        browser.waitFor(By.cssSelector("#sanatoriums .el-table__row"));
        checkScreen("recuperation-sanatoriums");
        browser.waitFor(By.cssSelector("button[data-action='create-sanatorium']")).click();
        browser.fill("sanatorium-form", "name", SANATORIUM, "region", "浙江", "bedsPerNight", "60");
        browser.waitFor(By.cssSelector("#sanatorium-form [data-field='unionOwned'] .el-switch")).click();
        new Actions(browser.driver).doubleClick(browser.saveButton("sanatorium-form")).perform();
        browser.success();
        browser.until("the sanatorium is listed", d -> d.findElement(By.id("sanatoriums")).getText().contains(SANATORIUM));
        assertEquals("one sanatorium for a double click", 1, count("/api/recuperation/sanatoriums?limit=200", "name", SANATORIUM));

        // a programme with a quota for new-form workers, starting next month
        browser.open("/m/recuperation");
        browser.waitFor(By.cssSelector("#programmes .el-table__row"));
        checkScreen("recuperation-programmes");
        LocalDate start = LocalDate.now().plusDays(30);
        browser.waitFor(By.cssSelector("button[data-action='create-programme']")).click();
        browser.choose("programme-form", "sanatoriumId", SANATORIUM + "（浙江）");
        browser.fill("programme-form", "title", PROGRAMME, "startDate", start.toString(), "days", "4", "places", "20",
                "pricePerPersonPerDay", "300");
        browser.waitFor(By.cssSelector("button[data-action='add-quota']")).click();
        browser.choose("programme-form", "quota-0-category", "新就业形态劳动者");
        browser.fill("programme-form", "quota-0-places", "5", "quota-0-releaseOn", start.minusDays(7).toString());
        browser.shot("recuperation-programme-create");
        assertEquals("the create dialog: " + browser.axe(), List.of(), browser.axe());
        new Actions(browser.driver).doubleClick(browser.saveButton("programme-form")).perform();
        assertTrue(browser.waitFor(By.id("programme-title")).getText().contains(PROGRAMME));
        assertEquals("one programme for a double click", 1, count("/api/recuperation/programmes?limit=200", "title", PROGRAMME));
        browser.until("the quota is shown", d -> d.findElement(By.id("quotas")).getText().contains("新就业形态劳动者"));
        checkScreen("recuperation-programme");
        browser.calls();
        List<String> sent = browser.headers.get("POST /api/recuperation/programmes");
        assertTrue("the create carries an Idempotency-Key and asks for Chinese: " + sent,
                sent != null && sent.contains("idempotency-key") && sent.contains("accept-language"));

        // the year's budgets opened and one allocated to the Haicang district
        browser.open("/m/recuperation/budgets");
        browser.waitFor(By.cssSelector("button[data-action='open-year']")).click();
        browser.type("year-form", "year", Integer.toString(start.getYear()));
        browser.saveButton("year-form").click();
        browser.success();
        browser.waitFor(By.cssSelector("#budgets [data-budget]"));
        browser.waitFor(By.cssSelector("button[data-action='allocate']")).click();
        browser.waitFor(By.cssSelector("#allocation-form [data-field='budgetKey'] .el-select")).click();
        browser.clickOption("the budget of " + start.getYear(), By.xpath("(//li[contains(@class,'el-select-dropdown__item')][contains(.,'" + start.getYear() + "')])[1]"));
        browser.waitFor(By.cssSelector("#allocation-form [data-field='orgId'] .el-select")).click();
        browser.clickOption("the organisation 海沧区总工会", By.xpath("//div[contains(@class,'el-tree-node__content')][.//*[contains(text(),'海沧区总工会')]]"));
        browser.type("allocation-form", "amount", "100000");
        browser.shot("recuperation-allocate");
        browser.saveButton("allocation-form").click();
        browser.success();
        browser.until("the allocation is shown", d -> d.findElement(By.id("allocations")).getText().contains("海沧区总工会")
                && d.findElement(By.id("allocations")).getText().contains("¥100,000.00"));
        checkScreen("recuperation-budgets-admin");
        browser.calls();
        assertEquals("no 5xx", List.of(), browser.serverErrors);
        browser.signOut();
    }

    @Test
    public void b_anOfficerBooksTwoMembersByNameSeesTheirSubsidiesCancelsAndAppliesForAGrant() throws Exception {
        browser.size(ConsoleBrowser.DESKTOP);
        browser.signIn("officer", "officer");
        browser.open("/m/recuperation");
        By link = By.xpath("//tr[contains(@class,'el-table__row')]//a[contains(.,'" + PROGRAMME + "')]");
        assertTrue("an officer is offered no catalogue change (the administrator's)",
                browser.driver.findElements(By.cssSelector("button[data-action='create-programme']")).isEmpty());
        browser.waitFor(link).click();
        browser.waitFor(By.id("programme-title"));
        browser.waitFor(By.cssSelector("button[data-action='book']")).click();
        pickMember("陈建国");
        pickMember("王磊");
        // the picker's list folds away when the officer clicks elsewhere in the dialog
        browser.waitFor(By.cssSelector(".el-dialog:has(#booking-form) .el-dialog__title")).click();
        browser.choose("booking-form", "category-0", "一线职工");
        browser.shot("recuperation-book");
        assertEquals("the booking dialog: " + browser.axe(), List.of(), browser.axe());
        new Actions(browser.driver).doubleClick(browser.saveButton("booking-form")).perform();

        // what each traveller got, and why, in the server's words
        WebElement subsidies = browser.waitFor(By.id("subsidies"));
        browser.until("both travellers are named", d -> d.findElement(By.id("subsidies")).getText().contains("陈建国")
                && d.findElement(By.id("subsidies")).getText().contains("王磊"));
        String text = subsidies.getText();
        assertTrue(text, text.contains("一线职工") && text.contains("新就业形态劳动者") && text.contains("¥1,200.00"));
        for (WebElement reason : subsidies.findElements(By.cssSelector("dd.rc-reason"))) {
            assertTrue("a reason in Chinese: " + reason.getText(), HAN.matcher(reason.getText()).find());
        }
        checkScreen("recuperation-subsidies");
        JsonNode bookings = JSON.readTree(hub.send("GET", "/api/recuperation/bookings?limit=200", "officer:officer", null).body()).path("items");
        assertEquals("one booking for a double click: " + bookings, 1, bookings.size());
        browser.waitFor(By.cssSelector(".el-dialog:has(#subsidies) .el-dialog__headerbtn")).click();

        // the booking row names the travellers; cancelled after a confirmation
        browser.until("the booking is listed by name", d -> d.findElement(By.id("bookings")).getText().contains("陈建国、王磊"));
        checkScreen("recuperation-programme-bookings");
        browser.waitFor(By.cssSelector("#bookings button[data-action='cancel']")).click();
        browser.shot("recuperation-cancel-confirm");
        browser.confirm();
        browser.success();
        browser.until("the booking is cancelled", d -> d.findElement(By.id("bookings")).getText().contains("已取消"));
        assertEquals("CANCELLED", JSON.readTree(hub.send("GET", "/api/recuperation/bookings/" + bookings.get(0).path("id").asLong(),
                "officer:officer", null).body()).path("status").asText());

        // the other pages, as the officer sees them: no allocation button (the administrator's)
        browser.open("/m/recuperation/bookings");
        browser.waitFor(By.cssSelector("#bookings .el-table__row"));
        checkScreen("recuperation-bookings");
        browser.open("/m/recuperation/requests");
        browser.waitFor(By.id("requests"));
        checkScreen("recuperation-requests");
        browser.open("/m/recuperation/budgets");
        browser.waitFor(By.id("allocations"));
        assertTrue(browser.driver.findElements(By.cssSelector("button[data-action='allocate']")).isEmpty());
        checkScreen("recuperation-budgets");
        browser.calls();

        // an enterprise union's grant applied for (a union above approves and pays it: the next test)
        browser.open("/m/recuperation/grants");
        browser.waitFor(By.cssSelector("button[data-action='apply-grant']")).click();
        browser.waitFor(By.cssSelector("#grant-form [data-field='orgId'] .el-select")).click();
        browser.clickOption("the organisation 海沧港务", By.xpath("//div[contains(@class,'el-tree-node__content')][.//*[contains(text(),'海沧港务')]]"));
        browser.fill("grant-form", "enterpriseName", "厦门海沧港务有限公司", "creditCode", "91110108551385082Q",
                "title", "港务职工秋季疗休养", "startDate", LocalDate.now().plusDays(40).toString(), "days", "3",
                "persons", "20", "amount", "8000");
        assertEquals("the grant dialog: " + browser.axe(), List.of(), browser.axe());
        new Actions(browser.driver).doubleClick(browser.saveButton("grant-form")).perform();
        browser.success();
        browser.until("the grant is listed", d -> d.findElement(By.id("grants")).getText().contains("厦门海沧港务有限公司"));
        assertTrue("the applicant is offered no review of its own grant",
                browser.driver.findElements(By.cssSelector("#grants button[data-action='approve']")).isEmpty());
        checkScreen("recuperation-grants");
        assertEquals("one grant for a double click", 1,
                JSON.readTree(hub.send("GET", "/api/recuperation/grants?limit=200", "officer:officer", null).body()).path("items").size());
        browser.calls();
        assertEquals("no 5xx", List.of(), browser.serverErrors);
        browser.signOut();
    }

    @Test
    public void c_theAdministratorApprovesAndPaysTheGrant() throws Exception {
        browser.size(ConsoleBrowser.DESKTOP);
        browser.signIn("admin", "admin");
        browser.open("/m/recuperation/grants");
        browser.waitFor(By.cssSelector("#grants button[data-action='approve']")).click();
        WebElement amount = browser.waitFor(By.cssSelector(".el-message-box input"));
        amount.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        amount.sendKeys("6000");
        browser.confirm();
        browser.success();
        browser.until("the grant is approved", d -> d.findElement(By.id("grants")).getText().contains("¥6,000.00"));
        browser.waitFor(By.cssSelector("#grants button[data-action='pay']")).click();
        browser.waitFor(By.cssSelector(".el-message-box input")).sendKeys("ZJ-2026-0001");
        browser.shot("recuperation-grant-pay");
        browser.confirm();
        browser.until("the grant is paid", d -> d.findElement(By.id("grants")).getText().contains("已支付"));
        checkScreen("recuperation-grants-admin");
        browser.open("/m/recuperation/settlements");
        browser.waitFor(By.id("settlements"));
        checkScreen("recuperation-settlements");
        browser.calls();
        assertEquals("no 5xx", List.of(), browser.serverErrors);
        browser.signOut();
    }

    @Test
    public void d_onAPhoneTheListsAreCardsWithTheirActions() throws Exception {
        browser.size(ConsoleBrowser.PHONE);
        try {
            browser.signIn("officer", "officer");
            browser.open("/m/recuperation");
            WebElement card = browser.waitFor(By.cssSelector("#programmes .uh-card"));
            assertTrue("the card's actions are on screen", card.findElement(By.xpath(".//button[normalize-space(.)='详情']")).isDisplayed());
            int right = card.getRect().getX() + card.getRect().getWidth();
            assertTrue("no sideways scrolling: " + right, right <= 390);
            checkScreen("recuperation-programmes");
            browser.open("/m/recuperation/bookings");
            card = browser.waitFor(By.cssSelector("#bookings .uh-card"));
            assertTrue(card.findElement(By.xpath(".//button[normalize-space(.)='补贴明细']")).isDisplayed());
            browser.until("the travellers are named", d -> d.findElement(By.id("bookings")).getText().contains("陈建国"));
            checkScreen("recuperation-bookings");
            card.findElement(By.xpath(".//button[normalize-space(.)='补贴明细']")).click();
            browser.waitFor(By.id("subsidies"));
            checkScreen("recuperation-subsidies");
            browser.waitFor(By.cssSelector(".el-dialog:has(#subsidies) .el-dialog__headerbtn")).click();
            browser.open("/m/recuperation/budgets");
            browser.waitFor(By.id("allocations"));
            checkScreen("recuperation-budgets");
            browser.calls();
            assertEquals("no 5xx", List.of(), browser.serverErrors);
            browser.signOut();
        } finally {
            browser.size(ConsoleBrowser.DESKTOP);
        }
    }

    /** Types part of a name into the member picker and takes the member it finds. */
    private void pickMember(String name) {
        // the picker's search input has no size of its own until it has focus: click the select, type into the focus
        browser.waitFor(By.cssSelector("#booking-form [data-field='memberIds'] .el-select__wrapper")).click();
        new Actions(browser.driver).sendKeys(name).perform();
        browser.clickOption("the member " + name, By.xpath("//li[contains(@class,'el-select-dropdown__item')][contains(.,'" + name + "')]"));
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
