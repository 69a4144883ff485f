package org.helpdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

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

/**
 * The agents' UI in a real headless Chromium, on H2 and PostgreSQL: the everyday flow, bulk changes, API keys,
 * viewers, script payloads, phone width; every page checked with axe-core (no serious or critical violation)
 * and the console checked for errors (a CSP violation would be one).
 */
@EnabledIf("org.helpdesk.support.Browser#available")
class AgentUiInBrowserIT extends ApiTest {
    private static final String XSS = "<script>window.__xss=1;alert(1)</script><img src=x onerror=\"window.__xss=2\">";

    @RegisterExtension
    static final Browser browser = new Browser();

    private UiDriver ui;

    @BeforeEach
    void setUp() {
        ui = new UiDriver(browser, port);
        try {
            browser.driver().switchTo().alert().dismiss(); // left open by a failed test
        } catch (org.openqa.selenium.NoAlertPresentException ignored) {
            // the usual case
        }
        browser.driver().manage().deleteAllCookies();
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterEach
    void noConsoleErrors() {
        // a page answered with 4xx on purpose (an error page, a form with errors) is logged as a failed load
        assertThat(browser.consoleErrors()).as("browser console")
                .filteredOn(e -> !e.matches(".*Failed to load resource: the server responded with a status of 4\\d\\d.*"))
                .isEmpty();
    }

    @Test
    void anAgentSignsUpCreatesRepliesNotesAndResolvesATicketWithTheHistoryOnThePage() throws Exception {
        ui.signUp("Ann Agent", HttpApi.uniqueEmail("ann"), "Acme");
        ui.assertAccessible();
        assertThat(ui.text()).contains("My open tickets", "Unassigned", "All open", "Recently updated");
        assertThat(ui.d().findElement(By.cssSelector("header .user")).getText()).startsWith("Ann Agent");

        String ticketPath = ui.newTicket("Printer is on fire", "Bob Contact");
        ui.assertAccessible();
        assertThat(ui.d().findElement(By.tagName("h1")).getText()).isEqualTo("Printer is on fire");

        ui.type("Message", "We are on it.");
        ui.press("Send reply");
        ui.type("Message", "Bob called twice already.");
        ui.press("Add internal note");
        WebElement note = ui.d().findElement(By.cssSelector(".msg.internal"));
        assertThat(note.getText()).contains("Internal note", "Bob called twice already.");
        assertThat(ui.d().findElements(By.cssSelector(".msg.agent:not(.internal)"))).hasSize(1);
        assertThat(ui.field("Status").getAttribute("value")).isEqualTo("open"); // the first reply opened it

        ui.choose("Status", "pending"); // saved on change, in place (htmx)
        assertThat(ui.path()).isEqualTo(ticketPath);
        assertThat(ui.text()).contains("Status set to pending");
        assertThat(ui.d().findElement(By.id("timeline")).getText()).contains("status open → pending");

        ui.choose("Priority", "urgent");
        ui.choose("Status", "resolved");
        String timeline = ui.d().findElement(By.id("timeline")).getText();
        assertThat(timeline).contains("Ann Agent", "created the ticket", "status new → open", "priority high → urgent",
                "status pending → resolved");
        assertThat(timeline.indexOf("We are on it.")).isLessThan(timeline.indexOf("Bob called twice already."));
        assertThat(ui.d().findElement(By.cssSelector(".details")).getText()).contains("Resolved");
        assertThat(ui.d().findElement(By.cssSelector(".ticket-head")).getText()).contains("resolved");
        ui.assertAccessible();
        browser.screenshot("ui-ticket");

        ui.d().navigate().refresh(); // the URL stays true: a reload shows the same state
        ui.settle();
        assertThat(ui.field("Status").getAttribute("value")).isEqualTo("resolved");

        ui.link("All tickets").click();
        ui.settle();
        assertThat(ui.text()).contains("HD-1", "Printer is on fire", "Bob Contact", "resolved", "urgent");
        ui.assertAccessible();
        Path shot = browser.screenshot("ui-ticket-list");
        Path docs = Path.of("docs", "screenshot.png");
        if (Files.isDirectory(docs.getParent())) {
            Files.copy(shot, docs, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void listFiltersSearchAndViewsWithCounts() {
        ui.signUp("Cid", HttpApi.uniqueEmail("cid"), "Filters Inc");
        ui.newTicket("Invoice missing", "Dora");
        ui.newTicket("Password reset", "Eve");
        ui.link("All open").click();
        ui.settle();
        assertThat(ui.link("All open").getText()).contains("2");
        assertThat(ui.link("Unassigned").getText()).contains("2");
        ui.type("Search", "invoice");
        ui.field("Search").sendKeys(Keys.ENTER);
        ui.settle();
        // the search box takes the query language of API §7 and answers with the results page
        assertThat(ui.path()).contains("/search?q=invoice");
        assertThat(ui.d().findElement(By.tagName("h1")).getText()).isEqualTo("Search results");
        assertThat(ui.link("Invoice missing").isDisplayed()).isTrue();
        assertThat(ui.d().findElements(By.cssSelector("mark"))).extracting(WebElement::getText).contains("Invoice");
        assertThat(ui.text()).doesNotContain("Password reset");
        ui.assertAccessible();
        ui.link("All open").click();
        ui.settle();
        ui.choose("Priority", "low");
        assertThat(ui.text()).contains("No tickets here.");
        ui.assertAccessible();
    }

    @Test
    void bulkAssignAndStatusChangeTheSelectedTickets() {
        ui.signUp("Bea Bulk", HttpApi.uniqueEmail("bea"), "Bulk Ltd");
        ui.newTicket("First", "X");
        ui.newTicket("Second", "Y");
        ui.newTicket("Third", "Z");
        ui.link("Unassigned").click();
        ui.settle();
        ui.d().findElement(By.cssSelector("[aria-label='Select HD-1'], #sel-1")).click();
        ui.field("Select HD-3").click();
        new org.openqa.selenium.support.ui.Select(ui.field("Assign selected to")).selectByVisibleText("Bea Bulk");
        ui.press("Assign to…");
        assertThat(ui.text()).contains("2 tickets assigned to Bea Bulk");
        assertThat(ui.text()).contains("Second").doesNotContain("First").doesNotContain("Third");
        ui.link("My open tickets").click();
        ui.settle();
        assertThat(ui.text()).contains("First", "Third").doesNotContain("Second");
        assertThat(ui.link("My open tickets").getText()).contains("2");

        ui.field("Select HD-1").click();
        new org.openqa.selenium.support.ui.Select(ui.field("Set selected to status")).selectByVisibleText("closed");
        ui.press("Set status…");
        assertThat(ui.text()).contains("1 ticket set to closed").doesNotContain("First");
        ui.assertAccessible();
    }

    @Test
    void anApiKeyCreatedInSettingsWorksAgainstTheApiUntilRevoked() {
        ui.signUp("Kim Keys", HttpApi.uniqueEmail("kim"), "Keys Co");
        UUID entity = ui.entityOfPage();
        ui.newTicket("Made in the browser", "Lou");
        ui.link("Settings").click();
        ui.settle();
        ui.assertAccessible();
        ui.type("Key name", "CI integration");
        ui.field("write:helpdesk").click();
        ui.press("Create key");
        String key = ui.d().findElement(By.id("new-key")).getText();
        assertThat(key).startsWith("ak_");
        assertThat(ui.text()).contains("will not be shown again");
        assertThat(ui.hasButton("Copy")).isTrue();
        ui.assertAccessible();
        browser.screenshot("ui-settings");

        var list = api.get("/api/helpdesk/tickets").bearer(key).send();
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Made in the browser");
        var created = api.post("/api/helpdesk/tickets").bearer(key).json(java.util.Map.of("subject", "Made by the API")).send();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("entityId").asString()).isEqualTo(entity.toString());

        ui.open("/e/" + entity + "/settings/api-keys");
        assertThat(ui.text()).doesNotContain(key).contains("CI integration");
        ui.button("Revoke").click();
        ui.d().switchTo().alert().accept(); // asks once
        ui.settle();
        assertThat(ui.text()).contains("API key revoked");
        assertThat(api.get("/api/helpdesk/tickets").bearer(key).send().status()).isEqualTo(401);
    }

    @Test
    void membersAndCategoriesAreManagedInSettings() {
        HttpApi.Session other = api.newUser("Mo");
        ui.signUp("Olga Owner", HttpApi.uniqueEmail("olga"), "Members Co");
        UUID entity = ui.entityOfPage();
        ui.open("/e/" + entity + "/settings/members");
        ui.type("Email", "nobody-" + UUID.randomUUID() + "@example.com");
        ui.press("Add member");
        assertThat(ui.d().findElement(By.id("email-error")).getText()).contains("must sign up first");
        ui.type("Email", other.email());
        new org.openqa.selenium.support.ui.Select(ui.field("Role")).selectByVisibleText("agent");
        ui.press("Add member");
        assertThat(ui.text()).contains(other.email() + " added as agent");
        new org.openqa.selenium.support.ui.Select(ui.field("Role of " + other.email())).selectByVisibleText("admin");
        ui.d().findElement(By.xpath("//tr[contains(., " + UiDriver.quote(other.email()) + ")]//button[normalize-space()='Change role']")).click();
        ui.settle();
        assertThat(ui.text()).contains("set to admin");
        ui.assertAccessible();
        ui.d().findElement(By.xpath("//tr[contains(., " + UiDriver.quote(other.email()) + ")]//button[normalize-space()='Remove']")).click();
        ui.d().switchTo().alert().accept();
        ui.settle();
        assertThat(ui.text()).contains("Member removed").doesNotContain(other.email());

        ui.link("Categories").click();
        ui.settle();
        ui.type("Name", "Billing");
        ui.press("Add category");
        ui.type("Name", "billing");
        ui.press("Add category");
        assertThat(ui.d().findElement(By.id("name-error")).getText()).contains("already exists");
        ui.type("New name for Billing", "Invoices");
        ui.press("Rename");
        assertThat(ui.text()).contains("Category renamed", "Invoices");
        ui.assertAccessible();
        ui.button("Delete").click();
        ui.d().switchTo().alert().accept();
        ui.settle();
        assertThat(ui.text()).contains("No categories yet.");
    }

    @Test
    void aViewerSeesEverythingAndCanChangeNothing() {
        HttpApi.Owner owner = api.newOwner();
        var created = api.post("/api/helpdesk/tickets").bearer(owner.apiKey()).json(java.util.Map.of("subject", "Read me")).send();
        assertThat(created.status()).isEqualTo(201);
        HttpApi.Session viewer = api.newMember(owner, "viewer");

        ui.signIn(viewer.email(), HttpApi.PASSWORD);
        ui.open("/e/" + owner.entityId() + "/tickets?view=all");
        assertThat(ui.text()).contains("Read me");
        assertThat(ui.text()).doesNotContain("New ticket").doesNotContain("Settings");
        assertThat(ui.hasButton("Assign to…")).isFalse();
        ui.link("Read me").click();
        ui.settle();
        assertThat(ui.hasField("Message")).isFalse();
        assertThat(ui.hasButton("Send reply")).isFalse();
        assertThat(ui.d().findElements(By.cssSelector("main select"))).isEmpty();
        assertThat(ui.d().findElement(By.cssSelector(".details")).getText()).contains("Status", "new");
        ui.assertAccessible();
        String ticketPath = ui.path();

        ui.open("/e/" + owner.entityId() + "/settings/api-keys");
        assertThat(ui.d().findElement(By.tagName("h1")).getText()).contains("403");

        // the server refuses the forms too, with a valid session and CSRF token
        for (String[] form : List.of(new String[] {ticketPath + "/messages", "body=hi&mode=reply"},
                new String[] {ticketPath + "/fields", "status=closed"},
                new String[] {"/e/" + owner.entityId() + "/tickets", "subject=Sneaky"},
                new String[] {"/e/" + owner.entityId() + "/settings/categories", "name=Sneaky"})) {
            var response = api.post(form[0]).session(viewer).raw(form[1], "application/x-www-form-urlencoded").send();
            assertThat(response.status()).as(form[0]).isEqualTo(403);
            assertThat(response.header("Content-Type")).startsWith("text/html");
        }
        var ticket = api.get("/api/helpdesk/tickets/" + created.json().get("id").asString()).bearer(owner.apiKey()).send();
        assertThat(ticket.json().get("status").asString()).isEqualTo("new");
        assertThat(ticket.json().get("messages")).isEmpty();
    }

    @Test
    void scriptPayloadsAreShownAsTextAndNeverRun() {
        ui.signUp("Sam " + XSS, HttpApi.uniqueEmail("sam"), "Org " + XSS);
        UUID entity = ui.entityOfPage();
        ui.open("/e/" + entity + "/settings/categories");
        ui.type("Name", "Cat " + XSS.substring(0, 60));
        ui.press("Add category");
        ui.assertNoScriptRan();
        assertThat(ui.text()).contains("Cat <script>");

        ui.open("/e/" + entity + "/tickets/new");
        ui.type("Subject", "Subject " + XSS);
        ui.type("Contact name", "Contact " + XSS);
        new org.openqa.selenium.support.ui.Select(ui.field("Category")).selectByIndex(1);
        ui.press("Create ticket");
        ui.assertNoScriptRan();
        ui.type("Message", "Body " + XSS);
        ui.press("Send reply");
        ui.assertNoScriptRan();
        assertThat(ui.d().findElement(By.tagName("h1")).getText()).isEqualTo("Subject " + XSS);
        assertThat(ui.text()).contains("Body " + XSS, "Contact " + XSS);
        assertThat(ui.d().findElements(By.cssSelector("main script, main img"))).isEmpty();
        ui.open("/e/" + entity + "/tickets?view=all");
        ui.assertNoScriptRan();
        assertThat(ui.text()).contains("Subject " + XSS, "Contact " + XSS);
        ui.open("/e/" + entity + "/tickets?view=all&search=" + java.net.URLEncoder.encode(XSS, java.nio.charset.StandardCharsets.UTF_8));
        ui.assertNoScriptRan();
        ui.open("/e/" + entity + "/search?q=subject");
        ui.assertNoScriptRan();
        assertThat(ui.text()).contains("Subject " + XSS);
        assertThat(ui.d().findElements(By.cssSelector("main script, main img"))).isEmpty();
        ui.open("/e/" + entity + "/search?q=" + java.net.URLEncoder.encode(XSS, java.nio.charset.StandardCharsets.UTF_8));
        ui.assertNoScriptRan();
    }

    @Test
    void theSameFlowWorksAtPhoneWidth() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        ui.signUp("Pia Phone", HttpApi.uniqueEmail("pia"), "Phone Co");
        assertThat(ui.d().findElement(By.id("views")).isDisplayed()).isFalse(); // the views are in a menu
        ui.press("Menu");
        assertThat(ui.d().findElement(By.id("views")).isDisplayed()).isTrue();
        ui.assertAccessible();
        ui.newTicket("Tiny screen", "Quinn");
        ui.type("Message", "Replying from the bus.");
        ui.press("Send reply");
        ui.choose("Status", "resolved");
        assertThat(ui.text()).contains("Status set to resolved", "Replying from the bus.");
        // on the phone the conversation comes before the details panel (UI.md, wave 3)
        int details = ui.d().findElement(By.cssSelector(".details")).getLocation().getY();
        int conversation = ui.d().findElement(By.id("timeline")).getLocation().getY();
        assertThat(conversation).isLessThan(details);
        long overflow = (Long) ui.js("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow).as("no horizontal scrolling").isLessThanOrEqualTo(0);
        ui.assertAccessible();
        browser.screenshot("ui-phone-ticket");
    }

    @Test
    void signInReturnsToTheAskedPageButOnlyOnThisSite() {
        HttpApi.Owner owner = api.newOwner();
        ui.open("/e/" + owner.entityId() + "/tickets?view=open");
        assertThat(ui.path()).startsWith("/signin?next=");
        ui.type("Email", owner.session().email());
        ui.type("Password", "wrong password");
        ui.press("Sign in");
        assertThat(ui.d().findElement(By.id("password-error")).getText()).isEqualTo("Wrong email or password.");
        ui.assertAccessible();
        ui.type("Password", HttpApi.PASSWORD);
        ui.press("Sign in");
        assertThat(ui.path()).isEqualTo("/e/" + owner.entityId() + "/tickets?view=open");
        ui.signOut();

        for (String next : List.of("https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)")) {
            ui.open("/signin?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
            ui.type("Email", owner.session().email());
            ui.type("Password", HttpApi.PASSWORD);
            ui.press("Sign in");
            assertThat(ui.d().getCurrentUrl()).as(next).startsWith(ui.base + "/e/");
            ui.signOut();
        }
    }

    @Test
    void aUserWithoutAnEntityGetsAClearPageAndCanStartOne() {
        // every signup makes an entity; a user has none once another owner removed them from it
        HttpApi.Session loner = api.newUser("Lone");
        HttpApi.Session helper = api.newUser("Helper");
        String own = api.get("/api/me").session(loner).send().json().get("memberships").get(0).get("entity").get("id").asString();
        assertThat(api.post("/api/settings/members?entityId=" + own).session(loner)
                .json(java.util.Map.of("email", helper.email(), "role", "owner")).send().status()).isEqualTo(201);
        assertThat(api.delete("/api/settings/members/" + loner.userId() + "?entityId=" + own).session(helper).send().status())
                .isEqualTo(204);
        ui.signIn(loner.email(), HttpApi.PASSWORD);
        assertThat(ui.path()).isEqualTo("/start");
        assertThat(ui.text()).contains("not a member of any organisation");
        ui.assertAccessible();
        ui.press("Create helpdesk");
        assertThat(ui.d().findElement(By.id("name-error")).getText()).contains("must not be empty");
        ui.type("Organisation", "Wolf Pack");
        ui.press("Create helpdesk");
        assertThat(ui.path()).matches("/e/[0-9a-f-]{36}/tickets");
    }

    @Test
    void errorPagesAreHtmlInTheLayoutAndTheApiStaysJson() {
        HttpApi.Owner owner = api.newOwner();
        ui.signIn(owner.session().email(), HttpApi.PASSWORD);
        ui.open("/no/such/page");
        assertThat(ui.d().findElement(By.tagName("h1")).getText()).isEqualTo("404 · Not Found");
        ui.assertAccessible();
        ui.open("/e/" + UUID.randomUUID() + "/tickets");
        assertThat(ui.d().findElement(By.tagName("h1")).getText()).isEqualTo("403 · Forbidden");
        ui.open("/e/" + owner.entityId() + "/tickets/999999");
        assertThat(ui.d().findElement(By.tagName("h1")).getText()).isEqualTo("404 · Not Found");
        assertThat(ui.text()).contains("Sign out"); // in the layout

        var api404 = api.get("/api/no/such").bearer(owner.apiKey()).send();
        assertThat(api404.status()).isEqualTo(404);
        assertThat(api404.header("Content-Type")).startsWith("application/json");
        var page404 = api.get("/no/such").header("Accept", "application/json").send();
        assertThat(page404.status()).isEqualTo(404);
        assertThat(page404.header("Content-Type")).startsWith("text/html");
    }

    @Test
    void pagesSendTheHardeningHeadersAndFormsNeedTheCsrfToken() {
        var page = api.get("/signin").send();
        String csp = page.header("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("script-src 'self' 'unsafe-inline'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("hx-on");

        HttpApi.Session user = api.newUser("Csrf");
        var noToken = api.post("/entities").session(user.withoutCsrf()).raw("name=X", "application/x-www-form-urlencoded").send();
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.body()).contains("This form has expired");
        var signIn = api.post("/signin").raw("email=a%40b.c&password=x", "application/x-www-form-urlencoded").send();
        assertThat(signIn.status()).as("sign-in form without token").isEqualTo(403);

        ui.signIn(user.email(), HttpApi.PASSWORD);
        var session = ui.d().manage().getCookieNamed("SESSION");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
    }
}
