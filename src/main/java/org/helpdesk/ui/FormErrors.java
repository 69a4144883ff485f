package org.helpdesk.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.helpdesk.common.Conflict;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.NotFound;

/** Validation messages of a form, by field name, shown next to their fields. */
public final class FormErrors {
    private final Map<String, String> messages = new LinkedHashMap<>();

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    public String get(String field) {
        return messages.get(field);
    }

    public boolean any() {
        return !messages.isEmpty();
    }

    void add(String field, String message) {
        messages.putIfAbsent(field, message);
    }

    /** The value {@code check} returns, or null with its message recorded against {@code field}. */
    <T> T check(String field, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInput | Conflict | NotFound e) {
            add(field, sentence(e.getMessage()));
            return null;
        }
    }

    /** Turns the API's messages ("name must not be empty") into a sentence for a person. */
    static String sentence(String message) {
        if (message == null || message.isEmpty()) {
            return "This value is not valid.";
        }
        String s = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }
}
