package org.helpdesk.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.OutboundTargets;

/** A receiver URL: https (http only where the operator allows private targets), a host that may be reached. */
final class WebhookUrl {
    static final int MAX_LENGTH = 2000;

    private WebhookUrl() {
    }

    /** The URL if it may be saved; resolves the host (a host that does not resolve is refused). */
    static URI check(String url, boolean allowPrivate) {
        URI uri = parse(url, allowPrivate);
        OutboundTargets.check(host(uri), allowPrivate, "url");
        return uri;
    }

    static URI parse(String url, boolean allowPrivate) {
        if (url == null || url.isBlank()) {
            throw new InvalidInput("url is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw new InvalidInput("url must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInput("url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            throw new InvalidInput(allowPrivate ? "url must start with https:// or http://"
                    : "url must start with https://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidInput("url must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInput("url must not contain a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidInput("url must not contain a fragment (#...)");
        }
        return uri;
    }

    /** The host without IPv6 brackets. */
    static String host(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
