package io.storyline.enrich.facts;

import java.util.Map;

/** Counts of people as news writes them: digits, number words up to the hundreds, "a", "both", "a dozen". */
final class Numbers {

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("another", 1), Map.entry("one", 1), Map.entry("single", 1),
            Map.entry("two", 2), Map.entry("both", 2), Map.entry("pair", 2), Map.entry("couple", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("dozen", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19),
            Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50),
            Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90),
            Map.entry("hundred", 100));

    /** Regex alternatives that {@link #value} reads. */
    static final String PATTERN = "(?:\\d{1,3}(?:,\\d{3})*|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
            + "(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight"
            + "|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen"
            + "|dozens?|a hundred|hundreds|a|an|another|both|a couple of|a pair of)";

    /** {@link #PATTERN} without the articles: a count that stands alone ("14 injured", "two of them fatally"). */
    static final String BARE = PATTERN.replace("|a|an|another|", "|");

    private Numbers() {
    }

    /** The value of a count {@link #PATTERN} matched; null for a vague one ("dozens", "hundreds"). */
    static Integer value(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT).trim();
        if (t.isEmpty() || t.equals("dozens") || t.equals("hundreds")) {
            return null;
        }
        if (Character.isDigit(t.charAt(0))) {
            try {
                return Integer.parseInt(t.replace(",", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        t = t.replaceFirst("^a (dozen|hundred)$", "$1").replaceFirst("^a (couple|pair) of$", "$1");
        String[] parts = t.split("[- ]");
        int total = 0;
        for (String part : parts) {
            Integer v = WORDS.get(part);
            if (v == null) {
                return null;
            }
            total += v;
        }
        return total;
    }
}
