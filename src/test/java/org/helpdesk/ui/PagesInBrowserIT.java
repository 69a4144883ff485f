package org.helpdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.helpdesk.support.ApiTest;
import org.helpdesk.support.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The two existing pages, start page and Swagger UI, in a real Chromium under the app's Content-Security-Policy:
 * they render, their scripts load and run, and the console shows no error (a CSP violation or a 404 of a script
 * would be a SEVERE entry). Skipped only where Chromium is not installed; CI (.ci/run) installs it.
 */
@EnabledIf("org.helpdesk.support.Browser#available")
class PagesInBrowserIT extends ApiTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    private String url(String pathAndQuery) {
        return "http://localhost:" + port + pathAndQuery;
    }

    private WebDriver open(String pathAndQuery) {
        WebDriver driver = browser.driver();
        driver.get(url(pathAndQuery));
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return driver;
    }

    private static Object js(WebDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    @Test
    void startPageRendersAndLoadsHtmx() {
        WebDriver driver = open("/");

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Helpdesk is running");
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> js(d, "return typeof htmx").equals("object"));
        assertThat(js(driver, "return htmx.version")).isEqualTo("2.0.10");
        browser.screenshot();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void swaggerUiRendersTheOperations() {
        WebDriver driver = open("/api/docs");

        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
        assertThat(driver.findElements(By.cssSelector(".opblock"))).hasSizeGreaterThan(5);
        assertThat(driver.findElement(By.cssSelector(".swagger-ui .info .title")).getText()).isNotBlank();
        browser.screenshot();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void scriptsInTheQueryDoNotRun() {
        String script = URLEncoder.encode("<script>window.__x=1</script>", StandardCharsets.UTF_8);
        WebDriver driver = open("/?q=" + script);
        assertNoAlert(driver);
        assertThat(js(driver, "return typeof window.__x")).isEqualTo("undefined");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Helpdesk is running");

        driver = open("/api/docs?url=" + URLEncoder.encode("javascript:alert(1)", StandardCharsets.UTF_8)
                + "&q=" + script);
        // Swagger UI has rendered (it would have acted on a url parameter by then)
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
        assertNoAlert(driver);
        assertThat(js(driver, "return typeof window.__x")).isEqualTo("undefined");
        browser.screenshot();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Guards the checks above: a CSP violation really does reach the console as a SEVERE entry. */
    @Test
    void aCspViolationShowsUpInTheConsole() {
        WebDriver driver = open("/");
        js(driver, "var s = document.createElement('script'); s.textContent = 'window.__y = 1';"
                + " document.head.appendChild(s);");

        assertThat(js(driver, "return typeof window.__y")).isEqualTo("undefined");
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !browser.consoleErrors().isEmpty());
        assertThat(browser.consoleErrors()).anySatisfy(e -> assertThat(e).contains("Content Security Policy"));
    }

    private static void assertNoAlert(WebDriver driver) {
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }
}
