package io.storyline.enrich;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated article text of the kinds that trip extractors: amounts with decimals and currencies, decade and
 * ordinal suffixes, ranges, percentages, clock times, dates in every form the date tagger reads (and impossible
 * ones), names, scripts other than Latin, and runs of words without punctuation, joined by the separators news
 * text uses.
 */
final class NewsText {

    private static final List<String> WORDS = List.of("the", "police", "said", "on", "in", "a", "of", "and",
            "shares", "fell", "to", "high", "low", "rose", "from", "between", "by", "at", "about", "since", "until",
            "before", "after", "during", "early", "mid", "late", "last", "next", "this", "that", "ago", "later",
            "week", "weeks", "month", "months", "year", "years", "day", "days", "quarter", "fiscal", "half",
            "decade", "century", "morning", "night", "tonight", "today", "yesterday", "tomorrow", "each", "every",
            "one", "two", "three", "twenty", "hundred", "million", "billion", "per", "cent", "percent", "were",
            "killed", "injured", "shooting", "storm", "missile", "election", "market", "price", "range", "s", "th",
            "of the", "in the", "the high", "the low", "the mid", "the", "no.", "number", "#", "'s", "-", "/");
    private static final List<String> NAMES = List.of("Dnipro", "Lima", "Peru", "Kansas City", "Storm Shadow",
            "NATO", "Keir Starmer", "Starmer", "Red Cross", "U.S.", "Mr.", "Dr. Holm", "ATACMS", "Kh-101", "Q3",
            "Christmas", "Easter", "Ramadan", "Monday", "Friday", "January", "Sept.", "May", "March", "Independence Day",
            "UN", "EU", "Antwerp-Bruges", "St. Louis", "New York", "Xi", "O'Neill", "McDonald's", "AT&T");
    private static final List<String> MONTHS = List.of("January", "Feb.", "March", "Apr", "May", "June", "Jul.",
            "August", "Sept.", "Oct", "November", "Dec.", "Febuary", "Smarch");
    private static final List<String> CURRENCIES = List.of("$", "€", "£", "¥", "₹", "US$", "C$", "USD ", "EUR ");
    private static final List<String> OTHER_SCRIPTS = List.of("Київ", "Дніпро", "Москва", "القاهرة", "بغداد",
            "北京", "東京", "서울", "नई दिल्ली", "ירושלים", "Αθήνα", "ঢাকা", "Hà Nội", "İstanbul", "Łódź", "😀", "🇺🇦",
            "\u200F", "\u202E", "e\u0301", "ﬁ", "𝐁𝐨𝐥𝐝", "١٢٣", "٢٠٢٤", "१२", "二〇二四年", "３月１２日", "Ⅻ");
    private static final List<String> SEPARATORS = List.of(" ", " ", " ", " ", ", ", ". ", "; ", " - ", " — ",
            "\n", "\n\n", " (", ") ", " \"", "\" ", "/", "-", "–", ": ", "'", "? ", "! ", "…");

    private NewsText() {
    }

    /** A text of {@code min} to {@code max} fragments. */
    static Arbitrary<String> texts(int min, int max) {
        return fragment().list().ofMinSize(min).ofMaxSize(max)
                .flatMap(fragments -> separator().list().ofSize(fragments.size()).map(separators -> {
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < fragments.size(); i++) {
                        text.append(fragments.get(i)).append(separators.get(i));
                    }
                    return text.toString().strip();
                }))
                .filter(text -> !text.isBlank());
    }

    static Arbitrary<String> separator() {
        return Arbitraries.of(SEPARATORS);
    }

    static Arbitrary<String> fragment() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of(WORDS)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(NAMES)),
                net.jqwik.api.Tuple.of(3, amount()),
                net.jqwik.api.Tuple.of(2, decadeOrOrdinal()),
                net.jqwik.api.Tuple.of(2, range()),
                net.jqwik.api.Tuple.of(2, clockTime()),
                net.jqwik.api.Tuple.of(4, date()),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(OTHER_SCRIPTS)),
                net.jqwik.api.Tuple.of(1, unpunctuatedRun()),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMinLength(1).ofMaxLength(12)));
    }

    /** 3.40, $3.40s, €1,250.5m, 12.5%, -3.2 percent, 0.000001, 1.2.3 */
    static Arbitrary<String> amount() {
        Arbitrary<String> number = Combinators.combine(
                Arbitraries.integers().between(0, 99_999),
                Arbitraries.of("", ".", ","),
                Arbitraries.integers().between(0, 999),
                Arbitraries.of("", "", ".5", ".05", ",000", ".2.3")).as((whole, point, fraction, more) ->
                whole + (point.isEmpty() ? "" : point + fraction) + more);
        return Combinators.combine(Arbitraries.of("", "", "-", "+", "~"), Arbitraries.of(CURRENCIES).injectNull(0.6),
                number, Arbitraries.of("", "s", "%", " percent", "m", "bn", "k", " million", "s range", "x",
                        "th", "st", "'s", "-plus", " per share"))
                .as((sign, currency, n, suffix) -> sign + (currency == null ? "" : currency) + n + suffix);
    }

    /** 1990s, the '90s, the 1,000s, mid-1980s, 21st, 3rd, 101st, 2000th, 0th, the 3.40s */
    static Arbitrary<String> decadeOrOrdinal() {
        return Combinators.combine(Arbitraries.of("", "the ", "the early ", "the mid-", "late ", "'", "the '"),
                Arbitraries.integers().between(0, 30_000), Arbitraries.of("s", "0s", "st", "nd", "rd", "th", "'s",
                        "s.", ".40s", ",000s"))
                .as((before, n, suffix) -> before + n + suffix);
    }

    /** 10-12, 1990-95, 2010–2015, May 3-5, 3.5-4.2%, from 9 to 5, 1/2, 2 1/2, 10:00-12:00 */
    static Arbitrary<String> range() {
        return Combinators.combine(Arbitraries.integers().between(0, 3000), Arbitraries.of("-", "–", "—", " to ",
                        "/", " and ", "-to-", "- "), Arbitraries.integers().between(0, 3000),
                Arbitraries.of("", "", "%", "s", " years", " p.m.", ":30"), Arbitraries.of(MONTHS).injectNull(0.7))
                .as((a, dash, b, suffix, month) -> (month == null ? "" : month + " ") + a + dash + b + suffix);
    }

    /** 10:30, 10:30 a.m., 9pm, 23:59:59, 25:61, noon, 0:00, 12.30pm */
    static Arbitrary<String> clockTime() {
        return Combinators.combine(Arbitraries.integers().between(0, 99), Arbitraries.of(":", ".", ""),
                        Arbitraries.integers().between(0, 99), Arbitraries.of("", " a.m.", " p.m.", "am", "pm", " EST",
                                " GMT", ":59", " hrs", " o'clock", "h"))
                .as((h, sep, m, suffix) -> h + sep + (m < 10 ? "0" + m : m) + suffix);
    }

    /** Dates the tagger reads, well-formed and not: 2024-11-21, 11/21/2024, 21.11.2024, Nov. 21, 31 Febuary 2024… */
    static Arbitrary<String> date() {
        Arbitrary<Integer> day = Arbitraries.integers().between(0, 40);
        Arbitrary<Integer> month = Arbitraries.integers().between(0, 14);
        Arbitrary<Integer> year = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(1950, 2035)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 99)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 999_999)));
        Arbitrary<String> numeric = Combinators.combine(year, month, day, Arbitraries.integers().between(0, 7))
                .as((y, m, d, form) -> switch (form) {
                    case 0 -> y + "-" + pad(m) + "-" + pad(d);
                    case 1 -> m + "/" + d + "/" + y;
                    case 2 -> d + "." + m + "." + y;
                    case 3 -> y + "" + pad(m) + pad(d);
                    case 4 -> y + "-W" + pad(d);
                    case 5 -> "Q" + m + " " + y;
                    case 6 -> y + "-" + pad(m) + "-" + pad(d) + "T" + pad(d % 30) + ":" + pad(m) + ":00Z";
                    default -> "fiscal " + y;
                });
        Arbitrary<String> written = Combinators.combine(Arbitraries.of(MONTHS), day, year,
                        Arbitraries.integers().between(0, 4))
                .as((m, d, y, form) -> switch (form) {
                    case 0 -> m + " " + d;
                    case 1 -> d + " " + m + " " + y;
                    case 2 -> m + " " + d + ", " + y;
                    case 3 -> "the " + d + "th of " + m;
                    default -> m + " " + y;
                });
        Arbitrary<String> relative = Arbitraries.of("last week", "two months before January 20", "the day before "
                        + "yesterday", "three years ago", "on Thursday", "next Tuesday night", "every Monday", "this "
                        + "weekend", "the third quarter", "the first half of 2019", "summer 2020", "the winter of 1999",
                "Christmas Eve", "New Year's Day", "a week from Friday", "42-year-old", "24/7", "9/11", "the 20th "
                        + "century", "the nineties", "twenty-first century", "mid-March", "end of the month",
                "the coming decade", "2 1/2 years", "fortnight", "yesteryear", "year-end", "H1 2024", "Q5",
                "week 53", "30 February", "April 31st", "the 31st", "0 days", "-3 days", "10,000 years ago");
        return Arbitraries.oneOf(numeric, written, relative);
    }

    /** Many words and no punctuation at all: one endless sentence. */
    static Arbitrary<String> unpunctuatedRun() {
        return Arbitraries.of(WORDS.stream().filter(w -> w.chars().allMatch(Character::isLetter)).toList())
                .list().ofMinSize(20).ofMaxSize(200).map(words -> String.join(" ", words));
    }

    private static String pad(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
