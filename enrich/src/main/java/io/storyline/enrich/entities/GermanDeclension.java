package io.storyline.enrich.entities;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The nominative forms a declined German name may come from: the genitive -s or -es of the head noun dropped
 * ("Frankreichs", "Hauses") and weak adjective endings -en turned back into -e ("Vereinigten Staaten",
 * "Tschechischen Republik"). Candidates only: the caller keeps one that a list knows.
 */
final class GermanDeclension {

    private GermanDeclension() {
    }

    static List<String> nominatives(String name) {
        String[] words = name.split(" ");
        Set<String> heads = new LinkedHashSet<>();
        String head = words[words.length - 1];
        heads.add(head);
        if (head.length() > 3 && head.endsWith("es")) {
            heads.add(head.substring(0, head.length() - 2));
        }
        if (head.length() > 3 && head.endsWith("s")) {
            heads.add(head.substring(0, head.length() - 1));
        }
        boolean declinedAdjectives = false;
        StringBuilder adjectives = new StringBuilder();
        for (int i = 0; i < words.length - 1; i++) {
            String word = words[i];
            if (word.length() > 3 && word.endsWith("en") && Character.isUpperCase(word.charAt(0))) {
                word = word.substring(0, word.length() - 1);
                declinedAdjectives = true;
            }
            adjectives.append(word).append(' ');
        }
        String prefix = String.join(" ", List.of(words).subList(0, words.length - 1));
        List<String> out = new ArrayList<>();
        for (String candidate : heads) {
            if (!candidate.equals(head)) {
                out.add(prefix.isEmpty() ? candidate : prefix + " " + candidate);
            }
            if (declinedAdjectives) {
                out.add(adjectives + candidate);
            }
        }
        return out;
    }
}
