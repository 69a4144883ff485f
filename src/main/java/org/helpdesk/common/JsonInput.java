package org.helpdesk.common;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Strict reading of a JSON object body: a field of the wrong type is a 400, nothing is coerced.
 * Absent and {@code null} are told apart, which merge-patch needs.
 */
public final class JsonInput {
    private final JsonNode node;

    private JsonInput(JsonNode node) {
        this.node = node;
    }

    public static JsonInput of(JsonNode body) {
        if (body == null || body.isMissingNode() || !body.isObject()) {
            throw new InvalidInput("The request body must be a JSON object");
        }
        return new JsonInput(body);
    }

    /** The field is in the body (possibly as {@code null}). */
    public boolean has(String field) {
        return node.has(field);
    }

    /** The field is in the body as {@code null}. */
    public boolean isNull(String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNull();
    }

    /** A string or nothing: absent and {@code null} both give {@code null}. */
    public String string(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidInput(field + " must be a string");
        }
        return noNul(value.stringValue(), field);
    }

    public String requiredString(String field) {
        String value = string(field);
        if (value == null) {
            throw new InvalidInput(field + " is required");
        }
        return value;
    }

    public Boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new InvalidInput(field + " must be true or false");
        }
        return value.booleanValue();
    }

    public UUID uuid(String field) {
        String value = string(field);
        return value == null ? null : Ids.parse(value, field);
    }

    public List<String> stringList(String field) {
        return strings(node.get(field), field, field + " must be an array of strings");
    }

    /**
     * An array of strings or nothing (absent and {@code null} give {@code null}), for a value nested anywhere in
     * a body; anything else is {@code wrongShape}.
     */
    public static List<String> strings(JsonNode value, String field, String wrongShape) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw new InvalidInput(wrongShape);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isString()) {
                throw new InvalidInput(wrongShape);
            }
            out.add(noNul(item.stringValue(), field));
        }
        return out;
    }

    /**
     * PostgreSQL cannot store U+0000 in text (H2 can): refused on every database alike, whether the text came
     * in JSON, a form or a mail. Null stays null.
     */
    public static String noNul(String value, String field) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new InvalidInput(field + " must not contain the NUL character (U+0000)");
        }
        return value;
    }

    /** A required text, trimmed, of 1..max characters. */
    public static String text(String value, String field, int max) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInput(field + " must not be empty");
        }
        if (trimmed.length() > max) {
            throw new InvalidInput(field + " must be at most " + max + " characters");
        }
        return trimmed;
    }

    /** An optional text, trimmed; blank becomes {@code null}. */
    public static String optionalText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(value, field, max);
    }
}
