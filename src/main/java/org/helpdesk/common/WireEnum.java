package org.helpdesk.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enums that travel as lower-case strings ("new", "urgent", ...). */
public final class WireEnum {
    private WireEnum() {
    }

    public static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The constant named by {@code value}, or a 400 that lists the allowed values. */
    public static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        for (E constant : type.getEnumConstants()) {
            if (wire(constant).equals(value)) {
                return constant;
            }
        }
        throw new InvalidInput(field + " must be one of " + Arrays.stream(type.getEnumConstants())
                .map(WireEnum::wire).collect(Collectors.joining(", ")));
    }
}
