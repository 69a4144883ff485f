package org.helpdesk.ui;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.helpdesk.common.DomainException;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.sla.SlaManagement;
import org.helpdesk.ticket.Channel;
import org.helpdesk.ticket.Priority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Settings tabs "Calendars" and "SLA policies" (admins and owners): the lists, simple forms to add and delete,
 * and a preview of the due times a ticket created now would get. The forms are turned into the same JSON the
 * API takes, so the same checks and sentences apply.
 */
@Controller
@RequestMapping("/e/{entityId}/settings")
class SlaSettingsPages {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Desks desks;
    private final SlaManagement sla;

    SlaSettingsPages(Desks desks, SlaManagement sla) {
        this.desks = desks;
        this.sla = sla;
    }

    @GetMapping("/calendars")
    String calendars(@PathVariable UUID entityId, Model model) {
        desks.adminTab(entityId, model, "calendars");
        model.addAttribute("calendars", sla.calendars(entityId));
        return "settings/calendars";
    }

    /** Hours as lines "mon 09:00-12:00"; holidays as dates separated by spaces, commas or lines. */
    @PostMapping("/calendars")
    String addCalendar(@PathVariable UUID entityId, @RequestParam(defaultValue = "") String name,
                       @RequestParam(defaultValue = "") String timezone, @RequestParam(defaultValue = "") String hours,
                       @RequestParam(defaultValue = "") String holidays, Model model, RedirectAttributes redirect) {
        desks.adminTab(entityId, model, "calendars");
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name);
        body.put("timezone", timezone.strip());
        ArrayNode periods = body.putArray("hours");
        for (String line : hours.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().toLowerCase(Locale.ROOT).split("[\\s-]+");
            if (parts.length != 3) {
                return failed(entityId, "calendars", redirect,
                        "Write each period on its own line as: mon 09:00-17:30 (" + line.strip() + ")");
            }
            periods.addObject().put("day", parts[0]).put("from", parts[1]).put("to", parts[2]);
        }
        ArrayNode days = body.putArray("holidays");
        for (String day : holidays.split("[\\s,]+")) {
            if (!day.isBlank()) {
                days.add(day.strip());
            }
        }
        try {
            sla.createCalendar(entityId, body);
        } catch (InvalidInput e) {
            return failed(entityId, "calendars", redirect, e.getMessage());
        }
        return done(entityId, "calendars", redirect, "Calendar added");
    }

    @PostMapping("/calendars/{id}/delete")
    String deleteCalendar(@PathVariable UUID entityId, @PathVariable UUID id, Model model, RedirectAttributes redirect) {
        desks.adminTab(entityId, model, "calendars");
        try {
            sla.deleteCalendar(entityId, id);
        } catch (DomainException e) {
            return failed(entityId, "calendars", redirect, e.getMessage());
        }
        return done(entityId, "calendars", redirect, "Calendar deleted");
    }

    @GetMapping("/sla-policies")
    String policies(@PathVariable UUID entityId, Model model) {
        desks.adminTab(entityId, model, "sla-policies");
        model.addAttribute("policies", sla.policies(entityId));
        model.addAttribute("calendars", sla.calendars(entityId));
        model.addAttribute("preview", sla.preview(entityId, Channel.WEB));
        model.addAttribute("priorities", List.of(Priority.values()));
        model.addAttribute("channels", List.of(Channel.values()));
        return "settings/sla-policies";
    }

    @PostMapping("/sla-policies")
    String addPolicy(@PathVariable UUID entityId, @RequestParam MultiValueMap<String, String> form, Model model,
                     RedirectAttributes redirect) {
        desks.adminTab(entityId, model, "sla-policies");
        ObjectNode body = JSON.createObjectNode();
        body.put("name", form.getFirst("name") == null ? "" : form.getFirst("name"));
        String position = form.getFirst("position");
        try {
            if (position != null && !position.isBlank()) {
                body.put("position", Integer.parseInt(position.strip()));
            }
            String calendar = form.getFirst("calendarId");
            if (calendar != null && !calendar.isBlank()) {
                body.put("calendarId", calendar);
            }
            ObjectNode match = body.putObject("match");
            list(match, "priority", form.get("matchPriority"));
            list(match, "channel", form.get("matchChannel"));
            ObjectNode targets = body.putObject("targets");
            for (Priority p : Priority.values()) {
                Integer first = minutes(form.getFirst("firstResponse-" + p.wire()));
                Integer resolution = minutes(form.getFirst("resolution-" + p.wire()));
                if (first != null || resolution != null) {
                    ObjectNode t = targets.putObject(p.wire());
                    t.put("firstResponse", first);
                    t.put("resolution", resolution);
                }
            }
            sla.createPolicy(entityId, body);
        } catch (NumberFormatException e) {
            return failed(entityId, "sla-policies", redirect, "Position and targets must be whole numbers");
        } catch (InvalidInput e) {
            return failed(entityId, "sla-policies", redirect, e.getMessage());
        }
        return done(entityId, "sla-policies", redirect, "SLA policy added");
    }

    @PostMapping("/sla-policies/{id}/delete")
    String deletePolicy(@PathVariable UUID entityId, @PathVariable UUID id, Model model, RedirectAttributes redirect) {
        desks.adminTab(entityId, model, "sla-policies");
        sla.deletePolicy(entityId, id);
        return done(entityId, "sla-policies", redirect, "SLA policy deleted");
    }

    private static void list(ObjectNode match, String field, List<String> values) {
        if (values != null && !values.isEmpty()) {
            ArrayNode array = match.putArray(field);
            values.forEach(array::add);
        }
    }

    private static Integer minutes(String value) {
        return value == null || value.isBlank() ? null : Integer.parseInt(value.strip());
    }

    private static String done(UUID entityId, String tab, RedirectAttributes redirect, String notice) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/e/" + entityId + "/settings/" + tab;
    }

    private static String failed(UUID entityId, String tab, RedirectAttributes redirect, String why) {
        redirect.addFlashAttribute("alert", why);
        return "redirect:/e/" + entityId + "/settings/" + tab;
    }
}
