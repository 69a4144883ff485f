package org.helpdesk.ui;

/**
 * Where to go after signing in: only ever a path of this site, so a link cannot send a user who signs in
 * to another site (open redirect). Anything else becomes the start page.
 */
final class ReturnTo {
    private ReturnTo() {
    }

    static String safe(String next) {
        if (next == null || next.isEmpty() || next.length() > 2000) {
            return "/";
        }
        // a single leading slash; no "//host" or "/\host" (browsers treat both as another origin), no scheme
        if (next.charAt(0) != '/' || next.startsWith("//") || next.startsWith("/\\")) {
            return "/";
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            // braces would be read as URI template variables by the redirect (a 500 after a good sign-in)
            if (c < 0x20 || c == 0x7f || c == '\\' || c == '{' || c == '}') {
                return "/";
            }
        }
        return next;
    }
}
