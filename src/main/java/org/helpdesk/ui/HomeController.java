package org.helpdesk.ui;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: where to sign up, where the API and its documentation are. */
@Controller
class HomeController {
    @GetMapping("/")
    String home() {
        return "home";
    }
}
