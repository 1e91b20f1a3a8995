package io.storyline.enrich.eval.ner;

import java.util.ArrayList;
import java.util.List;

/** Turns a sentence's IOB1 or IOB2 tags into name spans. */
final class GoldSpans {

    private GoldSpans() {
    }

    static List<Span> fromTags(List<String> tags) {
        List<Span> out = new ArrayList<>();
        String open = null;
        int start = -1;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            String label = tag.length() > 2 && tag.charAt(1) == '-' ? tag.substring(2) : null;
            boolean begins = tag.startsWith("B-") || (label != null && !label.equals(open));
            if (open != null && (label == null || begins)) {
                out.add(new Span(start, i, open));
                open = null;
            }
            if (label != null && open == null) {
                open = label;
                start = i;
            }
        }
        return out;
    }
}
