package org.helpdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Contacts in a real headless Chromium: from a ticket to its contact and on to its other ticket; merge and unmerge. */
@EnabledIf("org.helpdesk.support.Browser#available")
class ContactsInBrowserIT extends ApiTest {
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

    private void newTicket(String subject, String email, String name) {
        ui.link("New ticket").click();
        ui.settle();
        ui.type("Subject", subject);
        ui.type("Contact email", email);
        ui.type("Contact name", name);
        ui.press("Create ticket");
        assertThat(ui.path()).matches("/e/[0-9a-f-]{36}/tickets/\\d+");
    }

    @Test
    void fromATicketToItsContactAndOnToAnotherTicketOfThatContact() {
        ui.signUp("Ann Agent", HttpApi.uniqueEmail("ann"), "Acme");
        newTicket("Printer jams", "bob@example.com", "Bob Contact");
        String firstTicket = ui.path();
        newTicket("Scanner too", "bob@example.com", "Bob Contact");

        ui.open(firstTicket);
        ui.link("Contact: Bob Contact").click();
        ui.settle();

        assertThat(h1()).isEqualTo("Bob Contact");
        assertThat(ui.text()).contains("bob@example.com", "Edit contact", "Merge contacts", "Erase contact");
        ui.assertAccessible();
        ui.link("HD-2 Scanner too").click();
        ui.settle();
        assertThat(h1()).isEqualTo("Scanner too");

        ui.link("Contacts").click();
        ui.settle();
        ui.type("Search contacts", "bob");
        ui.press("Search");
        assertThat(ui.link("Bob Contact").isDisplayed()).isTrue();
        ui.assertAccessible();
    }

    @Test
    void twoContactsAreMergedAndUnmerged() {
        ui.signUp("Ann Agent", HttpApi.uniqueEmail("ann"), "Acme");
        newTicket("From Bob", "bob@example.com", "Bob");
        String bobsTicket = ui.path();
        newTicket("From Bob's other address", "bobby@example.net", "Bobby");
        ui.open(bobsTicket);
        ui.link("Contact: Bob").click();
        ui.settle();
        String bobPage = ui.path();

        ui.link("Merge contacts").click();
        ui.settle();
        ui.assertAccessible();
        ui.choose("Duplicate contact", "Bobby (bobby@example.net)");
        ui.press("Preview merge");
        assertThat(ui.text()).contains("Address bobby@example.net", "Ticket HD-2 From Bob's other address");
        ui.press("Merge contacts");

        assertThat(ui.path()).isEqualTo(bobPage);
        assertThat(ui.text()).contains("Contacts merged", "bobby@example.net", "HD-2 From Bob's other address",
                "HD-1 From Bob");
        ui.assertAccessible();

        ui.press("Unmerge");

        assertThat(h1()).isEqualTo("Bobby");
        assertThat(ui.text()).contains("Merge undone", "bobby@example.net", "HD-2 From Bob's other address")
                .doesNotContain("HD-1 From Bob");
        ui.open(bobPage);
        assertThat(ui.text()).doesNotContain("bobby@example.net").doesNotContain("HD-2");
    }
}
