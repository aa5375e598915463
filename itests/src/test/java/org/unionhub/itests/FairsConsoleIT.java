package org.unionhub.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Union fairs through the console only, as the district officer: a fair created with a double click on 创建 (one
 * fair), a stall application entered and rejected with a reason, a coupon batch, visits and a sale, the fair
 * edited and closed after a confirmation; at 1366×768 and 390×844, with axe-core and the no-codes walk on each
 * screen. Screenshots in target/console-screenshots, the API calls in target/console-calls.
 */
public class FairsConsoleIT extends BrowserIT {

    private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @BeforeClass
    public static void startHubAndBrowser() throws Exception {
        start("fairs-console-it", "FairsConsoleIT", List.of("--profile", "all", "--region-name", "厦门市总工会"),
                true, "fairs");
    }

    @Test
    public void anOfficerRunsAFairFromCreationToClosing() throws Exception {
        browser.size(ConsoleBrowser.DESKTOP);
        browser.signIn("officer", "officer");
        browser.open("/m/fairs");
        browser.waitFor(By.cssSelector("#fairs .el-table__row"));
        checkScreen("fairs");

        // a double click on 创建 makes one fair
        browser.waitFor(By.cssSelector("button[data-action='create-fair']")).click();
        String name = "控制台集市 " + System.nanoTime();
        LocalDateTime now = LocalDateTime.now().withSecond(0).withNano(0);
        browser.fill("fair-form",
                "name", name,
                "theme", "月月有主题",
                "venue", "海沧湾公园",
                "startsAt", now.plusDays(10).format(PICKER),
                "endsAt", now.plusDays(11).format(PICKER),
                "stallCount", "30",
                "stallFeePerDay", "50",
                "registrationOpensAt", now.minusHours(1).format(PICKER),
                "registrationClosesAt", now.plusDays(5).format(PICKER),
                "sections", "优惠购物，法律援助");
        browser.shot("fair-create");
        assertEquals("the create dialog: " + browser.axe(), List.of(), browser.axe());
        new Actions(browser.driver).doubleClick(browser.saveButton("fair-form")).perform();
        WebElement title = browser.waitFor(By.id("fair-name"));
        assertTrue(title.getText().contains(name));
        JsonNode fairs = new ObjectMapper().readTree(hub.get("/api/fairs?limit=200").body()).path("items");
        long made = 0;
        for (JsonNode f : fairs) {
            made += f.path("name").asText().equals(name) ? 1 : 0;
        }
        assertEquals("one fair for a double click", 1, made);
        browser.calls();
        List<String> sent = browser.headers.get("POST /api/fairs");
        assertTrue("the create carries an Idempotency-Key and asks for Chinese: " + sent,
                sent != null && sent.contains("idempotency-key") && sent.contains("accept-language"));
        browser.waitFor(By.id("applications"));
        checkScreen("fair-detail");

        // a stall application entered for a merchant, then rejected with a reason
        browser.waitFor(By.cssSelector("button[data-action='create-application']")).click();
        browser.fill("application-form",
                "companyName", "厦门小米之家",
                "creditCode", "91110108551385082Q",
                "contact", "13800000009",
                "category", "数码");
        browser.saveButton("application-form").click();
        browser.success();
        browser.until("the application is allocated a stall", d -> d.findElement(By.id("applications")).getText().contains("已分配"));
        browser.shot("fair-application-allocated");
        browser.waitFor(By.cssSelector("#applications button[data-action='reject']")).click();
        browser.waitFor(By.cssSelector(".el-message-box input")).sendKeys("经营类别与集市主题不符");
        browser.confirm();
        browser.until("the application is rejected", d -> d.findElement(By.id("applications")).getText().contains("已驳回"));

        // a coupon batch
        browser.waitFor(By.id("tab-coupons")).click();
        browser.waitFor(By.cssSelector("button[data-action='create-batch']")).click();
        browser.type("batch-form", "title", "满100减20");
        browser.choose("batch-form", "kind", "满减券");
        browser.fill("batch-form",
                "threshold", "100",
                "discount", "20",
                "quantity", "50",
                "validFrom", now.format(PICKER),
                "validTo", now.plusDays(20).format(PICKER));
        browser.saveButton("batch-form").click();
        browser.success();
        browser.until("the batch is listed", d -> d.findElement(By.id("coupon-batches")).getText().contains("满100减20"));
        checkScreen("fair-coupons");

        // visits and a sale
        browser.waitFor(By.id("tab-visits")).click();
        browser.waitFor(By.cssSelector("button[data-action='record-visits']")).click();
        browser.fill("visits-form",
                "slotStart", now.minusHours(2).format(PICKER),
                "slotEnd", now.minusHours(1).format(PICKER),
                "visits", "120");
        browser.saveButton("visits-form").click();
        browser.success();
        browser.waitFor(By.cssSelector("button[data-action='record-sale']")).click();
        browser.fill("sale-form",
                "merchant", "厦门小米之家",
                "amount", "88.5");
        browser.saveButton("sale-form").click();
        browser.success();
        browser.until("the visits are counted", d -> d.findElement(By.id("fair-figures")).getText().contains("120"));
        browser.shot("fair-visits");

        // edited from the list, then closed after a confirmation
        browser.open("/m/fairs");
        By row = By.xpath("//tr[contains(@class,'el-table__row')][.//a[contains(.,'" + name + "')]]");
        browser.waitFor(row).findElement(By.cssSelector("button[data-action='edit']")).click();
        browser.type("fair-edit-form", "venue", "海沧湾公园北广场");
        browser.saveButton("fair-edit-form").click();
        browser.success();
        browser.until("the venue is changed", d -> d.findElement(row).getText().contains("海沧湾公园北广场")
                && !d.findElement(row).getText().contains("海沧湾公园海沧湾公园"));
        browser.waitFor(row).findElement(By.cssSelector("button[data-action='close']")).click();
        browser.shot("fair-close-confirm");
        browser.confirm();
        browser.until("the fair is closed", d -> d.findElement(row).getText().contains("已结束"));
        browser.calls();
        browser.signOut();
    }

    @Test
    public void onAPhoneTheFairsAreCardsWithTheirActionsAndTheMenuADrawer() throws Exception {
        browser.size(ConsoleBrowser.PHONE);
        try {
            browser.signIn("officer", "officer");
            browser.open("/m/fairs");
            WebElement card = browser.waitFor(By.cssSelector("#fairs .uh-card"));
            assertTrue("the card's actions are on screen", card.findElement(By.xpath(".//button[normalize-space(.)='详情']")).isDisplayed());
            int right = card.getRect().getX() + card.getRect().getWidth();
            assertTrue("no sideways scrolling: " + right, right <= 390);
            checkScreen("fairs");
            assertTrue("the menu is folded away", browser.driver.findElements(By.id("nav-fairs")).stream().noneMatch(WebElement::isDisplayed));
            browser.waitFor(By.id("menu-toggle")).click();
            browser.waitFor(By.id("nav-fairs"));
            browser.shot("fairs-menu");
            browser.waitFor(By.id("nav-fairs")).click();
            browser.waitFor(By.cssSelector("#fairs .uh-card")).findElement(By.xpath(".//button[normalize-space(.)='详情']")).click();
            browser.waitFor(By.id("fair-name"));
            checkScreen("fair-detail");
            browser.calls();
            browser.signOut();
        } finally {
            browser.size(ConsoleBrowser.DESKTOP);
        }
    }
}
