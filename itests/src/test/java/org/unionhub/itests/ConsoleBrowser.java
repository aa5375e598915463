package org.unionhub.itests;

import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Headless Chromium on the console for the browser tests: sign-in, waits, screenshots per screen size, the API
 * calls the pages made (read from Chromium's network log, so the console itself carries no test hooks), and
 * axe-core from the npm registry (the repository's node_modules) run on the page.
 */
final class ConsoleBrowser {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";
    static final Dimension DESKTOP = new Dimension(1366, 768);
    static final Dimension PHONE = new Dimension(390, 844);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Put into every document the browser opens: when the page last changed, and how many fetches and body reads are
     * under way (a body is read and rendered after its fetch has answered, which the network log does not show).
     */
    private static final String WATCH = """
            (() => {
              const w = window.__settle = { changed: performance.now(), reading: 0 };
              const touch = () => { w.changed = performance.now(); };
              new MutationObserver(touch).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
              const track = (owner, name) => {
                const f = owner[name];
                owner[name] = function () {
                  w.reading++; touch();
                  return f.apply(this, arguments).finally(() => { w.reading--; touch(); });
                };
              };
              track(window, 'fetch');
              ['text', 'json', 'blob', 'arrayBuffer'].forEach(m => track(Response.prototype, m));
            })();""";
    /**
     * True when the page has had no change for 150 ms (if the argument is true), reads nothing, moves nothing (no Vue
     * transition under way) and shows no loading mask or spinning button; a button that asks first spins while its
     * question is open, so with a question open only the masks count.
     */
    private static final String SETTLED = """
            const w = window.__settle;
            if (w && (w.reading > 0 || (arguments[0] && performance.now() - w.changed < 150))) return false;
            if (document.querySelector("[class*='-enter-active'],[class*='-leave-active']")) return false;
            const shown = e => getComputedStyle(e).display !== 'none' && getComputedStyle(e).visibility !== 'hidden';
            const asking = [...document.querySelectorAll('.el-overlay, .el-overlay-message-box')].some(shown);
            return ![...document.querySelectorAll(asking ? '.el-loading-mask' : '.el-loading-mask, .is-loading')]
                .some(e => e.getClientRects().length > 0 && shown(e));""";
    /** A request still unanswered after this long is taken for one that stays open and is not waited for. */
    private static final long LONGEST_LOAD_MS = 10_000;

    final WebDriver driver;
    final ExternalHub hub;
    private final Path shots;
    private final Path calls;
    private final Set<String> made = new TreeSet<>();
    /** The header names of the last request of each call, to check what the console sends (Idempotency-Key…). */
    final Map<String, List<String>> headers = new java.util.HashMap<>();
    private String size = "desktop";
    /** Every answer of 500 or more the pages got so far, as "status url" (read by calls()). */
    final List<String> serverErrors = new ArrayList<>();
    /** Every answer from 400 to 499 the pages got so far, as "status url" (read by calls()): a screen that opens asks nothing it is refused. */
    final List<String> clientErrors = new ArrayList<>();
    /** The full address (with its query) of every API request the pages made so far (read by calls()). */
    final List<String> urls = new ArrayList<>();
    /** The requests sent and answers received of Chromium's log that calls() has not taken yet. */
    private final List<LogEntry> unread = new ArrayList<>();
    /** Requests sent and not yet loaded, by Chromium's request id, with when they were seen. */
    private final Map<String, Long> loading = new java.util.HashMap<>();

    ConsoleBrowser(ExternalHub hub, String name) throws Exception {
        this.hub = hub;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,768", "--lang=zh-CN");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        ((ChromeDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        shots = Files.createDirectories(target.resolve("console-screenshots"));
        calls = Files.createDirectories(target.resolve("console-calls")).resolve(name + ".txt");
    }

    static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
    }

    /**
     * The browser's own time zone from now on (CDP {@code Emulation.setTimezoneOverride}), to show that the console
     * keeps the region's calendar whatever the officer's computer is set to; the page is loaded again under it.
     */
    void timezone(String zoneId) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zoneId));
        driver.navigate().refresh();
    }

    void size(Dimension d) {
        driver.manage().window().setSize(d);
        size = d.equals(PHONE) ? "phone" : "desktop";
    }

    void signIn(String user, String password) {
        driver.get(hub.url("/console/#/signin"));
        // whatever an earlier test left signed in
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
        driver.navigate().refresh();
        WebElement form = waitFor(By.id("signin-form"));
        form.findElement(By.name("username")).sendKeys(user);
        form.findElement(By.name("password")).sendKeys(password);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.id("signout"));
    }

    void signOut() {
        waitFor(By.id("signout")).click();
        waitFor(By.id("signin-form"));
    }

    void open(String route) {
        driver.get(hub.url("/console/#" + route));
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void until(String message, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(message)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** The field of an open form dialog, by the JSON name it sends. */
    WebElement field(String form, String name) {
        return waitFor(By.cssSelector("#" + form + " [data-field='" + name + "'] input, #" + form + " [data-field='" + name + "'] textarea"));
    }

    /** Types into a field; a date picker takes "2026-12-10 09:00" and Enter. */
    void type(String form, String name, String text) {
        WebElement input = field(form, name);
        // clear() sets the value without an input event, which Vue's v-model never hears: select and delete instead
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
        input.sendKeys(text);
        if (text.matches("\\d{4}-\\d\\d-\\d\\d( \\d\\d:\\d\\d)?")) {
            input.sendKeys(org.openqa.selenium.Keys.ENTER);
            ((JavascriptExecutor) driver).executeScript("document.body.click()");
        }
    }

    /** Types into several fields of a form: name, text, name, text… */
    void fill(String form, String... namesAndTexts) {
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            type(form, namesAndTexts[i], namesAndTexts[i + 1]);
        }
    }

    /** Picks an option of an Element Plus select in a form by its visible label. */
    void choose(String form, String name, String label) {
        waitFor(By.cssSelector("#" + form + " [data-field='" + name + "'] .el-select")).click();
        // the visible one: a list's search bar may offer the same option in a select of its own, rendered but hidden
        By option = By.xpath("//li[contains(@class,'el-select-dropdown__item') and normalize-space(.)='" + label + "']");
        clickOption("the option " + label + " of " + name, option);
    }

    /**
     * Clicks the displayed option once the list has stopped moving. Element Plus slides a select's list open (a scale
     * transform), and a click made meanwhile lands where the option's centre was computed, which can be another option
     * by then (CI, once: 查看完整身份证号 picked for 新建组织).
     */
    void clickOption(String message, By option) {
        until(message, d -> {
            WebElement o = d.findElements(option).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
            if (o == null) {
                return false;
            }
            org.openqa.selenium.Rectangle before = o.getRect();
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (!before.equals(o.getRect())) {
                return false; // still sliding open
            }
            try {
                o.click();
                return true;
            } catch (org.openqa.selenium.ElementClickInterceptedException e) {
                return false;
            }
        });
    }

    WebElement saveButton(String form) {
        return waitFor(By.cssSelector(".el-dialog:has(#" + form + ") button[data-action='save']"));
    }

    /** Clicks the confirm of an Element Plus message box (the confirmation before paying, rejecting, closing). */
    void confirm() {
        waitFor(By.cssSelector(".el-message-box .el-button--primary")).click();
    }

    void success() {
        waitFor(By.cssSelector(".el-message--success"));
    }

    void shot(String name) throws Exception {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), shots.resolve(name + "-" + size + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The API calls the pages made since the last call, as "METHOD /api/path", kept for the coverage report; answers
     * of 500 or more go to {@link #serverErrors}.
     */
    List<String> calls() throws Exception {
        List<String> now = new ArrayList<>();
        readLog();
        List<LogEntry> entries = new ArrayList<>(unread);
        unread.clear();
        for (LogEntry e : entries) {
            JsonNode message = JSON.readTree(e.getMessage()).path("message");
            JsonNode response = message.path("params").path("response");
            if (message.path("method").asText().equals("Network.responseReceived") && response.path("status").asInt() >= 500) {
                serverErrors.add(response.path("status").asInt() + " " + response.path("url").asText());
            } else if (message.path("method").asText().equals("Network.responseReceived") && response.path("status").asInt() >= 400
                    && !response.path("url").asText().endsWith("/favicon.ico")) { // the browser's own ask, no page's
                clientErrors.add(response.path("status").asInt() + " " + response.path("url").asText());
            }
            JsonNode request = message.path("params").path("request");
            String url = request.path("url").asText();
            if (message.path("method").asText().equals("Network.requestWillBeSent") && url.contains("/api/")) {
                urls.add(url);
                String call = request.path("method").asText() + " " + java.net.URI.create(url).getPath();
                now.add(call);
                List<String> names = new ArrayList<>();
                request.path("headers").fieldNames().forEachRemaining(n -> names.add(n.toLowerCase(java.util.Locale.ROOT)));
                headers.put(call, names);
            }
        }
        made.addAll(now);
        Files.write(calls, made, StandardCharsets.UTF_8);
        return now;
    }

    /**
     * Waits until what the last step started is done: every request it sent loaded (the network log, which also sees
     * the code a route loads on first use), every answer read, and the page still for 150 ms ({@link #SETTLED}).
     */
    void settle() throws Exception {
        Thread.sleep(100); // what a click or a route starts, it has started by then
        long start = System.currentTimeMillis();
        new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(50)).withMessage("the page settles")
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                    readLog();
                    long now = System.currentTimeMillis();
                    loading.values().removeIf(seen -> now - seen > LONGEST_LOAD_MS);
                    // a page that keeps changing by itself (a scrolling notice) is taken as still after 3 s
                    return loading.isEmpty() && (Boolean) ((JavascriptExecutor) d).executeScript(SETTLED, now - start < 3_000);
                });
    }

    /** Takes Chromium's new network events: kept for calls(), and the requests still loading counted. */
    private void readLog() {
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            String m = e.getMessage();
            boolean sent = m.contains("\"Network.requestWillBeSent\"");
            if (sent || m.contains("\"Network.loadingFinished\"") || m.contains("\"Network.loadingFailed\"")) {
                String id;
                try {
                    id = JSON.readTree(m).path("message").path("params").path("requestId").asText();
                } catch (java.io.IOException bad) {
                    throw new java.io.UncheckedIOException(bad);
                }
                if (sent) {
                    loading.put(id, System.currentTimeMillis());
                } else {
                    loading.remove(id);
                }
            }
            if (sent || m.contains("\"Network.responseReceived\"")) {
                unread.add(e);
            }
        }
    }

    /**
     * axe-core on the settled page: the serious and critical violations, one line each. A toast or dialog caught in its
     * fade has its colours half-way, and a toast over a dialog's dimmed overlay is measured against the overlay: axe
     * reports both as low contrast. So the check waits for transitions to end and the 3-second toasts to go.
     */
    List<String> axe() throws Exception {
        until("no element is mid-transition and no toast is up", d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return document.querySelectorAll(\"[class*='-leave-active'],[class*='-enter-active'],.el-message\").length === 0"));
        Path script = Path.of(System.getProperty("project.build.directory", "target"), "..", "..", "node_modules", "axe-core", "axe.min.js");
        assertTrue("axe-core is installed by the console's build (npm ci at the repository root): " + script, Files.exists(script));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(Files.readString(script));
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, { resultTypes: ['violations'] }).then(r => done(JSON.stringify(r.violations)))"
                        + ".catch(e => done(JSON.stringify([{ id: 'axe-failed', impact: 'critical', help: String(e), nodes: [] }])));");
        List<String> found = new ArrayList<>();
        for (JsonNode v : JSON.readTree((String) result)) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> targets = new ArrayList<>();
                v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                found.add(impact + " " + v.path("id").asText() + ": " + v.path("help").asText() + " " + targets);
            }
        }
        return found;
    }

    /**
     * The officer's and admin's write operations of the live /api/openapi.json that no browser test has performed
     * through the UI yet (all classes' calls so far), written to target/console-coverage.txt.
     */
    List<String> uncovered() throws Exception {
        Set<String> all = new TreeSet<>(made);
        File[] files = calls.getParent().toFile().listFiles();
        if (files != null) {
            for (File f : files) {
                all.addAll(Files.readAllLines(f.toPath()));
            }
        }
        JsonNode doc = JSON.readTree(hub.get("/api/openapi.json").body());
        List<String> ops = writeOperations(doc);
        List<String> missing = new ArrayList<>();
        for (String op : ops) {
            Pattern p = Pattern.compile(op.replaceAll("\\{[^}]+}", "[^/]+"));
            if (all.stream().noneMatch(c -> p.matcher(c).matches())) {
                missing.add(op.replaceFirst(" /api", " "));
            }
        }
        Path report = calls.getParent().resolve("..").resolve("console-coverage.txt");
        Files.write(report, missing, StandardCharsets.UTF_8);
        ConsoleCoverage.recordWriteOperations(calls.getParent().resolve(".."), ops);
        return missing;
    }

    /** The officer's and admin's write operations of an API document, as "METHOD /api/path{param}". */
    static List<String> writeOperations(JsonNode doc) {
        List<String> ops = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : iterable(doc.path("paths").fields())) {
            for (Map.Entry<String, JsonNode> op : iterable(path.getValue().fields())) {
                String method = op.getKey().toUpperCase();
                boolean officerOrAdmin = false;
                for (JsonNode r : op.getValue().path("x-roles")) {
                    officerOrAdmin |= r.asText().equals("officer") || r.asText().equals("admin");
                }
                if (officerOrAdmin && Set.of("POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    ops.add(method + " /api" + path.getKey());
                }
            }
        }
        return ops;
    }

    /**
     * The codes visible on the page: words of its visible text that are an enum value or a property name of the
     * API document ({@code ALLOCATED}, {@code createdAt}), which an officer should never have to read.
     */
    List<String> codesOnScreen() throws Exception {
        if (codes == null) {
            codes = new TreeSet<>();
            JsonNode doc = JSON.readTree(hub.get("/api/openapi.json").body());
            collect(doc.path("components").path("schemas"), codes);
        }
        String text = (String) ((JavascriptExecutor) driver).executeScript("return document.body.innerText");
        List<String> found = new ArrayList<>();
        for (String word : text.split("[^A-Za-z_]+")) {
            if (word.length() > 2 && codes.contains(word) && !found.contains(word)) {
                found.add(word);
            }
        }
        return found;
    }

    private Set<String> codes;

    private static void collect(JsonNode node, Set<String> into) {
        node.path("enum").forEach(v -> into.add(v.asText()));
        node.path("properties").fieldNames().forEachRemaining(into::add);
        node.forEach(child -> {
            if (child.isContainerNode()) {
                collect(child, into);
            }
        });
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }

    void quit() {
        driver.quit();
    }
}
