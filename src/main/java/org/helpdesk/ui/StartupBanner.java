package org.helpdesk.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.helpdesk.common.HelpdeskSettings;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the server where to open it and how to get an account. */
@Component
class StartupBanner {
    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final HelpdeskSettings settings;

    StartupBanner(HelpdeskSettings settings) {
        this.settings = settings;
    }

    /** The public URL when configured (the settings have normalised it), else this server's port on localhost. */
    static String url(String publicUrl, int port) {
        return publicUrl == null ? "http://localhost:" + port : publicUrl;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        String url = url(settings.publicUrl(), web.getWebServer().getPort());
        boolean signup = settings.signupEnabled();
        log.info("""

                ------------------------------------------------------------------
                  Helpdesk is running: open {}
                  API documentation:   {}/api/docs
                  {}
                ------------------------------------------------------------------""",
                url, url, signup
                        ? "First time: sign up at " + url + "/signup (scripts: POST " + url + "/api/auth/signup)"
                        : "Signup is off: sign in at " + url + "/signin with the HELPDESK_BOOTSTRAP_EMAIL account");
    }
}
