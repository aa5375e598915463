package org.unionhub.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The officer console in headless Chromium against the real distribution: sign in, the 工作台 with the officer's
 * union, a phone-sized screen, screens not yet rebuilt on the kit still working inside the new shell (the platform's
 * own screens, module administration included: CoreConsoleIT; mutual aid's claim steps: MutualAidConsoleIT). Screenshots go to
 * target/console-screenshots for review.
 */
public class ConsoleIT {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";
    private static ExternalHub hub;
    private static WebDriver browser;
    private static Path shots;

    @BeforeClass
    public static void startHubAndBrowser() throws Exception {
        assumeTrue("Debian's chromium and chromium-driver are needed (.ci/run installs them)",
                new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute());
        hub = ExternalHub.unpack("console-it");
        hub.setup("--profile", "all", "--region-name", "厦门市总工会");
        hub.start("fairs", "jobfairs", "recuperation", "mutualaid", "modelworkers");
        browser = browser();
        shots = Path.of(System.getProperty("project.build.directory", "target"), "console-screenshots");
        Files.createDirectories(shots);
    }

    static WebDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (hub != null) {
            hub.stop();
        }
    }

    @Test
    public void anOfficerSignsInAndSeesHisUnion() throws Exception {
        signIn("officer", "officer");
        // the 工作台 names the officer's own union, not the server's health
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("own-union")).getText().contains("海沧区总工会"));
        waitFor(By.id("todos"));
        shot("home");
        signOut();
    }

    @Test
    public void anAdminSeesThePhoneLayout() throws Exception {
        signIn("admin", "admin");
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(hub.url("/console/#/"));
            waitFor(By.id("own-union"));
            // on a phone the menu is a drawer: closed, nothing of it is on screen or in the tab order
            new WebDriverWait(browser, Duration.ofSeconds(5)).withMessage("the menu is folded away on a phone")
                    .until(d -> d.findElements(By.id("nav-home")).stream().noneMatch(WebElement::isDisplayed));
            browser.findElement(By.id("menu-toggle")).click();
            waitFor(By.id("nav-home"));
            shot("phone-menu");
        } finally {
            // the other tests of the class share this browser
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
        signOut();
    }

    @Test
    public void anOfficerWatchingAFairSeesAStallApplicationArrive() throws Exception {
        signIn("officer", "officer");
        String fairId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(hub.get("/api/fairs?state=REGISTRATION_OPEN").body())
                .path("items").path(0).path("id").asText();
        browser.get(hub.url("/console/#/m/fairs/" + fairId));
        waitFor(By.id("applications"));
        // the merchant applies on the public page; the officer's open list refreshes in place
        var created = hub.send("POST", "/api/fairs/" + fairId + "/applications", null,
                "{\"companyName\":\"厦门小米之家\",\"creditCode\":\"91110108551385082Q\",\"contact\":\"13800000009\","
                        + "\"category\":\"electronics\",\"offersMemberDiscount\":true}");
        assertEquals(created.body(), 201, created.statusCode());
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("applications")).getText().contains("厦门小米之家"));
        assertTrue(browser.findElement(By.id("applications")).getText().contains("已分配"));
        shot("fairs-application-arrived");
        signOut();
    }

    /**
     * The console's first load with an empty cache: every file the sign-in page and the 工作台 fetch, raw and gzip -9
     * compressed, and the first paint, written to target/console-first-load.txt (docs/measurements.md quotes it).
     * The budget of the issue: under 400 KB compressed, first paint under 1 s on this machine.
     */
    @Test
    public void theFirstLoadStaysWithinItsBudget() throws Exception {
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Network.enable", java.util.Map.of());
        chrome.executeCdpCommand("Network.setCacheDisabled", java.util.Map.of("cacheDisabled", true));
        try {
            signIn("officer", "officer");
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("own-union")).getText().contains("海沧区总工会"));
            browser.navigate().refresh();
            waitFor(By.id("own-union"));
            Thread.sleep(1500); // the charts' chunks come after first paint and are not part of the first load
            org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
            @SuppressWarnings("unchecked")
            List<String> files = (List<String>) js.executeScript("return performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.includes('/console/')).map(e => e.name)");
            Number paint = (Number) js.executeScript("const p = performance.getEntriesByName('first-contentful-paint')[0];"
                    + " return p ? p.startTime : -1");
            Number largest = (Number) ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript("const done = arguments[0];"
                    + " new PerformanceObserver(l => done(l.getEntries().pop().startTime))"
                    + ".observe({ type: 'largest-contentful-paint', buffered: true }); setTimeout(() => done(-1), 3000);");
            // the first load: the page, the runtime, the kit, the shell and their CSS; what screens fetch later (a
            // module's entry, the charts' chunk, API answers) is listed apart
            long raw = 0;
            long gzip = 0;
            long laterGzip = 0;
            StringBuilder report = new StringBuilder();
            List<String> fetched = new java.util.ArrayList<>(files);
            fetched.add(0, hub.url("/console/index.html"));
            for (String f : fetched.stream().distinct().toList()) {
                byte[] body = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(f)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out) { { def.setLevel(9); } }) {
                    z.write(body);
                }
                boolean later = f.contains("/kit/chunk-") || f.contains("/modules/");
                if (later) {
                    laterGzip += out.size();
                } else {
                    raw += body.length;
                    gzip += out.size();
                }
                report.append(String.format("%8.1f KB %8.1f KB  %s%s%n", body.length / 1024.0, out.size() / 1024.0,
                        f.replaceAll("^https?://[^/]+", ""), later ? "  (after first paint)" : ""));
            }
            report.append(String.format("%8.1f KB %8.1f KB  first load (raw, gzip -9); after first paint %.1f KB gzip%n"
                    + "first contentful paint: %.0f ms, largest contentful paint: %.0f ms%n", raw / 1024.0, gzip / 1024.0,
                    laterGzip / 1024.0, paint.doubleValue(), largest.doubleValue()));
            Files.writeString(shots.resolve("../console-first-load.txt"), report);
            System.out.print(report);
            assertTrue("first load " + gzip / 1024 + " KB compressed\n" + report, gzip < 400 * 1024);
            // the paint's time goes into the report, not into an assertion: the machine's load decides it (house rule)
            assertTrue("the console painted nothing: " + paint, paint.doubleValue() > 0);
            signOut();
        } finally {
            chrome.executeCdpCommand("Network.setCacheDisabled", java.util.Map.of("cacheDisabled", false));
        }
    }

    static void signIn(WebDriver browser, ExternalHub hub, String user, String password) {
        browser.get(hub.url("/console/#/signin"));
        // whatever an earlier test left signed in
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        WebElement form = new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
        form.findElement(By.name("username")).sendKeys(user);
        form.findElement(By.name("password")).sendKeys(password);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.id("signout")));
    }

    private void signIn(String user, String password) {
        signIn(browser, hub, user, password);
    }

    private void signOut() {
        browser.findElement(By.id("signout")).click();
        waitFor(By.id("signin-form"));
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void shot(String name) throws Exception {
        File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), shots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    static List<String> texts(List<WebElement> els) {
        return els.stream().map(WebElement::getText).toList();
    }
}
