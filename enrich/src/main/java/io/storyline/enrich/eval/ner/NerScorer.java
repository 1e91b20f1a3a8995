package io.storyline.enrich.eval.ner;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * CoNLL-style scoring: a predicted name is correct when a gold name has the same tokens and the same label.
 * For weapons, whose gold spans in re3d take in determiners and owners ("a mortar", "ISIL tanks"), it also counts
 * gold names that any predicted weapon overlaps.
 */
final class NerScorer {

    private final Map<String, Tally> exact = new TreeMap<>();
    private final Tally weaponOverlap = new Tally();

    void score(List<Span> gold, List<Span> predicted) {
        Set<Span> predictedSet = new HashSet<>(predicted);
        for (Span span : gold) {
            Tally tally = tally(span.label());
            tally.gold++;
            if (predictedSet.contains(span)) {
                tally.correct++;
            }
        }
        for (Span span : predicted) {
            tally(span.label()).predicted++;
        }
        for (Span span : gold) {
            if (LabelScheme.WEAPON.equals(span.label())) {
                weaponOverlap.gold++;
                if (predicted.stream().anyMatch(p -> LabelScheme.WEAPON.equals(p.label()) && p.overlaps(span))) {
                    weaponOverlap.correct++;
                }
            }
        }
        for (Span span : predicted) {
            if (LabelScheme.WEAPON.equals(span.label())) {
                weaponOverlap.predicted++;
            }
        }
    }

    private Tally tally(String label) {
        return exact.computeIfAbsent(label, l -> new Tally());
    }

    Map<String, Tally> byLabel() {
        return exact;
    }

    /** Micro-averaged over the given labels. */
    Tally micro(List<String> labels) {
        Tally out = new Tally();
        for (String label : labels) {
            Tally tally = exact.get(label);
            if (tally != null) {
                out.add(tally);
            }
        }
        return out;
    }

    /** Weapons counted by overlap: recall is the share of gold weapons some predicted weapon touches. */
    Tally weaponOverlap() {
        return weaponOverlap;
    }
}
