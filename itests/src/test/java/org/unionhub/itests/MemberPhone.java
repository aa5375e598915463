package org.unionhub.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a member does with the app at /m in the browser tests, on top of {@link ConsoleBrowser}: typing into a form
 * as Vue hears it, setting a date input, picking a file, and checking a screen — a screenshot, axe-core without
 * serious or critical findings, and the same screen with the phone's text at 150 %.
 */
final class MemberPhone {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ExternalHub hub;
    private final ConsoleBrowser browser;
    private final Path files;
    private int step;

    MemberPhone(ExternalHub hub, ConsoleBrowser browser) throws Exception {
        this.hub = hub;
        this.browser = browser;
        this.files = Files.createDirectories(Path.of(System.getProperty("project.build.directory", "target"), "journey-files"));
    }

    JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver;
    }

    /** Replaces an input's text through the keyboard, so that Vue's v-model hears every key. */
    void type(String css, String text) {
        WebElement input = browser.waitFor(By.cssSelector(css));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    /** A date input takes its value as the phone's date picker would set it (an input event for v-model). */
    void date(String css, String isoDate) {
        WebElement input = browser.waitFor(By.cssSelector(css));
        js().executeScript("const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;"
                + "set.call(arguments[0], arguments[1]); arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, isoDate);
    }

    /** A file picked in an upload field (the camera or the phone's files), by the input's CSS selector. */
    void pick(String css, Path file) {
        browser.driver.findElement(By.cssSelector(css)).sendKeys(file.toAbsolutePath().toString());
    }

    /** A tap on an element the fixed tab bar may cover until it is scrolled into the middle of the screen. */
    void tap(By by) {
        browser.until("a tap on " + by, d -> {
            WebElement e = d.findElement(by);
            js().executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
            try {
                e.click();
                return true;
            } catch (org.openqa.selenium.ElementNotInteractableException covered) {
                return false;
            }
        });
    }

    /**
     * The screen as it is: a numbered screenshot, axe-core without serious or critical findings, then the same with
     * the text 150 % larger — emulated as a 150 % page zoom on the same phone (a 260 CSS-pixel-wide viewport), which
     * enlarges text as the phone's font setting does and everything else too, so nothing may stick out sideways.
     */
    void check(String screen) throws Exception {
        browser.settle();
        String name = String.format("journey-%02d-%s", ++step, screen);
        browser.shot(name);
        assertEquals(name + ": axe-core", List.of(), browser.axe());
        ChromiumDriver chrome = (ChromiumDriver) browser.driver;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 260, "height", 563,
                "deviceScaleFactor", 1.5, "mobile", true));
        try {
            browser.settle();
            browser.shot(name + "-150");
            Number wide = (Number) js().executeScript("return document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(name + " at 150 %: the page is " + wide + " px wider than the screen", wide.intValue() <= 1);
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
        browser.settle();
    }

    /** A screenshot of an officer's console step, numbered with the member's. */
    void shot(String screen) throws Exception {
        browser.settle();
        browser.shot(String.format("journey-%02d-%s", ++step, screen));
    }

    /** The code of the newest SMS to the phone, waiting until more than {@code before} were sent to it. */
    String code(String phone, int before) throws Exception {
        Pattern code = Pattern.compile("验证码是(\\d{6})");
        for (long end = System.currentTimeMillis() + 30_000; System.currentTimeMillis() < end; Thread.sleep(200)) {
            List<JsonNode> sms = sms(phone);
            if (sms.size() > before) {
                Matcher m = code.matcher(sms.get(0).path("text").asText());
                assertTrue(sms.get(0).toString(), m.find());
                return m.group(1);
            }
        }
        throw new AssertionError("no code to " + phone + " after 30 s");
    }

    /** The SMS to a phone in the hub's outbox, newest first (what the region's gateway would have sent). */
    List<JsonNode> sms(String phone) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        json("GET", "/api/admin/outbox?channel=SMS&phone=" + phone, "admin:admin", null).path("items").forEach(out::add);
        return out;
    }

    JsonNode json(String method, String path, String basic, String body) throws Exception {
        java.net.http.HttpResponse<String> r = hub.send(method, path, basic, body);
        assertTrue(method + " " + path + ": " + r.statusCode() + " " + r.body(), r.statusCode() < 300);
        return JSON.readTree(r.body().isEmpty() ? "{}" : r.body());
    }

    /** A photo of a receipt as the phone's camera would give it (a JPEG), with a line of text drawn on it. */
    Path receipt(String name, String text) throws Exception {
        BufferedImage image = new BufferedImage(900, 1200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 900, 1200);
        g.setColor(Color.DARK_GRAY);
        g.drawString(text, 60, 100);
        for (int y = 160; y < 1100; y += 60) {
            g.drawLine(60, y, 840, y);
        }
        g.dispose();
        Path file = files.resolve(name + ".jpg");
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }

    /** A small one-page PDF (a CV), enough for the hub's check of the first bytes. */
    Path pdf(String name) throws Exception {
        String body = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n";
        Path file = files.resolve(name + ".pdf");
        Files.writeString(file, body, StandardCharsets.ISO_8859_1);
        return file;
    }
}
