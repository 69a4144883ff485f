package org.helpdesk.ui;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.webhook.Caller;
import org.helpdesk.webhook.NewWebhook;
import org.helpdesk.webhook.WebhookChange;
import org.helpdesk.webhook.WebhookManagement;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The "Webhooks" settings tab (admins and owners): list, create, rotate, test, the delivery log. */
@Controller
@RequestMapping("/e/{entityId}/settings/webhooks")
class WebhookPages {
    static final List<String> EVENT_TYPES = List.of("ticket.created", "ticket.updated", "ticket.merged",
            "message.created", "contact.created", "contact.updated", "contact.merged", "sla.breached");

    private final Desks desks;
    private final WebhookManagement webhooks;

    WebhookPages(Desks desks, WebhookManagement webhooks) {
        this.desks = desks;
        this.webhooks = webhooks;
    }

    private Caller admin(UUID entityId, Model model) {
        Desk desk = desks.adminTab(entityId, model, "webhooks");
        return new Caller(desk.tenant().entityId(), desk.tenant().userId());
    }

    @GetMapping
    String list(@PathVariable UUID entityId, Model model) {
        return page(admin(entityId, model), model, null, "", List.of());
    }

    private String page(Caller caller, Model model, WebhookManagement.WithSecret secret, String url,
                        List<String> events) {
        model.addAttribute("webhooks", webhooks.list(caller));
        model.addAttribute("secret", secret);
        model.addAttribute("url", url);
        model.addAttribute("chosen", events);
        model.addAttribute("eventTypes", EVENT_TYPES);
        return "settings/webhooks";
    }

    @PostMapping
    String create(@PathVariable UUID entityId, @RequestParam(defaultValue = "") String url,
                  @RequestParam(required = false) List<String> events,
                  @ModelAttribute("errors") FormErrors errors, Model model, HttpServletResponse response) {
        Caller caller = admin(entityId, model);
        List<String> chosen = events == null ? List.of() : events;
        WebhookManagement.WithSecret created = errors.check(chosen.isEmpty() ? "events" : "url",
                () -> webhooks.create(caller, new NewWebhook(url, chosen, true, null)));
        if (created == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(caller, model, null, url, chosen);
        }
        response.setHeader("Cache-Control", "no-store"); // the secret must not linger in a cache
        return page(caller, model, created, "", List.of());
    }

    @PostMapping("/{id}/rotate-secret")
    String rotate(@PathVariable UUID entityId, @PathVariable UUID id, Model model, HttpServletResponse response) {
        Caller caller = admin(entityId, model);
        WebhookManagement.WithSecret rotated = webhooks.rotateSecret(caller, id);
        response.setHeader("Cache-Control", "no-store");
        return page(caller, model, rotated, "", List.of());
    }

    @PostMapping("/{id}/test")
    String test(@PathVariable UUID entityId, @PathVariable UUID id, Model model, RedirectAttributes flash) {
        WebhookManagement.TestResult result = webhooks.test(admin(entityId, model), id);
        if (result.error() == null) {
            flash.addFlashAttribute("notice", "Test sent: the receiver answered " + result.status());
        } else {
            flash.addFlashAttribute("alert", "Test failed: " + result.error());
        }
        return "redirect:/e/" + entityId + "/settings/webhooks";
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable UUID entityId, @PathVariable UUID id, Model model, RedirectAttributes flash) {
        webhooks.change(admin(entityId, model), id, new WebhookChange(null, null, true, null, false));
        flash.addFlashAttribute("notice", "Webhook enabled");
        return "redirect:/e/" + entityId + "/settings/webhooks";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID entityId, @PathVariable UUID id, Model model, RedirectAttributes flash) {
        webhooks.delete(admin(entityId, model), id);
        flash.addFlashAttribute("notice", "Webhook deleted");
        return "redirect:/e/" + entityId + "/settings/webhooks";
    }

    @GetMapping("/{id}/deliveries")
    String deliveries(@PathVariable UUID entityId, @PathVariable UUID id,
                      @RequestParam(required = false) String cursor, Model model) {
        Caller caller = admin(entityId, model);
        model.addAttribute("webhook", webhooks.get(caller, id));
        WebhookManagement.DeliveryPage page = webhooks.deliveries(caller, id, WebhookManagement.DEFAULT_LIMIT,
                cursor == null || cursor.isBlank() ? null : cursor);
        model.addAttribute("deliveries", page.deliveries());
        model.addAttribute("nextCursor", page.nextCursor());
        return "settings/webhook-deliveries";
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    String redeliver(@PathVariable UUID entityId, @PathVariable UUID id, @PathVariable UUID deliveryId, Model model,
                     RedirectAttributes flash) {
        webhooks.redeliver(admin(entityId, model), id, deliveryId);
        flash.addFlashAttribute("notice", "The event will be sent again");
        return "redirect:/e/" + entityId + "/settings/webhooks/" + id + "/deliveries";
    }
}
