package org.helpdesk.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.common.DomainException;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.Ids;
import org.helpdesk.sla.Calendar;
import org.helpdesk.sla.CalendarFields;
import org.helpdesk.sla.PolicyFields;
import org.helpdesk.sla.SlaManagement;
import org.helpdesk.sla.SlaPolicy;
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

/**
 * Settings tabs "Calendars" and "SLA policies" (admins and owners): the lists, simple forms to add and delete,
 * and a preview of the due times a ticket created now would get. The forms become the same commands the API's
 * bodies do, so the same checks and sentences apply.
 */
@Controller
@RequestMapping("/e/{entityId}/settings")
class SlaSettingsPages {
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
        Desk desk = desks.adminTab(entityId, model, "calendars");
        List<Calendar.Hours> periods = new ArrayList<>();
        for (String line : hours.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().toLowerCase(Locale.ROOT).split("[\\s-]+");
            if (parts.length != 3) {
                return failed(entityId, "calendars", redirect,
                        "Write each period on its own line as: mon 09:00-17:30 (" + line.strip() + ")");
            }
            periods.add(new Calendar.Hours(parts[0], parts[1], parts[2]));
        }
        List<String> days = Arrays.stream(holidays.split("[\\s,]+")).filter(d -> !d.isBlank()).toList();
        try {
            sla.createCalendar(desk.actor(), new CalendarFields(name, timezone, periods, days));
        } catch (InvalidInput e) {
            return failed(entityId, "calendars", redirect, e.getMessage());
        }
        return done(entityId, "calendars", redirect, "Calendar added");
    }

    @PostMapping("/calendars/{id}/delete")
    String deleteCalendar(@PathVariable UUID entityId, @PathVariable UUID id, Model model, RedirectAttributes redirect) {
        Desk desk = desks.adminTab(entityId, model, "calendars");
        try {
            sla.deleteCalendar(desk.actor(), id);
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
        Desk desk = desks.adminTab(entityId, model, "sla-policies");
        try {
            String calendar = form.getFirst("calendarId");
            Map<String, SlaPolicy.Target> targets = new LinkedHashMap<>();
            for (Priority p : Priority.values()) {
                Integer first = number(form.getFirst("firstResponse-" + p.wire()));
                Integer resolution = number(form.getFirst("resolution-" + p.wire()));
                if (first != null || resolution != null) {
                    targets.put(p.wire(), new SlaPolicy.Target(first, resolution));
                }
            }
            sla.createPolicy(desk.actor(), new PolicyFields(form.getFirst("name"), number(form.getFirst("position")),
                    new SlaPolicy.Match(nonEmpty(form.get("matchPriority")), null, nonEmpty(form.get("matchChannel"))),
                    calendar == null || calendar.isBlank() ? null : Ids.parse(calendar, "calendarId"), targets));
        } catch (NumberFormatException e) {
            return failed(entityId, "sla-policies", redirect, "Position and targets must be whole numbers");
        } catch (InvalidInput e) {
            return failed(entityId, "sla-policies", redirect, e.getMessage());
        }
        return done(entityId, "sla-policies", redirect, "SLA policy added");
    }

    @PostMapping("/sla-policies/{id}/delete")
    String deletePolicy(@PathVariable UUID entityId, @PathVariable UUID id, Model model, RedirectAttributes redirect) {
        Desk desk = desks.adminTab(entityId, model, "sla-policies");
        sla.deletePolicy(desk.actor(), id);
        return done(entityId, "sla-policies", redirect, "SLA policy deleted");
    }

    private static List<String> nonEmpty(List<String> values) {
        return values == null || values.isEmpty() ? null : values;
    }

    private static Integer number(String value) {
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
