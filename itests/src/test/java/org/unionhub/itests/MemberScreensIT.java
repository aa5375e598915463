package org.unionhub.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 21, the member screens of every module at 390×844 as the three demo members (employee {@code worker}, rider
 * {@code member}, model worker {@code porter}): a rider asks his union for a recuperation place and, once the union
 * booked him, finds the trip with his subsidy and its reason; a model worker reads his record, a member who is none
 * reads that he is not in the archive; every screen every installed module declares (its routes, read from the
 * module's own script) opens without an answer of 400 or more, with no serious or critical axe-core finding, and
 * stays usable with the font size raised to 150 % ({@link PhoneLayout}); recuperation disabled while the app shows
 * its screen leaves the app without an error and comes back when enabled. Screenshots: target/console-screenshots
 * (screen-*, recuperation-*, modelworkers-*).
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class MemberScreensIT extends BrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MEMBERS = List.of("worker", "member", "porter");
    /** The shell's own screens for a signed-in member, and those anyone may open. */
    private static final List<String> SHELL = List.of("", "inbox", "mine");
    private static final List<String> PUBLIC = List.of("login", "join", "password");

    @BeforeClass
    public static void startHubAndBrowser() throws Exception {
        start("member-screens-it", "MemberScreensIT", List.of("--profile", "all", "--region-name", "厦门市总工会"),
                false, "recuperation", "modelworkers");
        browser.size(ConsoleBrowser.PHONE);
    }

    @Override
    protected String failureShot(String method) {
        return "screen-failed-" + method;
    }

    @Test
    public void a_aRiderAsksHisUnionForARecuperationPlaceAndFindsTheTripItBooked() throws Exception {
        signIn("member");
        browser.waitFor(By.cssSelector("#services [data-module='recuperation']")).click();
        WebElement first = browser.waitFor(By.cssSelector("#recuperation-programmes [data-programme]"));
        long programme = Long.parseLong(first.getAttribute("data-programme"));
        check("recuperation-programmes");
        tap(By.cssSelector("[data-programme='" + programme + "'] [data-action='ask']"));
        WebElement note = browser.waitFor(By.cssSelector("#request-form textarea[name='note']"));
        note.sendKeys("十一月中旬以后都可以出行");
        // the trip notice: sent only once he agrees; a note (it may speak of his health) needs the separate consent too
        assertFalse("no request before he agrees", browser.driver.findElement(By.id("request-submit")).isEnabled());
        tap(By.id("trip-agree"));
        tap(By.id("trip-agree-MEDICAL"));
        check("recuperation-request");
        browser.waitFor(By.id("request-submit")).click();
        browser.until("his request is shown", d -> d.findElement(By.cssSelector("[data-programme='" + programme + "']"))
                .getText().contains("已申请"));
        assertTrue("asked once, no second button", browser.driver.findElements(
                By.cssSelector("[data-programme='" + programme + "'] [data-action='ask']")).isEmpty());

        // his union books him (the officer's console is another issue's screen): the trip and his subsidy appear
        JsonNode me = json(call("GET", "/api/me", "member:member", null));
        JsonNode requests = json(call("GET", "/api/recuperation/requests?programmeId=" + programme, "member:member", null));
        assertEquals("one request, his own", 1, requests.path("items").size());
        JsonNode booking = json(call("POST", "/api/recuperation/bookings", "admin:admin", "{\"programmeId\":" + programme
                + ",\"organiserOrgId\":" + me.path("orgId").asLong() + ",\"memberIds\":[" + me.path("memberId").asLong() + "]}"));
        browser.waitFor(By.id("tab-mine")).click();
        tap(By.cssSelector("#mine [data-module='recuperation']"));
        By trip = By.cssSelector("#recuperation-trips [data-booking='" + booking.path("id").asLong() + "']");
        browser.waitFor(trip);
        String shown = browser.driver.findElement(trip).getText();
        String reason = booking.path("subsidyPerMember").get(0).path("reason").asText(booking.path("subsidyReason").asText());
        assertTrue("the subsidy's reason as the server gave it: " + shown, shown.contains(reason.isEmpty() ? "补贴" : reason));
        assertTrue(shown, shown.contains("补贴") && shown.contains("¥"));
        assertTrue(browser.waitFor(By.id("my-requests")).getText().contains("工会已预订"));
        check("recuperation-trips");
        noErrors();
    }

    @Test
    public void b_aModelWorkerReadsHisRecordAndAnotherMemberReadsHeIsNotInTheArchive() throws Exception {
        signIn("porter");
        browser.waitFor(By.cssSelector("#services [data-module='modelworkers']")).click();
        assertTrue(browser.waitFor(By.id("mw-titles")).getText().contains("全国劳动模范"));
        assertTrue(browser.waitFor(By.id("mw-subsidies")).getText().contains("¥"));
        assertTrue(browser.waitFor(By.id("mw-history")).getText().contains("退休"));
        check("modelworkers-record");
        signIn("worker");
        browser.waitFor(By.cssSelector("#services [data-module='modelworkers']")).click();
        assertTrue(browser.waitFor(By.id("mw-none")).getText().contains("没有您的记录"));
        check("modelworkers-none");
        noErrors();
    }

    @Test
    public void c_everyMemberScreenOpensForEachDemoMemberAndStaysUsableAt150Percent() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String account : MEMBERS) {
            signIn(account);
            List<String> screens = new ArrayList<>(SHELL);
            screens.addAll(moduleScreens(account));
            for (String screen : screens) {
                problems.addAll(open(account, screen));
            }
        }
        signOutHere();
        for (String screen : PUBLIC) {
            problems.addAll(open("public", screen));
        }
        assertEquals("screens with problems", List.of(), problems);
    }

    @Test
    public void d_recuperationDisabledLeavesTheOpenAppAndComesBackWhenEnabled() throws Exception {
        signIn("member");
        By tile = By.cssSelector("#services [data-module='recuperation']");
        browser.waitFor(tile).click();
        browser.waitFor(By.id("recuperation-programmes"));
        try {
            call("POST", "/api/admin/modules", "admin:admin", "{\"action\":\"disable\",\"module\":\"recuperation\"}");
            // the app reads the modules again (every 15 s): the open screen goes, 首页 shows the others
            browser.until("the screen goes", d -> d.findElements(By.id("recuperation-programmes")).isEmpty());
            browser.until("its tile goes", d -> !d.findElements(By.id("services")).isEmpty() && d.findElements(tile).isEmpty());
            assertFalse(browser.driver.findElements(By.cssSelector("#services [data-module='fairs']")).isEmpty());
            check("screen-home-without-recuperation");
            browser.waitFor(By.id("tab-mine")).click();
            browser.waitFor(By.id("signout"));
            assertTrue(browser.driver.findElements(By.cssSelector("#mine [data-module='recuperation']")).isEmpty());
        } finally {
            call("POST", "/api/admin/modules", "admin:admin", "{\"action\":\"enable\",\"module\":\"recuperation\"}");
        }
        hub.awaitModule("recuperation");
        browser.waitFor(By.id("tab-home")).click();
        browser.until("its tile comes back", d -> !d.findElements(tile).isEmpty());
        browser.waitFor(tile).click();
        browser.waitFor(By.cssSelector("#recuperation-programmes [data-programme]"));
        check("screen-recuperation-back");
        noErrors();
    }

    /** Opens a screen by its address: it must answer nothing of 400 or more, pass axe-core, and fit at 150 %. */
    private List<String> open(String account, String screen) throws Exception {
        List<String> problems = new ArrayList<>();
        browser.driver.get(hub.url("/m/" + screen));
        browser.waitFor(By.cssSelector("#app .uh-page, #app form"));
        browser.settle();
        String name = "screen-" + account + "-" + (screen.isEmpty() ? "home" : screen.replace('/', '_'));
        browser.shot(name);
        browser.calls();
        browser.clientErrors.forEach(e -> problems.add(account + " /m/" + screen + ": answered " + e));
        browser.serverErrors.forEach(e -> problems.add(account + " /m/" + screen + ": answered " + e));
        browser.clientErrors.clear();
        browser.serverErrors.clear();
        browser.axe().forEach(v -> problems.add(account + " /m/" + screen + ": axe-core " + v));
        PhoneLayout.raiseFontSize(browser.driver, 1.5);
        browser.settle();
        browser.shot(name + "-font150");
        PhoneLayout.problems(browser.driver).forEach(p -> problems.add(account + " /m/" + screen + " at 150 %: " + p));
        return problems;
    }

    /**
     * The routes every installed module declares for its member screens, read from the module's own script as the
     * app loads it; a route with a parameter is opened with the member's own record where the test knows one.
     */
    private List<String> moduleScreens(String account) throws Exception {
        String found = (String) ((JavascriptExecutor) browser.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/api/app/extensions').then(r => r.json()).then(async list => { const out = [];"
                        + " for (const e of list) { const m = await import(e.script);"
                        + "  (m.routes || []).forEach(r => out.push(e.moduleId + (r.path ? '/' + r.path : ''))); }"
                        + " done(JSON.stringify(out)); }).catch(e => done(JSON.stringify(['failed: ' + e])));");
        List<String> screens = new ArrayList<>();
        for (JsonNode s : json(found)) {
            String route = s.asText();
            assertFalse(route, route.startsWith("failed"));
            if (!route.contains(":")) {
                screens.add(route);
            } else if (route.startsWith("mutualaid/claims/:id")) {
                JsonNode claims = json(call("GET", "/api/mutual-aid/claims?limit=1", account + ":" + account, null)).path("items");
                if (claims.size() > 0) {
                    screens.add("mutualaid/claims/" + claims.get(0).path("id").asLong());
                }
            } else {
                System.out.println("MemberScreensIT: no record to open " + route + " with for " + account);
            }
        }
        assertTrue("the modules' screens: " + screens, screens.contains("recuperation") && screens.contains("modelworkers"));
        return screens;
    }

    private void signIn(String user) {
        browser.driver.get(hub.url("/m/login"));
        ((JavascriptExecutor) browser.driver).executeScript("sessionStorage.clear()");
        browser.driver.navigate().refresh();
        browser.waitFor(By.cssSelector("#login-form input[name='username']")).sendKeys(user);
        browser.driver.findElement(By.cssSelector("#login-form input[name='password']")).sendKeys(user);
        browser.waitFor(By.id("login-submit")).click();
        browser.waitFor(By.id("services"));
    }

    private void signOutHere() {
        browser.driver.get(hub.url("/m/login"));
        ((JavascriptExecutor) browser.driver).executeScript("sessionStorage.clear()");
        browser.driver.navigate().refresh();
        browser.waitFor(By.id("login-form"));
    }

    /** A tap on an element the fixed tab bar may cover until it is scrolled to the middle of the screen. */
    private void tap(By by) {
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

    /** A screenshot, and axe-core without serious or critical findings. */
    private void check(String screen) throws Exception {
        browser.settle();
        browser.shot(screen);
        assertEquals(screen + ": axe-core", List.of(), browser.axe());
    }

    private void noErrors() throws Exception {
        browser.calls();
        assertEquals("answers of 500 or more", List.of(), browser.serverErrors);
        assertEquals("answers of 400 to 499", List.of(), browser.clientErrors);
    }

    private static String call(String method, String path, String basic, String body) throws Exception {
        java.net.http.HttpResponse<String> r = hub.send(method, path, basic, body);
        assertTrue(method + " " + path + ": " + r.statusCode() + " " + r.body(), r.statusCode() < 300);
        return r.body();
    }

    private static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }
}
