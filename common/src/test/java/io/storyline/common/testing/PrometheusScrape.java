package io.storyline.common.testing;

import java.util.Optional;

/** Reads samples out of a {@code /metrics} answer (Prometheus' text format). */
public final class PrometheusScrape {

    private PrometheusScrape() {
    }

    /** The value of the first sample of {@code metric} whose labels include every one of {@code labels}. */
    public static Optional<Double> sample(String scrape, String metric, String... labels) {
        for (String line : scrape.split("\n")) {
            if (!line.startsWith(metric + "{") && !line.startsWith(metric + " ")) {
                continue;
            }
            String labelText = line.contains("{") ? line.substring(line.indexOf('{'), line.lastIndexOf('}')) : "";
            boolean matches = true;
            for (String label : labels) {
                matches &= labelText.contains(label);
            }
            if (matches) {
                return Optional.of(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        return Optional.empty();
    }
}
