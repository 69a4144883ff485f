package org.helpdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The agent-speed features in a real headless Chromium, by the names of shared/UI.md: a canned reply written in
 * Settings and inserted with the button and with "#", a macro from the ticket page and from the list's bulk bar,
 * two tickets merged after the confirmation. Every page checked with axe-core; the console must stay clean.
 */
@EnabledIf("org.helpdesk.support.Browser#available")
class AgentSpeedInBrowserIT extends ApiTest {
    @RegisterExtension
    static final Browser browser = new Browser();

    private UiDriver ui;

    @BeforeEach
    void setUp() {
        ui = new UiDriver(browser, port);
        browser.driver().manage().deleteAllCookies();
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(browser.consoleErrors()).as("browser console")
                .filteredOn(e -> !e.matches(".*Failed to load resource: the server responded with a status of 4\\d\\d.*"))
                .isEmpty();
    }

    private String h1() {
        return ui.d().findElement(By.tagName("h1")).getText();
    }

    private String message() {
        return ui.field("Message").getDomProperty("value");
    }

    private void waitForMessage(String expected) {
        new WebDriverWait(ui.d(), Duration.ofSeconds(10)).until(d -> expected.equals(message()));
    }

    private void openSettingsTab(String tab) {
        ui.link("Settings").click();
        ui.settle();
        ui.link(tab).click();
        ui.settle();
        assertThat(ui.d().findElement(By.cssSelector("nav.tabs a[aria-current=page]")).getText()).isEqualTo(tab);
    }

    private void createMacro(String title, String status, String priority, String addTags) {
        openSettingsTab("Macros");
        ui.type("Title", title);
        ui.choose("Status", status);
        ui.choose("Priority", priority);
        ui.type("Add tags", addTags);
        ui.press("Create macro");
        assertThat(ui.text()).contains("Macro “" + title + "” created", "Status: " + status, "Add tags: " + addTags);
    }

    @Test
    void aCannedReplyFromSettingsIsInsertedAMacroAppliedAndTwoTicketsMerged() {
        ui.signUp("Ann Agent", HttpApi.uniqueEmail("ann"), "Acme");
        openSettingsTab("Canned replies");
        ui.assertAccessible();
        ui.type("Title", "Welcome");
        ui.type("Body", "Hello {{contact.firstName | \"there\"}}, this is {{agent.firstName}} about {{ticket.number}}.");
        ui.field("Shared with the team").click();
        ui.press("Create canned reply");
        assertThat(ui.text()).contains("Canned reply “Welcome” created", "Everyone (shared)");
        createMacro("Escalate", "pending", "urgent", "vip");
        ui.assertAccessible();

        String first = ui.newTicket("Printer jams", "Bob Contact");
        ui.press("Insert canned reply");
        assertThat(ui.d().switchTo().activeElement()).isEqualTo(ui.field("Search canned replies"));
        ui.assertAccessible();
        ui.field("Search canned replies").sendKeys("wel");
        ui.field("Search canned replies").sendKeys(Keys.ENTER);
        waitForMessage("Hello Bob, this is Ann about HD-1.");

        WebElement composer = ui.field("Message");
        composer.clear();
        composer.sendKeys("Thanks for waiting! #wel");
        assertThat(ui.d().findElement(By.id("canned-picker")).isDisplayed()).as("# opens the picker").isTrue();
        composer.sendKeys(Keys.ENTER);
        waitForMessage("Thanks for waiting! Hello Bob, this is Ann about HD-1.");
        ui.press("Send reply");
        assertThat(ui.text()).contains("Reply sent", "Thanks for waiting! Hello Bob, this is Ann about HD-1.");

        ui.d().findElement(By.xpath("//summary[normalize-space()='Apply macro']")).click();
        assertThat(ui.text()).contains("Status: pending", "Priority: urgent", "Add tags: vip");
        ui.assertAccessible();
        ui.press("Escalate");
        assertThat(ui.text()).contains("Macro “Escalate” applied: status open → pending; priority high → urgent; "
                + "tags added: vip");
        assertThat(ui.field("Status").getDomProperty("value")).isEqualTo("pending");
        assertThat(ui.field("Tags").getDomProperty("value")).isEqualTo("vip");

        String second = ui.newTicket("Printer still jams", "Bob Contact");
        // tagging by hand: the field saves on change (Tab leaves it), the page shows the tags as saved
        ui.type("Tags", "Hardware, printer");
        ui.field("Tags").sendKeys(Keys.TAB);
        ui.settle();
        ui.d().navigate().refresh();
        assertThat(ui.field("Tags").getDomProperty("value")).isEqualTo("hardware printer");
        ui.type("Tickets to merge into this one", "HD-1");
        ui.press("Merge tickets");
        assertThat(h1()).isEqualTo("Merge into HD-2?");
        assertThat(ui.text().replaceAll("\\s+", " ")).contains("Into HD-2 Printer still jams",
                "This ticket is merged HD-1 Printer jams");
        ui.assertAccessible();
        ui.press("Confirm merge");
        assertThat(ui.path()).isEqualTo(second);
        assertThat(ui.text()).contains("Merged HD-1 into HD-2", "Thanks for waiting! Hello Bob");

        ui.open(first);
        ui.link("Merged into HD-2").click();
        ui.settle();
        assertThat(ui.path()).isEqualTo(second);
    }

    @Test
    void theBulkBarAppliesAMacroToThreeSelectedTickets() {
        ui.signUp("Ann Agent", HttpApi.uniqueEmail("ann"), "Acme");
        createMacro("Park", "pending", "low", "parked");
        ui.newTicket("One", "Bob");
        ui.newTicket("Two", "Bob");
        ui.newTicket("Three", "Bob");
        ui.newTicket("Four", "Bob");

        ui.open("/e/" + ui.entityOfPage() + "/tickets?view=all");
        for (String n : new String[] {"HD-1", "HD-2", "HD-4"}) {
            ui.field("Select " + n).click();
        }
        ui.choose("Macro for selected", "Park");
        ui.press("Apply macro");

        assertThat(ui.text()).contains("Macro “Park” applied to 3 tickets");
        assertThat(ui.d().findElements(By.xpath("//tr[td/span[contains(@class,'tag') and normalize-space()='parked']]")))
                .hasSize(3);
        assertThat(ui.d().findElements(By.cssSelector("table.tickets .st-pending"))).hasSize(3);
        ui.assertAccessible();
    }
}
