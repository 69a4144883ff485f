package org.helpdesk.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.helpdesk.auth.SecuritySettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The start page: where to sign up, where the API and its documentation are. */
@Controller
class HomeController {
    private final SecuritySettings settings;

    HomeController(SecuritySettings settings) {
        this.settings = settings;
    }

    @GetMapping("/")
    String home(HttpServletRequest request, Model model) {
        // the configured public URL, else the address this request reached (port and proxy headers included)
        String base = settings.publicUrl() != null ? settings.publicUrl()
                : ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
        model.addAttribute("baseUrl", base);
        return "home";
    }
}
