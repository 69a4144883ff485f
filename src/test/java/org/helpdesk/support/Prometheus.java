package org.helpdesk.support;

import java.util.Arrays;

/** Reads values out of a Prometheus text scrape. */
public record Prometheus(String text) {

    /** The sum of the samples of {@code metric} whose labels contain every {@code name="value"} given. */
    public double sum(String metric, String... labels) {
        return Arrays.stream(text.split("\n"))
                .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    public boolean has(String metric, String... labels) {
        return Arrays.stream(text.split("\n"))
                .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .anyMatch(line -> Arrays.stream(labels).allMatch(line::contains));
    }
}
