package io.storyline.enrich.dates;

/** The fixed expressions of phrases.tsv: "now", "the past", "yesterday", "tonight", "the near future". */
final class PhraseRules {

    private PhraseRules() {
    }

    static Match phrase(Scan s, int i) {
        return find(s, i, false);
    }

    /** Only the phrases that name a day ("yesterday", "tonight"), which other expressions can build on. */
    static Match dayPhrase(Scan s, int i) {
        return find(s, i, true);
    }

    private static Match find(Scan s, int i, boolean daysOnly) {
        if (!s.inRange(i)) {
            return null;
        }
        for (Lexicon.Phrase phrase : s.lexicon.phrasesStartingWith(s.word(i))) {
            int end = CalendarRules.matchWords(s, i, phrase.words());
            if (end > 0 && (!daysOnly || phrase.value().startsWith("DAY")) && !generic(s, i, end)) {
                return new Match(i, end, resolution(phrase));
            }
        }
        return null;
    }

    /** "in today's world", "for today's youth": the present age, which TimeBank does not date. */
    private static boolean generic(Scan s, int i, int end) {
        return s.isAny(i, "today", "tomorrow") && s.is(end, "'s") && s.isAny(i - 1, "in", "of", "for", "to");
    }

    private static Resolution resolution(Lexicon.Phrase phrase) {
        String value = phrase.value();
        if (!value.startsWith("DAY")) {
            return Resolution.constant(phrase.type(), value);
        }
        int space = value.indexOf(' ');
        int offset = Integer.parseInt(value.substring(3, space < 0 ? value.length() : space).replace("+", ""));
        String pod = space < 0 ? null : value.substring(space + 1);
        return Resolution.moment(c -> {
            Moment day = Moment.day(c.anchor().plusDays(offset));
            return pod == null ? day : day.withPartOfDay(pod);
        });
    }
}
