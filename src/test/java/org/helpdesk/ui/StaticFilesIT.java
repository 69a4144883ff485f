package org.helpdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.junit.jupiter.api.Test;

/** The files a page links to (ui.StaticFiles): served from their folders, the WebJar's link with its version. */
class StaticFilesIT extends ApiTest {
    private static final Pattern STATIC_LINK = Pattern.compile("(?:src|href)=\"(/(?:css|js|webjars)/[^\"]+)\"");

    @Test
    void everyStylesheetAndScriptAPageLinksToIsServedWithItsType() {
        HttpApi.Owner owner = api.newOwner();
        HttpApi.Response page = api.get("/e/" + owner.entity() + "/tickets").session(owner.session())
                .header("Accept", "text/html").send();
        assertThat(page.status()).isEqualTo(200);

        List<String> links = new ArrayList<>();
        Matcher m = STATIC_LINK.matcher(page.body());
        while (m.find()) {
            links.add(m.group(1));
        }
        assertThat(links).contains("/css/helpdesk.css", "/js/helpdesk.js")
                .anyMatch(link -> link.matches("/webjars/htmx\\.org/\\d+\\.\\d+\\.\\d+/dist/htmx\\.min\\.js"));
        for (String link : links) {
            HttpApi.Response file = api.get(link).send();
            assertThat(file.status()).as(link).isEqualTo(200);
            assertThat(file.header("Content-Type")).as(link).startsWith(link.endsWith(".css") ? "text/css" : "text/javascript");
        }
        // the page's own links are not files and stay as they were built
        assertThat(page.body()).contains("href=\"/e/" + owner.entity() + "/tickets/new\"");
    }

    @Test
    void theApiReferenceIsServedAndAMissingFileIsNotFound() {
        assertThat(api.get("/api/openapi.yaml").send().status()).isEqualTo(200);
        assertThat(api.get("/api/docs/").send().body()).contains("id=\"swagger-ui\"");
        assertThat(api.get("/api/docs/init.js").send().status()).isEqualTo(200);
        assertThat(api.get("/webjars/htmx.org/dist/htmx.min.js").send().status()).isEqualTo(200);
        assertThat(api.get("/css/missing.css").header("Accept", "text/html").send().status()).isEqualTo(404);
        assertThat(api.get("/js/missing.js").header("Accept", "text/html").send().status()).isEqualTo(404);
    }
}
