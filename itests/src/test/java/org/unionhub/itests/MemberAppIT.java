package org.unionhub.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.interactions.Actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 21, the member app at /m through the UI only, at 390×844: a rider opens his union's QR link, joins (a wrong
 * ID number answered beside its field, in Chinese), the officer approves through the API, he sets his password with
 * a phone code read from the outbox, signs in, claims the last coupon of a batch (the button then says 已领完) and
 * finds it under 我的券; axe-core on every screen, no answer of 500 or more, screenshots in
 * target/console-screenshots (member-*). Then the first load of /m, compressed bytes and first contentful paint
 * with the network at "fast 3G" and the CPU slowed 4× (docs/measurements.md).
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class MemberAppIT extends BrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PORT_UNION = "厦门海沧港务有限公司工会";
    private static final String PASSWORD = "Rider-Haicang-88";

    @BeforeClass
    public static void startHubAndBrowser() throws Exception {
        start("member-app-it", "MemberAppIT", List.of("--profile", "all", "--region-name", "厦门市总工会"), false, "fairs");
    }

    @Override
    protected String failureShot(String method) {
        return "member-failed-" + method;
    }

    @Test
    public void a_aRiderJoinsByQrLinkSetsHisPasswordAndClaimsACoupon() throws Exception {
        browser.size(ConsoleBrowser.PHONE);
        long port = orgId(PORT_UNION);
        String path = json(call("GET", "/api/orgs/" + port + "/join-code", "officer:officer", null)).path("path").asText();
        long batch = json(call("POST", "/api/fairs/coupon-batches", "officer:officer", batchBody())).path("id").asLong();
        String phone = String.format("1371%03d%04d", ProcessHandle.current().pid() % 1000, System.nanoTime() % 10000);

        // the QR link: the union is named by the token, the privacy notice is shown before anything is sent
        browser.driver.get(hub.url(path));
        browser.waitFor(By.id("join-form"));
        assertTrue(browser.waitFor(By.id("join-union")).getText().startsWith(PORT_UNION));
        browser.until("the privacy notice", d -> d.findElement(By.id("join-notice")).getText().contains("身份证"));
        check("member-join");
        String id = idNumber();
        type("name", "林骑手");
        type("idNumber", id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0'));
        type("phone", phone);
        browser.waitFor(By.cssSelector("#join-form [data-action='send-code']")).click();
        type("code", code(phone, 0));
        type("employer", "美团外卖海沧站");
        browser.waitFor(By.xpath("//div[@role='radio' and contains(.,'新就业形态劳动者')]")).click();
        browser.waitFor(By.xpath("//div[@role='radio' and contains(.,'外卖骑手')]")).click();
        browser.waitFor(By.id("join-agree")).click();
        // the ID number is sensitive: its consent is a box of its own, and the form cannot be sent without it
        assertFalse("sent without the separate consent", browser.waitFor(By.id("join-submit")).isEnabled());
        browser.waitFor(By.id("join-agree-ID_NUMBER")).click();
        browser.waitFor(By.id("join-submit")).click();
        // the wrong check digit is answered beside the ID number, in Chinese
        browser.until("the ID number's error beside it", d -> !error("idNumber").isEmpty());
        assertTrue(error("idNumber"), error("idNumber").matches(".*\\p{IsHan}.*"));
        check("member-join-error");
        type("idNumber", id);
        new Actions(browser.driver).doubleClick(browser.waitFor(By.id("join-submit"))).perform();
        browser.waitFor(By.id("join-done"));
        check("member-join-done");
        assertEquals("one request for a double tap", 1, requestsOf(phone).size());

        // the officer approves (through the API: the console's join screens are another issue's)
        long request = requestsOf(phone).get(0).path("id").asLong();
        call("POST", "/api/join/requests/" + request + "/approve", "officer:officer", "{}");

        // he sets his password with a code to his phone, from the sign-in page
        browser.driver.get(hub.url("/m/login"));
        browser.waitFor(By.id("go-password")).click();
        WebElement phoneField = browser.waitFor(By.cssSelector("#password-form input[name='phone']"));
        phoneField.sendKeys(phone);
        int before = outbox(phone).size();
        browser.waitFor(By.cssSelector("#password-form [data-action='send-code']")).click();
        browser.driver.findElement(By.cssSelector("#password-form input[name='code']")).sendKeys(code(phone, before));
        browser.driver.findElement(By.cssSelector("#password-form input[name='password']")).sendKeys(PASSWORD);
        check("member-password");
        browser.waitFor(By.id("password-submit")).click();

        // signs in with his phone number (filled in for him) and the new password
        browser.waitFor(By.cssSelector("#login-form input[name='password']")).sendKeys(PASSWORD);
        assertEquals(phone, browser.driver.findElement(By.cssSelector("#login-form input[name='username']")).getAttribute("value"));
        check("member-login");
        browser.waitFor(By.id("login-submit")).click();
        browser.waitFor(By.cssSelector("#services [data-module='fairs']"));
        browser.until("the welcome is unread on 首页", d -> d.findElement(By.id("tab-inbox")).getText().contains("1"));
        check("member-home");

        // claims the only coupon of the batch: the button then says it is gone
        browser.waitFor(By.cssSelector("#services [data-module='fairs']")).click();
        By claim = By.cssSelector("[data-batch='" + batch + "'] button[data-action='claim']");
        browser.waitFor(claim).click();
        browser.until("the batch is gone", d -> d.findElement(claim).getText().contains("已领完"));
        assertTrue("a gone batch cannot be tapped", !browser.driver.findElement(claim).isEnabled());
        check("member-fairs");
        browser.calls();
        List<String> sent = browser.headers.get("POST /api/fairs/coupon-batches/" + batch + "/claims");
        assertTrue("the claim carries an Idempotency-Key and asks for Chinese: " + sent,
                sent != null && sent.contains("idempotency-key") && sent.contains("accept-language"));

        // 我的 -> 我的券: the coupon with its code for the stall
        browser.waitFor(By.id("tab-mine")).click();
        browser.waitFor(By.cssSelector("#mine [data-module='fairs']")).click();
        browser.until("his coupon", d -> !d.findElements(By.cssSelector("#my-coupons [data-code]")).isEmpty());
        assertEquals(1, browser.driver.findElements(By.cssSelector("#my-coupons [data-code]")).size());
        check("member-coupons");
        // 出示: the code as a QR code for the merchant's scanner, drawn on the phone
        String code = browser.driver.findElement(By.cssSelector("#my-coupons [data-code]")).getAttribute("data-code");
        browser.waitFor(By.cssSelector("[data-show='" + code + "']")).click();
        WebElement qr = browser.waitFor(By.cssSelector("#coupon-qr img"));
        assertTrue("a QR code image", qr.getAttribute("src").startsWith("data:image/png;base64,"));
        assertTrue(qr.getAttribute("alt").contains(code));
        browser.until("the QR code is drawn", d -> ((Number) ((JavascriptExecutor) d)
                .executeScript("return arguments[0].naturalWidth", qr)).intValue() >= 200);
        check("member-coupon-qr");
        browser.driver.findElement(By.cssSelector("#coupon-qr [data-action='hide-qr']")).click();
        browser.until("the QR code is put away", d -> d.findElements(By.id("coupon-qr")).isEmpty());

        browser.waitFor(By.id("tab-inbox")).click();
        browser.until("the welcome", d -> d.findElement(By.id("inbox")).getText().contains("工会"));
        check("member-inbox");
        browser.waitFor(By.id("tab-mine")).click();
        browser.waitFor(By.id("signout"));
        check("member-mine");

        // the same screens on a desktop browser
        browser.size(ConsoleBrowser.DESKTOP);
        browser.driver.get(hub.url("/m/"));
        browser.waitFor(By.cssSelector("#services [data-module='fairs']"));
        check("member-home");
        browser.driver.get(hub.url("/m/fairs"));
        browser.waitFor(By.id("batches"));
        check("member-fairs");
        signOut();
        browser.calls();
        assertEquals("answers of 500 or more", List.of(), browser.serverErrors);
    }

    /**
     * The first load of /m as a new phone would see it: no cache, "fast 3G" (562.5 ms round trip, 1.44 Mbit/s down,
     * 675 kbit/s up, as Lighthouse's mobile profile) and the CPU slowed 4×. Recorded, not asserted as a time; the
     * compressed bytes are asserted against issue 21's 200 KB.
     */
    @Test
    public void b_firstLoadOfTheAppOnASlowPhone() throws Exception {
        browser.size(ConsoleBrowser.PHONE);
        ChromiumDriver chrome = (ChromiumDriver) browser.driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 562.5,
                "downloadThroughput", 1_474_560 / 8, "uploadThroughput", 675_000 / 8));
        chrome.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 4));
        // as a new phone: nobody signed in
        browser.driver.get(hub.url("/m/login"));
        ((JavascriptExecutor) browser.driver).executeScript("sessionStorage.clear()");
        StringBuilder report = new StringBuilder();
        try {
            for (int run = 1; run <= 3; run++) {
                browser.driver.get("about:blank");
                browser.driver.get(hub.url("/m/"));
                browser.waitFor(By.id("go-join"));
                Thread.sleep(500);
                Map<?, ?> m = (Map<?, ?>) ((JavascriptExecutor) browser.driver).executeScript(
                        "const nav = performance.getEntriesByType('navigation')[0];"
                                + "const res = performance.getEntriesByType('resource');"
                                + "const fcp = performance.getEntriesByName('first-contentful-paint')[0];"
                                + "const ready = performance.getEntriesByName('uh-app-ready')[0];"
                                + "return { bytes: res.reduce((n, r) => n + r.transferSize, nav.transferSize),"
                                + " files: res.length + 1, fcp: fcp ? Math.round(fcp.startTime) : -1,"
                                + " ready: ready ? Math.round(ready.startTime) : -1, load: Math.round(nav.loadEventEnd) };");
                report.append(String.format("run %d: %s bytes over the wire in %s files, first contentful paint %s ms, "
                        + "first screen mounted %s ms, load event %s ms%n", run, m.get("bytes"), m.get("files"), m.get("fcp"),
                        m.get("ready"), m.get("load")));
                assertTrue("first load under 200 KB compressed: " + m, ((Number) m.get("bytes")).longValue() < 200_000);
            }
        } finally {
            chrome.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 1));
            chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
        }
        System.out.print(report);
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        Files.writeString(target.resolve("member-app-first-load.txt"), report, StandardCharsets.UTF_8);
    }

    /**
     * A demo member whose hospital claim was paid follows it in the app: his plans, his claims, the claim's steps and
     * the payout breakdown.
     */
    @Test
    public void c_aMemberFollowsHisMutualAidClaimToThePayout() throws Exception {
        browser.size(ConsoleBrowser.PHONE);
        String account = null;
        long paid = 0;
        for (String a : List.of("member", "porter", "worker")) {
            for (JsonNode c : json(call("GET", "/api/mutual-aid/claims?limit=50", a + ":" + a, null)).path("items")) {
                if (c.path("status").asText().equals("PAID") && account == null) {
                    account = a;
                    paid = c.path("id").asLong();
                }
            }
        }
        assertTrue("the demo has a paid claim of a demo member", account != null);
        signIn(account, account);
        browser.waitFor(By.cssSelector("#services [data-module='mutualaid']")).click();
        browser.waitFor(By.cssSelector("#mutualaid-plans [data-plan]"));
        browser.until("his enrolment", d -> d.findElement(By.id("mutualaid-plans")).getText().contains("已参保"));
        check("member-mutualaid-plans");
        browser.waitFor(By.cssSelector("#mutualaid-plans .ma-link")).click();
        browser.waitFor(By.cssSelector("#mutualaid-claims [data-claim='" + paid + "']")).click();
        browser.waitFor(By.id("claim-breakdown"));
        assertTrue(browser.waitFor(By.id("claim-status")).getText().contains("已支付"));
        assertTrue(browser.waitFor(By.id("claim-payout")).getText().contains("¥"));
        check("member-mutualaid-claim");
        signOut();
    }

    /** A module disabled while a member has the app open leaves its 首页 tiles; enabled again, they come back. */
    @Test
    public void d_aDisabledModuleLeavesTheAppAndComesBack() throws Exception {
        browser.size(ConsoleBrowser.PHONE);
        signIn("member", "member");
        By tile = By.cssSelector("#services [data-module='mutualaid']");
        browser.waitFor(tile);
        try {
            call("POST", "/api/admin/modules", "admin:admin", "{\"action\":\"disable\",\"module\":\"mutualaid\"}");
            browser.until("the tile goes", d -> d.findElements(tile).isEmpty());
            assertTrue(browser.driver.findElements(By.cssSelector("#services [data-module='fairs']")).size() > 0);
            check("member-home-without-mutualaid");
        } finally {
            call("POST", "/api/admin/modules", "admin:admin", "{\"action\":\"enable\",\"module\":\"mutualaid\"}");
        }
        hub.awaitModule("mutualaid");
        browser.until("the tile comes back", d -> !d.findElements(tile).isEmpty());
        browser.calls();
        assertEquals("answers of 500 or more", List.of(), browser.serverErrors);
        signOut();
    }

    /** A tap on an element the fixed tab bar may cover until the page is scrolled (it is out of the way in the middle). */
    private void tap(By by) {
        // a screen still filling in (我的 reads his data after it shows) moves the element: scroll and try again
        browser.until("a tap on " + by, d -> {
            WebElement e = d.findElement(by);
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
            try {
                e.click();
                return true;
            } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
                return false;
            }
        });
    }

    private void signIn(String user, String password) {
        browser.driver.get(hub.url("/m/login"));
        ((JavascriptExecutor) browser.driver).executeScript("sessionStorage.clear()");
        browser.driver.navigate().refresh();
        browser.waitFor(By.cssSelector("#login-form input[name='username']")).sendKeys(user);
        browser.driver.findElement(By.cssSelector("#login-form input[name='password']")).sendKeys(password);
        browser.waitFor(By.id("login-submit")).click();
        browser.waitFor(By.id("services"));
    }

    private void signOut() {
        browser.waitFor(By.id("tab-mine")).click();
        browser.waitFor(By.id("signout"));
        tap(By.id("signout"));
        browser.waitFor(By.id("login-form"));
    }

    /** A screenshot, and axe-core without serious or critical findings. */
    private void check(String screen) throws Exception {
        browser.settle();
        browser.shot(screen);
        assertEquals(screen + ": axe-core", List.of(), browser.axe());
    }

    private void type(String name, String text) {
        WebElement input = browser.waitFor(By.cssSelector("#join-form input[name='" + name + "']"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    private String error(String name) {
        List<WebElement> e = browser.driver.findElements(By.xpath("//input[@name='" + name
                + "']/ancestor::div[contains(concat(' ', @class, ' '), ' van-field ')][1]//div[contains(@class,'van-field__error-message')]"));
        return e.isEmpty() ? "" : e.get(0).getText();
    }

    /** The code in the newest SMS to the phone once there are more than {@code before} messages. */
    private String code(String phone, int before) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            List<JsonNode> items = outbox(phone);
            if (items.size() > before) {
                Matcher m = Pattern.compile("验证码是(\\d{6})").matcher(items.get(0).path("text").asText());
                assertTrue(items.get(0).toString(), m.find());
                return m.group(1);
            }
            assertTrue("no code to " + phone + " after 30 s", System.currentTimeMillis() < deadline);
            Thread.sleep(200);
        }
    }

    private List<JsonNode> outbox(String phone) throws Exception {
        List<JsonNode> items = new java.util.ArrayList<>();
        json(call("GET", "/api/admin/outbox?channel=SMS&phone=" + phone, "admin:admin", null)).path("items").forEach(items::add);
        return items;
    }

    private List<JsonNode> requestsOf(String phone) throws Exception {
        List<JsonNode> found = new java.util.ArrayList<>();
        for (JsonNode r : json(call("GET", "/api/join/requests?limit=500", "officer:officer", null)).path("items")) {
            if (phone.equals(r.path("phone").asText())) {
                found.add(r);
            }
        }
        return found;
    }

    private long orgId(String namePrefix) throws Exception {
        for (JsonNode o : json(call("GET", "/api/orgs?limit=500", "admin:admin", null)).path("items")) {
            if (o.path("name").asText().startsWith(namePrefix)) {
                return o.path("id").asLong();
            }
        }
        throw new AssertionError(namePrefix);
    }

    private static String call(String method, String path, String basic, String body) throws Exception {
        java.net.http.HttpResponse<String> r = hub.send(method, path, basic, body);
        assertTrue(method + " " + path + ": " + r.statusCode() + " " + r.body(), r.statusCode() < 300);
        return r.body();
    }

    private static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }

    private static String batchBody() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        return "{\"title\":\"集市满30减20\",\"kind\":\"THRESHOLD\",\"threshold\":30,\"discount\":20,\"quantity\":1,"
                + "\"perMemberLimit\":1,\"validFrom\":\"" + now.minusMinutes(5) + "\",\"validTo\":\"" + now.plusDays(1) + "\"}";
    }

    /** A valid GB 11643 number born 1990-01-01 in Xiamen, different per run. */
    private static String idNumber() {
        String body = String.format("35020519900101%03d", System.nanoTime() % 1000);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
