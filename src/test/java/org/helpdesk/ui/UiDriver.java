package org.helpdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.helpdesk.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Drives the agents' UI by the accessible names of shared/UI.md: labels of fields, texts of buttons. */
final class UiDriver {
    final Browser browser;
    final String base;

    UiDriver(Browser browser, int port) {
        this.browser = browser;
        this.base = "http://localhost:" + port;
    }

    WebDriver d() {
        return browser.driver();
    }

    void open(String path) {
        d().get(base + path);
        settle();
    }

    /** Waits until the document is loaded and htmx has no request in flight. */
    void settle() {
        new WebDriverWait(d(), Duration.ofSeconds(15)).until(x ->
                "complete".equals(js("return document.readyState"))
                        && Boolean.TRUE.equals(js("return !document.querySelector('.htmx-request')")));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) d()).executeScript(script, args);
    }

    /** The form control whose label reads exactly {@code label} (a label element or aria-label). */
    WebElement field(String label) {
        List<WebElement> byLabel = d().findElements(By.xpath("//label[normalize-space()=" + quote(label) + "]"));
        for (WebElement l : byLabel) {
            String target = l.getAttribute("for");
            if (target != null && !target.isEmpty()) {
                return d().findElement(By.id(target));
            }
            List<WebElement> inner = l.findElements(By.cssSelector("input, select, textarea"));
            if (!inner.isEmpty()) {
                return inner.get(0);
            }
        }
        return d().findElement(By.cssSelector("[aria-label=" + quote(label) + "]"));
    }

    boolean hasField(String label) {
        return !d().findElements(By.xpath("//label[normalize-space()=" + quote(label) + "]")).isEmpty()
                || !d().findElements(By.cssSelector("[aria-label=" + quote(label) + "]")).isEmpty();
    }

    WebElement button(String name) {
        return d().findElement(By.xpath("//button[normalize-space()=" + quote(name) + "]"));
    }

    boolean hasButton(String name) {
        return !d().findElements(By.xpath("//button[normalize-space()=" + quote(name) + "]")).isEmpty();
    }

    WebElement link(String text) {
        return d().findElement(By.xpath("//a[normalize-space()=" + quote(text) + " or starts-with(normalize-space(), " + quote(text + " ") + ")]"));
    }

    void type(String label, String text) {
        WebElement el = field(label);
        el.clear();
        el.sendKeys(text);
    }

    void choose(String label, String visibleText) {
        new Select(field(label)).selectByVisibleText(visibleText);
        settle();
    }

    void press(String button) {
        button(button).click();
        settle();
    }

    String text() {
        return d().findElement(By.tagName("body")).getText();
    }

    String path() {
        return d().getCurrentUrl().substring(base.length());
    }

    void signUp(String name, String email, String organisation) {
        open("/signup");
        type("Name", name);
        type("Email", email);
        type("Password", "correct horse");
        type("Organisation", organisation);
        press("Sign up");
        assertThat(path()).matches("/e/[0-9a-f-]{36}/tickets");
    }

    void signIn(String email, String password) {
        open("/signin");
        type("Email", email);
        type("Password", password);
        press("Sign in");
    }

    void signOut() {
        press("Sign out");
        assertThat(path()).startsWith("/signin");
    }

    UUID entityOfPage() {
        return UUID.fromString(path().split("/")[2]);
    }

    /** Creates a ticket through the form and returns its page path. */
    String newTicket(String subject, String contactName) {
        link("New ticket").click();
        settle();
        type("Subject", subject);
        type("Description", "It started this morning.");
        type("Contact email", "bob@example.com");
        type("Contact name", contactName);
        new Select(field("Priority")).selectByVisibleText("high");
        press("Create ticket");
        assertThat(path()).matches("/e/[0-9a-f-]{36}/tickets/\\d+");
        return path();
    }

    /** axe-core on the current page: no serious or critical violation. */
    void assertAccessible() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze(d());
        List<String> bad = results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .map(UiDriver::describe).toList();
        assertThat(bad).as("axe serious/critical violations on " + path()).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(3).toList();
    }

    void assertNoScriptRan() {
        assertThatThrownBy(() -> d().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(js("return typeof window.__xss")).isEqualTo("undefined");
    }

    static String quote(String s) {
        if (!s.contains("'")) {
            return "'" + s + "'";
        }
        return "concat('" + s.replace("'", "', \"'\", '") + "')";
    }
}
