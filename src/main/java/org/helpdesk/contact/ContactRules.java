package org.helpdesk.contact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.helpdesk.common.Emails;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;

/**
 * The value rules of API §9 for contacts and organizations, whoever sends them (API, pages, the ticket core):
 * addresses and domains lower-cased, their counts and lengths, the free-mail domains no organization may claim,
 * and which organization a new contact joins by its addresses.
 */
final class ContactRules {
    static final int MAX_EMAILS = 20;
    static final int MAX_NAME = 255;
    static final int MAX_PHONE = 50;
    static final int MAX_DOMAINS = 100;

    /** Addresses anyone can get: an organization owning one would collect strangers (API §9). */
    static final Set<String> FREE_MAIL = Set.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com",
            "live.com", "yahoo.com", "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.com",
            "gmx.de", "web.de", "mail.ru", "yandex.ru", "qq.com", "163.com");

    private static final Pattern DOMAIN = Pattern.compile(
            "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$");

    private ContactRules() {
    }

    /** One address, as stored: shaped like an address, lower-cased. */
    static String email(String value, String field) {
        return Emails.normalize(value, field).toLowerCase(Locale.ROOT);
    }

    /** 1–20 addresses, lower-cased, the first the primary; an address named twice counts once. */
    static List<String> emails(List<String> values) {
        if (values == null || values.isEmpty()) {
            throw new InvalidInput("emails must list at least one address");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String value : values) {
            out.add(email(value, "emails"));
        }
        if (out.size() > MAX_EMAILS) {
            throw new InvalidInput("emails must list at most " + MAX_EMAILS + " addresses");
        }
        return List.copyOf(out);
    }

    /** A contact's name: up to 255 characters, trimmed; blank means none. */
    static String name(String value) {
        return JsonInput.optionalText(value, "name", MAX_NAME);
    }

    static String phone(String value) {
        return JsonInput.optionalText(value, "phone", MAX_PHONE);
    }

    static String organizationName(String value) {
        return JsonInput.text(value, "name", MAX_NAME);
    }

    /** One domain, lower-cased (a leading "@" is dropped); a free-mail domain is refused. */
    static String domain(String value) {
        String domain = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (domain.startsWith("@")) {
            domain = domain.substring(1);
        }
        if (!DOMAIN.matcher(domain).matches()) {
            throw new InvalidInput("domains must be domain names such as example.com");
        }
        if (FREE_MAIL.contains(domain)) {
            throw new InvalidInput("domains cannot include " + domain
                    + ": it is a free-mail domain, whose addresses belong to unrelated people");
        }
        return domain;
    }

    /** Up to 100 domains, lower-cased, each once. */
    static List<String> domains(List<String> values) {
        if (values == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String value : values) {
            out.add(domain(value));
        }
        if (out.size() > MAX_DOMAINS) {
            throw new InvalidInput("domains must list at most " + MAX_DOMAINS + " domains");
        }
        return List.copyOf(out);
    }

    /** The domain part of a stored address. */
    static String domainOf(String email) {
        return email.substring(email.lastIndexOf('@') + 1);
    }

    /** The domains of these addresses, in their order, each once. */
    static List<String> domainsOf(List<String> emails) {
        return new ArrayList<>(new LinkedHashSet<>(emails.stream().map(ContactRules::domainOf).toList()));
    }

    /**
     * The organization a new contact joins: the one owning the domain of its first address that has one.
     * {@code null} when none does.
     */
    static UUID organizationByDomain(List<String> emails, Map<String, UUID> organizationByDomain) {
        for (String email : emails) {
            UUID org = organizationByDomain.get(domainOf(email));
            if (org != null) {
                return org;
            }
        }
        return null;
    }
}
