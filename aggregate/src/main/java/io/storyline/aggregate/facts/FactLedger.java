package io.storyline.aggregate.facts;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.storyline.common.facts.KeyFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What an incident's members report of its key facts, and the reconciled figures ({@link #keyFacts()}). For each
 * fact (killed, injured, date, place) the ledger keeps every distinct value members reported with how many
 * reported it, when it was first and last reported, and the sentences of its latest reports; bounded (at most
 * {@link #MAX_VALUES} values a fact, {@link #REPORTS_KEPT} sentences a value), so the incident's record stays small
 * however many articles join. Members' reports can be taken back out (a corrected article) and two ledgers added
 * (a merge).
 *
 * <p>The rule, per toll (killed, injured): the figure most members report wins, a tie going to the lower one
 * (the commoner error is to overcount: a round-up or an earlier event in the same story); but a higher figure
 * first reported after the last report of the winning one replaces it: the toll rose. The date: the day most
 * members give, a tie going to a day named in a toll's sentence (not an estimate), then to the earlier. The place:
 * the country most reports name, then the region most reports within it name, then the city most reports within
 * that region name; ties go to the first reported.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public final class FactLedger {

    /** Distinct values kept per fact; beyond, the least reported (then the stalest) is dropped. */
    static final int MAX_VALUES = 6;
    /** Report sentences kept per value, the latest. */
    static final int REPORTS_KEPT = 2;
    /** Conflicting toll figures shown in the evidence besides the winning one. */
    static final int CONFLICTS_SHOWN = 2;
    private static final String SEPARATOR = "|";

    // Concrete types, sorted maps: the same iteration order (and so the same answer) from a store or memory.
    TreeMap<String, Tally> killed = new TreeMap<>();
    TreeMap<String, Tally> injured = new TreeMap<>();
    TreeMap<String, Tally> dates = new TreeMap<>();
    TreeMap<String, Tally> places = new TreeMap<>();

    /** One value's support. */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    static final class Tally {
        int reports;
        /** Reports that state the figure (not a zero inferred from silence about it). */
        int stated;
        double firstDay;
        double lastDay;
        /** The latest reports, oldest first. */
        ArrayList<Report> recent = new ArrayList<>();
    }

    /** One member's report of a value, with the sentence that gives it; {@code basis} as in the evidence. */
    record Report(String articleId, double day, String sentence, String basis) {
    }

    /** Adds one member's report; {@code facts} as enrich read them from the article, evidence included. */
    public void add(String articleId, double day, KeyFacts facts) {
        if (facts == null) {
            return;
        }
        if (facts.killed() != null) {
            add(killed, Integer.toString(facts.killed()), articleId, day, sentence(facts, KeyFacts.KILLED),
                    !facts.inferred(KeyFacts.KILLED));
        }
        if (facts.injured() != null) {
            add(injured, Integer.toString(facts.injured()), articleId, day, sentence(facts, KeyFacts.INJURED),
                    !facts.inferred(KeyFacts.INJURED));
        }
        if (facts.date() != null) {
            add(dates, facts.date(), articleId, day, sentence(facts, KeyFacts.DATE), !facts.inferred(KeyFacts.DATE));
        }
        if (facts.place() != null) {
            add(places, placeKey(facts.place()), articleId, day, sentence(facts, KeyFacts.PLACE),
                    !facts.inferred(KeyFacts.PLACE));
        }
    }

    /** Takes back what one member reported (its earlier version, when corrected). */
    public void remove(String articleId, KeyFacts facts) {
        if (facts == null) {
            return;
        }
        if (facts.killed() != null) {
            remove(killed, Integer.toString(facts.killed()), articleId, !facts.inferred(KeyFacts.KILLED));
        }
        if (facts.injured() != null) {
            remove(injured, Integer.toString(facts.injured()), articleId, !facts.inferred(KeyFacts.INJURED));
        }
        if (facts.date() != null) {
            remove(dates, facts.date(), articleId, !facts.inferred(KeyFacts.DATE));
        }
        if (facts.place() != null) {
            remove(places, placeKey(facts.place()), articleId, !facts.inferred(KeyFacts.PLACE));
        }
    }

    /** Adds everything another incident's members reported (the other incident merges into this one). */
    public void absorb(FactLedger other) {
        absorb(killed, other.killed);
        absorb(injured, other.injured);
        absorb(dates, other.dates);
        absorb(places, other.places);
    }

    /** The reconciled key facts, with the evidence for each (and for conflicting toll figures). */
    public KeyFacts keyFacts() {
        List<KeyFacts.Evidence> evidence = new ArrayList<>();
        String k = toll(killed, false);
        String i = toll(injured, true);
        String d = mostReported(dates, statedFirst(dates).thenComparing(Comparator.naturalOrder()));
        KeyFacts.Place place = place();
        evidence(evidence, KeyFacts.KILLED, killed, k);
        evidence(evidence, KeyFacts.INJURED, injured, i);
        evidence(evidence, KeyFacts.DATE, dates, d);
        if (place != null) {
            evidence(evidence, KeyFacts.PLACE, places, agreeing(place));
        }
        conflicts(evidence, KeyFacts.KILLED, killed, k);
        conflicts(evidence, KeyFacts.INJURED, injured, i);
        return new KeyFacts(k == null ? null : Integer.valueOf(k), i == null ? null : Integer.valueOf(i), d, place,
                evidence);
    }

    /** Whether what alerting watches changed: a toll or the place (not the date, not the evidence). */
    public static boolean tollOrPlaceChanged(KeyFacts before, KeyFacts after) {
        KeyFacts b = before == null ? KeyFacts.none() : before;
        KeyFacts a = after == null ? KeyFacts.none() : after;
        return !Objects.equals(b.killed(), a.killed()) || !Objects.equals(b.injured(), a.injured())
                || !Objects.equals(b.place(), a.place());
    }

    // --- the rule -------------------------------------------------------------------------------------------

    /**
     * Most reported, ties to a stated figure, then to the lower; replaced by a higher figure first reported after
     * its last report. Figures some member states outrank zeros only inferred from silence ("a man was shot" says
     * nothing of deaths), except, where the toll {@code canFall} (the injured: a wounded victim may die), zeros first
     * reported after every stated figure's last report: the later reports count only the dead.
     */
    private static String toll(TreeMap<String, Tally> all, boolean canFall) {
        TreeMap<String, Tally> tallies = new TreeMap<>(all);
        double lastStated = all.values().stream().filter(t -> t.stated > 0).mapToDouble(t -> t.lastDay).max()
                .orElse(Double.NaN);
        if (!Double.isNaN(lastStated)) {
            tallies.values().removeIf(t -> t.stated == 0 && !(canFall && t.firstDay > lastStated));
        }
        String winner = mostReported(tallies, statedFirst(tallies).thenComparingInt(Integer::parseInt));
        if (winner == null) {
            return null;
        }
        double last = tallies.get(winner).lastDay;
        int value = Integer.parseInt(winner);
        String rose = null;
        for (Map.Entry<String, Tally> e : tallies.entrySet()) {
            int v = Integer.parseInt(e.getKey());
            if (v > value && e.getValue().firstDay > last && (rose == null || v > Integer.parseInt(rose))) {
                rose = e.getKey();
            }
        }
        return rose != null ? rose : winner;
    }

    /** Values some member states (a toll counted, a day named in the toll's sentence) before the others. */
    private static Comparator<String> statedFirst(TreeMap<String, Tally> tallies) {
        return Comparator.comparingInt(v -> tallies.get(v).stated > 0 ? 0 : 1);
    }

    /** The value with the most reports; among equals, the first by {@code tie}. */
    private static String mostReported(TreeMap<String, Tally> tallies, Comparator<String> tie) {
        return tallies.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Tally>>comparingInt(e -> e.getValue().reports)
                        .thenComparing(Map.Entry::getKey, tie.reversed()))
                .map(Map.Entry::getKey).orElse(null);
    }

    /**
     * Country, then region within it, then city within that, each by reports; ties to the first reported. A region
     * some report writes ("Springfield, Ore.") outranks regions only guessed from a town's most populous namesake,
     * and a town whose region was guessed counts for the written region's town of that name.
     */
    private KeyFacts.Place place() {
        String country = vote(places, key -> part(key, 2), null, -1);
        TreeMap<String, Tally> written = new TreeMap<>(places);
        written.entrySet().removeIf(e -> e.getValue().stated == 0 || part(e.getKey(), 1) == null);
        String region = vote(written.isEmpty() ? places : written, key -> part(key, 1), country, 2);
        String city = vote(region == null ? places : adopted(region), key -> part(key, 0),
                region != null ? region : country, region != null ? 1 : 2);
        if (country == null && region == null && city == null) {
            return null;
        }
        return new KeyFacts.Place(city, region, country);
    }

    /**
     * The most reported non-null part of the place keys, among the keys whose part {@code within} equals
     * {@code constraint} (or does not say); ties go to the part first reported.
     */
    private static String vote(TreeMap<String, Tally> tallies, Function<String, String> part, String constraint,
                               int within) {
        Map<String, Integer> reports = new TreeMap<>();
        Map<String, Double> first = new TreeMap<>();
        for (Map.Entry<String, Tally> e : tallies.entrySet()) {
            String value = part.apply(e.getKey());
            String bound = within < 0 ? null : part(e.getKey(), within);
            if (value == null || (constraint != null && bound != null && !constraint.equals(bound))) {
                continue;
            }
            reports.merge(value, e.getValue().reports, Integer::sum);
            first.merge(value, e.getValue().firstDay, Math::min);
        }
        return reports.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(e -> -first.get(e.getKey()))
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** The places, those of guessed region whose town a report in {@code region} names moved into it. */
    private TreeMap<String, Tally> adopted(String region) {
        java.util.Set<String> towns = new java.util.TreeSet<>();
        places.forEach((key, tally) -> {
            if (region.equals(part(key, 1)) && part(key, 0) != null) {
                towns.add(part(key, 0));
            }
        });
        TreeMap<String, Tally> out = new TreeMap<>();
        places.forEach((key, tally) -> {
            boolean moves = tally.stated == 0 && towns.contains(part(key, 0)) && !region.equals(part(key, 1));
            String to = moves ? part(key, 0) + SEPARATOR + region + SEPARATOR + nullToEmpty(part(key, 2)) : key;
            absorb(out, new TreeMap<>(Map.of(to, tally)));
        });
        return out;
    }

    /** The reported place most reported among those the reconciled place agrees with (its evidence). */
    private String agreeing(KeyFacts.Place place) {
        String[] chosen = {place.city(), place.region(), place.country()};
        return places.entrySet().stream()
                .filter(e -> {
                    for (int i = 0; i < 3; i++) {
                        String p = part(e.getKey(), i);
                        if (p != null && !p.equals(chosen[i])) {
                            return false;
                        }
                    }
                    return true;
                })
                .max(Comparator.<Map.Entry<String, Tally>>comparingInt(e -> e.getValue().reports)
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).orElse(null);
    }

    // --- bookkeeping ----------------------------------------------------------------------------------------

    private static void add(TreeMap<String, Tally> tallies, String value, String articleId, double day,
                            String sentence, boolean stated) {
        Tally tally = tallies.get(value);
        if (tally == null) {
            tally = new Tally();
            tally.firstDay = day;
            tally.lastDay = day;
            tallies.put(value, tally);
        }
        tally.reports++;
        tally.stated += stated ? 1 : 0;
        tally.firstDay = Math.min(tally.firstDay, day);
        tally.lastDay = Math.max(tally.lastDay, day);
        tally.recent.add(new Report(articleId, day, sentence, stated ? null : KeyFacts.Evidence.INFERRED));
        keepLatest(tally.recent);
        prune(tallies);
    }

    private static void remove(TreeMap<String, Tally> tallies, String value, String articleId, boolean stated) {
        Tally tally = tallies.get(value);
        if (tally == null) {
            return;
        }
        tally.reports--;
        tally.stated -= stated && tally.stated > 0 ? 1 : 0;
        tally.recent.removeIf(r -> r.articleId().equals(articleId));
        if (tally.reports <= 0) {
            tallies.remove(value);
        } else if (tally.recent.size() == tally.reports) {
            // Every remaining report is at hand: its span is exact again.
            tally.firstDay = tally.recent.stream().mapToDouble(Report::day).min().orElse(tally.firstDay);
            tally.lastDay = tally.recent.stream().mapToDouble(Report::day).max().orElse(tally.lastDay);
        }
    }

    private static void absorb(TreeMap<String, Tally> into, TreeMap<String, Tally> from) {
        from.forEach((value, theirs) -> {
            Tally ours = into.get(value);
            if (ours == null) {
                Tally copy = new Tally();
                copy.reports = theirs.reports;
                copy.stated = theirs.stated;
                copy.firstDay = theirs.firstDay;
                copy.lastDay = theirs.lastDay;
                copy.recent.addAll(theirs.recent);
                into.put(value, copy);
            } else {
                ours.reports += theirs.reports;
                ours.stated += theirs.stated;
                ours.firstDay = Math.min(ours.firstDay, theirs.firstDay);
                ours.lastDay = Math.max(ours.lastDay, theirs.lastDay);
                ours.recent.addAll(theirs.recent);
                keepLatest(ours.recent);
            }
        });
        prune(into);
    }

    private static void keepLatest(ArrayList<Report> reports) {
        reports.sort(Comparator.comparingDouble(Report::day).thenComparing(Report::articleId));
        while (reports.size() > REPORTS_KEPT) {
            reports.remove(0);
        }
    }

    private static void prune(TreeMap<String, Tally> tallies) {
        while (tallies.size() > MAX_VALUES) {
            String weakest = tallies.entrySet().stream()
                    .min(Comparator.<Map.Entry<String, Tally>>comparingInt(e -> e.getValue().reports)
                            .thenComparingDouble(e -> e.getValue().lastDay)
                            .thenComparing(Map.Entry::getKey))
                    .map(Map.Entry::getKey).orElseThrow();
            tallies.remove(weakest);
        }
    }

    private static void evidence(List<KeyFacts.Evidence> out, String fact, TreeMap<String, Tally> tallies,
                                 String value) {
        Tally tally = value == null ? null : tallies.get(value);
        if (tally == null) {
            return;
        }
        String shown = fact.equals(KeyFacts.PLACE) ? describe(value) : value;
        for (int r = tally.recent.size() - 1; r >= 0; r--) {
            Report report = tally.recent.get(r);
            out.add(new KeyFacts.Evidence(fact, shown, report.sentence(), report.articleId(), report.basis()));
        }
    }

    /** The latest report of up to {@link #CONFLICTS_SHOWN} other figures, the most reported first. */
    private static void conflicts(List<KeyFacts.Evidence> out, String fact, TreeMap<String, Tally> tallies,
                                  String chosen) {
        tallies.entrySet().stream()
                .filter(e -> !e.getKey().equals(chosen) && !e.getValue().recent.isEmpty())
                .sorted(Comparator.<Map.Entry<String, Tally>>comparingInt(e -> -e.getValue().reports)
                        .thenComparing(Map.Entry::getKey))
                .limit(CONFLICTS_SHOWN)
                .forEach(e -> {
                    Report latest = e.getValue().recent.get(e.getValue().recent.size() - 1);
                    out.add(new KeyFacts.Evidence(fact, e.getKey(), latest.sentence(), latest.articleId(),
                            latest.basis()));
                });
    }

    private static String sentence(KeyFacts facts, String fact) {
        return facts.evidence().stream().filter(e -> fact.equals(e.fact())).map(KeyFacts.Evidence::sentence)
                .findFirst().orElse(null);
    }

    static String placeKey(KeyFacts.Place place) {
        return nullToEmpty(place.city()) + SEPARATOR + nullToEmpty(place.region()) + SEPARATOR
                + nullToEmpty(place.country());
    }

    private static String part(String key, int index) {
        String[] parts = key.split("\\|", -1);
        return index < parts.length && !parts[index].isEmpty() ? parts[index] : null;
    }

    private static String describe(String key) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            if (part(key, i) != null) {
                parts.add(part(key, i));
            }
        }
        return String.join(", ", parts);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.replace(SEPARATOR, " ");
    }
}
