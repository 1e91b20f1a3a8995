package io.storyline.alert.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * How a {@code field} condition compares the values it finds with the value the rule gives. Numbers compare as
 * numbers (a number written as text counts too); text compares without regard to case, and orders as text, which
 * orders ISO-8601 dates and times correctly. A value of the other kind never passes.
 *
 * @param operator {@code equals}, {@code not_equals}, {@code gt}, {@code gte}, {@code lt}, {@code lte},
 *                 {@code contains}, {@code in} or {@code exists}
 * @param expected what the rule compares with: a number, text, a list (for {@code in}) or a boolean (for
 *                 {@code exists})
 */
public record FieldTest(String operator, JsonNode expected) {

    public static final List<String> OPERATORS =
            List.of("equals", "not_equals", "gt", "gte", "lt", "lte", "contains", "in", "exists");

    boolean test(List<JsonNode> values) {
        if (operator.equals("exists")) {
            return values.isEmpty() != expected.asBoolean();
        }
        if (operator.equals("not_equals")) {
            return values.stream().noneMatch(value -> compare(value, expected) == 0);
        }
        for (JsonNode value : values) {
            if (passes(value)) {
                return true;
            }
        }
        return false;
    }

    private boolean passes(JsonNode value) {
        return switch (operator) {
            case "equals" -> compare(value, expected) == 0;
            case "gt" -> compare(value, expected) > 0 && comparable(value, expected);
            case "gte" -> compare(value, expected) >= 0 && comparable(value, expected);
            case "lt" -> compare(value, expected) < 0 && comparable(value, expected);
            case "lte" -> compare(value, expected) <= 0 && comparable(value, expected);
            case "contains" -> value.isTextual()
                    && lower(value.asText()).contains(lower(expected.asText()));
            case "in" -> {
                for (JsonNode option : expected) {
                    if (compare(value, option) == 0) {
                        yield true;
                    }
                }
                yield false;
            }
            default -> throw new IllegalStateException("unknown operator " + operator);
        };
    }

    private static boolean comparable(JsonNode value, JsonNode expected) {
        return number(value) != null && number(expected) != null || value.isTextual() && expected.isTextual();
    }

    /** 0 when equal, the order otherwise; a non-zero value for values of different kinds. */
    private static int compare(JsonNode value, JsonNode expected) {
        Double a = number(value);
        Double b = number(expected);
        if (a != null && b != null) {
            return Double.compare(a, b);
        }
        if (expected.isBoolean() && value.isBoolean()) {
            return Boolean.compare(value.asBoolean(), expected.asBoolean());
        }
        if (value.isValueNode() && expected.isTextual()) {
            return lower(value.asText()).compareTo(lower(expected.asText()));
        }
        return Integer.MIN_VALUE;
    }

    private static Double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
