package org.unionhub.itests;

import static org.junit.Assume.assumeTrue;

import java.util.List;

import org.junit.AfterClass;
import org.junit.Rule;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;

/**
 * What every browser test shares: an unpacked distribution set up and started with its modules ({@link ExternalHub}),
 * headless Chromium on it ({@link ConsoleBrowser}), a screenshot of the page when a step fails, and both stopped
 * after the class. A test class calls {@link #start} from its {@code @BeforeClass} and keeps only its steps.
 * Skipped (not failed) where Debian's chromium and chromium-driver are missing.
 */
public abstract class BrowserIT {

    protected static ExternalHub hub;
    protected static ConsoleBrowser browser;
    /** Console tests print which write operations the console did not reach; the member app's do not. */
    private static boolean reportsCoverage;

    /**
     * Unpacks the distribution into {@code target/<folder>}, runs {@code bin/setup} with {@code setup}, starts the
     * hub until {@code modules} are ACTIVE and opens the browser, whose screenshots and calls go under {@code name}.
     */
    protected static void start(String folder, String name, List<String> setup, boolean coverage, String... modules)
            throws Exception {
        assumeTrue("Debian's chromium and chromium-driver are needed (.ci/run installs them)", ConsoleBrowser.available());
        reportsCoverage = coverage;
        hub = ExternalHub.unpack(folder);
        hub.setup(setup.toArray(new String[0]));
        hub.start(modules);
        browser = new ConsoleBrowser(hub, name);
    }

    @AfterClass
    public static void stopBrowserAndHub() throws Exception {
        if (browser != null) {
            if (reportsCoverage) {
                browser.calls();
                System.out.println("write operations not yet performed through the console: " + browser.uncovered());
            }
            browser.quit();
            browser = null;
        }
        if (hub != null) {
            hub.stop();
            hub = null;
        }
    }

    /** A console screen settled: its screenshot, axe-core without serious or critical findings, no codes on screen. */
    protected static void checkScreen(String screen) throws Exception {
        browser.settle(); // axe() itself waits for toasts too
        browser.shot(screen);
        org.junit.Assert.assertEquals(screen + ": axe-core", List.of(), browser.axe());
        org.junit.Assert.assertEquals(screen + ": codes on screen", List.of(), browser.codesOnScreen());
    }

    /** The screenshot's name when {@code method} fails. */
    protected String failureShot(String method) {
        return "failed-" + method;
    }

    /** What the page showed when a step failed, beside the other screenshots. */
    @Rule
    public final TestWatcher failures = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description d) {
            try {
                browser.shot(failureShot(d.getMethodName()));
            } catch (Exception ignored) {
                // the failure itself is what the report shows
            }
        }
    };
}
