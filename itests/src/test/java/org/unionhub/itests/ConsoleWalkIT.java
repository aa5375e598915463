package org.unionhub.itests;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Every demo officer and the admin walk the console as they find it: each menu entry, each page of a module's bar, the
 * first row of every list — its links opened and each of its actions clicked (a dialog or confirmation is then
 * cancelled). The walk fails on any answer 403 or 404, on "不在您的组织范围内" or English on screen, and on a code of
 * the API (an enum value or a property name) shown as text: what a user is offered, he may do.
 */
public class ConsoleWalkIT extends BrowserIT {

    private static final List<String> USERS = List.of("admin", "officer", "siming", "reviewer", "approver", "payer");

    @BeforeClass
    public static void startHubAndBrowser() throws Exception {
        start("console-walk-it", "ConsoleWalkIT", List.of("--profile", "all", "--region-name", "厦门市总工会"), false,
                "fairs", "jobfairs", "recuperation", "mutualaid", "modelworkers");
        browser.size(ConsoleBrowser.DESKTOP);
    }

    @Test
    public void eachUserMayDoWhatHeIsOffered() throws Exception {
        List<String> found = new ArrayList<>();
        for (String user : USERS) {
            browser.signIn(user, user);
            browser.calls();
            int refusedBefore = browser.clientErrors.size();
            for (String screen : screens()) {
                visit(user, screen, found);
            }
            for (String refused : browser.clientErrors.subList(refusedBefore, browser.clientErrors.size())) {
                if (refused.startsWith("403 ") || refused.startsWith("404 ")) {
                    found.add(user + ": refused " + refused);
                }
            }
            browser.signOut();
        }
        browser.serverErrors.forEach(e -> found.add("server error " + e));
        assertEquals("what the walk met:\n" + String.join("\n", found), List.of(), found);
    }

    /** The menu's routes, then each module page's own bar (互助计划 / 理赔 / 互助金 …). */
    private List<String> screens() throws Exception {
        Set<String> routes = new LinkedHashSet<>();
        browser.waitFor(By.id("nav"));
        List<String> menu = new ArrayList<>();
        for (WebElement item : browser.driver.findElements(By.cssSelector("#nav li.el-menu-item"))) {
            menu.add(item.getAttribute("id"));
        }
        for (String id : menu) {
            browser.waitFor(By.id(id)).click();
            settle();
            routes.add(route());
            for (WebElement a : browser.driver.findElements(By.cssSelector("#main nav a[href^='#/']"))) {
                routes.add(a.getAttribute("href").replaceFirst("^.*#", ""));
            }
        }
        return new ArrayList<>(routes);
    }

    private void visit(String user, String screen, List<String> found) throws Exception {
        browser.open(screen);
        settle();
        look(user, screen, found);
        String tag = user + "-" + screen.replaceAll("[^A-Za-z0-9]+", "-");
        browser.shot("walk-" + tag);
        // the first row's links: details of the row, the member, the union…
        List<String> links = new ArrayList<>();
        for (WebElement a : browser.driver.findElements(By.cssSelector("#main .el-table__row:first-child a[href^='#/']"))) {
            links.add(a.getAttribute("href").replaceFirst("^.*#", ""));
        }
        for (String link : links.stream().distinct().limit(4).toList()) {
            browser.open(link);
            settle();
            look(user, screen + " → " + link, found);
            browser.open(screen);
            settle();
        }
        // the first row's actions: each clicked, a dialog or confirmation it opens cancelled
        int actions = browser.driver.findElements(By.cssSelector("#main .el-table__row:first-child button")).size();
        for (int i = 0; i < actions; i++) {
            List<WebElement> buttons = browser.driver.findElements(By.cssSelector("#main .el-table__row:first-child button"));
            if (i >= buttons.size()) {
                break;
            }
            WebElement button = buttons.get(i);
            if (!button.isDisplayed() || !button.isEnabled()) {
                continue;
            }
            String label = button.getText();
            ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
            button.click();
            settle();
            look(user, screen + " [" + label + "]", found);
            cancel();
            if (!route().equals(screen)) {
                browser.open(screen);
                settle();
            }
        }
    }

    private void look(String user, String where, List<String> found) throws Exception {
        browser.calls();
        String text = (String) ((JavascriptExecutor) browser.driver).executeScript("return document.body.innerText");
        if (text.contains("不在您的组织范围内") || text.contains("outside your organisation")) {
            found.add(user + " at " + where + ": 不在您的组织范围内");
        }
        for (WebElement error : browser.driver.findElements(By.cssSelector(".el-message--error, .el-form-item__error"))) {
            if (error.getText().matches(".*[A-Za-z]{4,} [a-z]{2,}.*")) {
                found.add(user + " at " + where + ": English error \"" + error.getText() + "\"");
            }
        }
        List<String> codes = browser.codesOnScreen();
        if (!codes.isEmpty()) {
            found.add(user + " at " + where + ": codes on screen " + codes);
        }
    }

    /** Closes what an action opened without doing it: the message box's cancel, a dialog's close. */
    private void cancel() throws Exception {
        for (WebElement b : browser.driver.findElements(By.cssSelector(".el-message-box__btns button:not(.el-button--primary)"))) {
            if (b.isDisplayed()) {
                b.click();
                settle();
            }
        }
        for (WebElement close : browser.driver.findElements(By.cssSelector(".el-dialog__headerbtn, .el-drawer__close-btn"))) {
            if (close.isDisplayed()) {
                close.click();
                settle();
            }
        }
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
    }

    private String route() {
        return browser.driver.getCurrentUrl().replaceFirst("^.*#", "");
    }

    /** Counted, to see what the walk's time goes to. */
    private static int settles;
    private static long settledNanos;

    @org.junit.AfterClass
    public static void tally() {
        System.out.printf("the walk settled %d times, %d ms in all%n", settles, settledNanos / 1_000_000);
    }

    private void settle() throws Exception {
        long t0 = System.nanoTime();
        browser.settle();
        settles++;
        settledNanos += System.nanoTime() - t0;
    }
}
