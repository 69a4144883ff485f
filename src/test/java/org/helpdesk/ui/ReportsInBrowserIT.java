package org.helpdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.Browser;
import org.helpdesk.support.HttpApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Reports page in Chromium: charts drawn under the CSP, a table behind each chart, axe-clean, the CSV link. */
@EnabledIf("org.helpdesk.support.Browser#available")
class ReportsInBrowserIT extends ApiTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    private UiDriver ui;

    @BeforeEach
    void setUp() {
        ui = new UiDriver(browser, port);
        browser.driver().manage().deleteAllCookies();
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(browser.consoleErrors()).as("browser console").isEmpty();
    }

    @Test
    void aLeadOpensReportsSeesChartsWithTablesAndPicksARange() {
        // Given an agent with two tickets today
        ui.signUp("Lea Lead", HttpApi.uniqueEmail("lea"), "Acme");
        ui.newTicket("Printer jammed", "Bob");
        ui.newTicket("Login fails", "Cy");

        // When they open Reports from the navigation
        ui.link("Reports").click();
        ui.settle();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d ->
                d.findElements(By.cssSelector("#volume-chart svg")).size() == 1
                        && d.findElements(By.cssSelector("#response-chart svg")).size() == 1);

        // Then both charts are drawn, the numbers are in a table behind each, and the page is accessible
        assertThat(ui.d().findElement(By.tagName("h1")).getText()).isEqualTo("Reports");
        assertThat(ui.d().findElements(By.xpath("//summary[normalize-space()='Show as table']"))).hasSize(2);
        ui.d().findElement(By.xpath("(//summary[normalize-space()='Show as table'])[1]")).click();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(ui.d().findElement(By.cssSelector(".chart-table table")).getText()).contains(today);
        assertThat(ui.d().findElement(By.cssSelector(".totals")).getText()).contains("Created\n2");
        assertThat(ui.link("Download CSV").getAttribute("href")).contains("/api/helpdesk/reports/summary.csv");
        ui.assertAccessible();
        browser.screenshot("reports");

        // When they choose a range by hand, weekly
        ui.type("From", "");
        ui.js("document.getElementById('report-from').value = arguments[0];"
                + "document.getElementById('report-to').value = arguments[1];", "2026-01-05", "2026-01-18");
        ui.choose("Interval", "Week");
        ui.type("Time zone", "UTC");
        ui.press("Show report");

        // Then the table shows the two Mondays
        ui.d().findElement(By.xpath("(//summary[normalize-space()='Show as table'])[1]")).click();
        String table = ui.d().findElement(By.cssSelector(".chart-table table")).getText();
        assertThat(table).contains("2026-01-05").contains("2026-01-12");
        assertThat(ui.path()).contains("interval=week");
    }
}
