package io.storyline.enrich.facts;

import io.storyline.enrich.facts.Casualty.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the counts of killed, injured and hit people one sentence states, the way news writes them: a counted
 * group and what happened to it ("two teens were wounded", "a man, two women and a child were killed", "14
 * injured"), an act and its victims ("injuring 14 people", "leaving one man dead"), a toll ("the death toll rose
 * to five"), a denial ("no one was hurt"), an ordinal ("a third victim died") and deaths without a count ("a fatal
 * fire", "he died"). Words, not a model: every pattern names a way of writing a count, none an event or a place.
 */
final class CasualtyMentions {

    private static final String NUM = "(?:(?:at least|more than|as many as|another|an additional|some|about|nearly|"
            + "almost|all) )?" + Numbers.PATTERN;
    /** Who a count counts. */
    private static final String NOUN = "(?:people|persons?|men|man|women|woman|boys?|girls?|teens?|teenagers?|"
            + "children|child|kids?|juveniles?|adults?|victims?|others?|officers?|policem[ae]n|deput(?:y|ies)|"
            + "troopers?|residents?|students?|workers?|employees?|passengers?|civilians?|soldiers?|troops|"
            + "infants?|bab(?:y|ies)|toddlers?|individuals?|miners?|firefighters?|pedestrians?|motorists?|drivers?|"
            + "riders?|cyclists?|suspects?|gunm[ae]n|shooters?|(?:grand|step)?(?:brothers?|sisters?|sons?|daughters?|"
            + "fathers?|mothers?|parents?|children|child)|wi(?:fe|ves)|husbands?|uncles?|aunts?|nephews?|nieces?|"
            + "cousins?|(?:girl|boy)friends?|fianc[ée]e?s?|relatives?|friends?|neighbou?rs?|guests?|customers?|patrons?|bystanders?|"
            + "hikers?|climbers?|tourists?|villagers?|protesters?|demonstrators?|strikers?|inmates?|prisoners?|"
            + "patients?|staff|crew(?: members?)?|members?|occupants?|youths?|males?|females?|couple|family|"
            + "fans?|spectators?|worshippers?|guards?|agents?|medics?|journalists?|reporters?|pilots?|"
            + "(?:\\d+|[a-z]+)-(?:year|month|week)-olds?)";
    /** Words that may stand between a count and its noun ("two teenage girls", "a 5-year-old boy"). */
    // Not a determiner or "left": "killed a man and left his wife missing" counts one.
    private static final String MODIFIERS = "(?:(?!(?:was|were|is|are|has|have|had|and|who|in|at|on|after|when|"
            + "his|her|its|their|left|leaving|"
            + "by|for|from|with|of|to|the|a|an|killed|killing|kills?|shot|shoots|shooting|injur\\w*|wound\\w*|died|dies|"
            + "dead|hurt|stabb\\w*|then)\\b)[\\w'’.-]+ ){0,3}?";
    private static final String NP = "(?:" + NUM + " (?:of (?:her|his|its|their|the) )?|(?:the|his|her|its|their) )?"
            + MODIFIERS + NOUN
            + "(?: of (?:\\d{1,2}|two|three|four|five|six|seven|eight))?";
    private static final String NP_LIST = "(" + NP + "(?:(?:,| and|, and) " + NP + ")*)";
    private static final String BE = "(?:(?:was|were|is|are|has been|have been|had been|been|being|got|"
            + "remain(?:s|ed)?|lay|lie) )?";
    private static final String ADVERBS = "(?:(?:also|all|both|each|reportedly|allegedly|later|then|accidentally|"
            + "critically|seriously|severely|badly|gravely|non-fatally|slightly|minorly|listed|"
            + "shot and|stabbed and) )*";
    private static final String KILLED = "(?:killed|dead|slain|died|die|murdered|shot dead|shot to death|"
            + "stabbed to death|beaten to death|burned to death|found dead|pronounced dead|confirmed dead|"
            + "perished|drowned|fatally (?:shot|stabbed|wounded|injured|struck|hit|hurt))";
    private static final String INJURED = "(?:injured|wounded|hurt|hospitali[sz]ed|grazed|treated|"
            + "in (?:critical|serious|stable|fair|good|grave) condition)";
    private static final String HIT = "(?:shot|stabbed|struck|hit|gunned down)";

    private static final Pattern GROUP_FATE = Pattern.compile("\\b" + NP_LIST + "(?: \\([^)]*\\))?"
            + "(?:,[^,.;]{1,60},)? " + BE + ADVERBS + "(" + KILLED + "|" + INJURED + "|" + HIT + ")\\b(?!(?<=\\bshot) at\\b)",
            Pattern.CASE_INSENSITIVE);
    /** A count with its fate and no noun, as headlines write it: "14 injured", "2 dead, 3 hurt". */
    // "Dale Smithers, 57, of Millbrook, died": digits between commas after a name are an age.
    private static final Pattern BARE_COUNT = Pattern.compile("(?<![\\w.$-])(?<!\\bof )(?<!\\bno )"
            + "(?!(?<=, )\\d{1,3},)((?:another )?"
            + Numbers.BARE
            + ")(?: others?)?(?:,[^,.;]{1,60},)? " + BE + ADVERBS + "(" + KILLED + "|" + INJURED + "|" + HIT + ")\\b(?!(?<=\\bshot) at\\b)", Pattern.CASE_INSENSITIVE);
    /** "trying to kill two officers", "scare or kill another driver": an intent, not a toll. */
    private static final Pattern ACT_ON = Pattern.compile("\\b(?<!\\bto )(?<!\\bor )((?:fatally|mortally) "
            + "(?:shooting|shot|shoots|"
            + "stabbing|stabbed)|(?:shot|shooting|stabbed|stabbing) and (?:killing|killed)|killing|kills?|killed|injuring|injured|"
            + "wounded|injures?|wounding|"
            + "wounds?|hurting|murder(?:ed|ing|s)?|claimed the lives of|took the lives of|shooting|shoots|stabbing|"
            + "stabs|(?:fatal|deadly) (?:shooting|stabbing)s? of|(?:killings?|deaths?|bod(?:y|ies)) of) " + NP_LIST
            + "\\b", Pattern.CASE_INSENSITIVE);
    /** "killed one and injured four others": an act and a count without a noun. */
    private static final Pattern ACT_ON_COUNT = Pattern.compile("\\b(killing|killed|kills|injuring|injured|injures|"
            + "wounding|wounded|wounds) (" + Numbers.BARE + "|another)(?: others?| more)?(?=[,.;]| and\\b|$)",
            Pattern.CASE_INSENSITIVE);
    /**
     * Counts of a period or of several events, not of one: "eight children have been shot this year", "since
     * Saturday morning, nine people have been wounded", "two killed in under 48 hours", "two men hurt in four separate
     * shooting incidents", "three dead in holiday shootings".
     */
    private static final Pattern STATISTICS = Pattern.compile("\\b(?:this|last|so far this|since the start of the) "
            + "(?:year|month)\\b|\\bsince (?:[\\d:]+ [ap]\\.?m\\.? )?(?:january|february|march|april|may|june|july|"
            + "august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
            + "\\d{4})\\b|\\bin (?:less than|under|the (?:past|last)) (?:\\d+|\\w+) (?:hours|days)\\b"
            + "|\\bin (?!the\\b)(?:[\\w-]+ ){0,3}(?:shootings|shooting incidents|stabbings)\\b",
            Pattern.CASE_INSENSITIVE);
    /**
     * A sentence that recalls other or earlier events ("A year earlier, a clerk was shot and killed there", "The
     * blaze follows a fire in which two died", "the latest in a month that saw a fatal stabbing") or what might have
     * been ("ten people could have been killed"): its counts are not this event's toll.
     */
    private static final Pattern OTHER_EVENTS = Pattern.compile("\\b(?:(?:a|one|two|three|several|many) (?:years?|"
            + "months?|decades?) (?:earlier|ago|before)|last (?:summer|spring|fall|autumn|winter)|follows|"
            + "(?:comes|came) (?:just |only )?(?:\\w+ )?(?:days?|weeks?|months?) after|the latest (?:in|of)|"
            + "(?:should|could|would|might)(?:'ve|’ve| have) been|\\w+ (?:months|years) (?:after|before|since))\\b"
            + "|^\\W*(?:related|read more|see also|more|also read|previously|watch)\\s*:", Pattern.CASE_INSENSITIVE);
    /** "the blast sent both himself and a neighbor to the hospital": the injured, the one who did it among them. */
    private static final Pattern SENT = Pattern.compile("\\b(?:sent|sending|sends) (?:both )?((?:him|her)self and )?"
            + NP_LIST + " to (?:the |a |an area |local )?hospitals?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEAVING = Pattern.compile("\\b(?:leaving|left|leaves|leave) " + NP_LIST
            + " (dead|injured|wounded|hurt|in (?:critical|serious|stable|grave) condition)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEAVING_BARE = Pattern.compile("\\b(?:leaving|left|leaves|leave) ("
            + Numbers.BARE + ") (dead|injured|wounded|hurt)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOLL = Pattern.compile("\\b(death toll|toll|number of (?:dead|deaths|people killed|"
            + "fatalities)|number of (?:injured|wounded|people injured))[^.;]{0,40}?\\b(?:rose|risen|rises|climbed|"
            + "reached|stands|stood|increased|jumped|is|was|at|to|of|hit)\\s+(?:to |at )?(?:at least )?("
            + Numbers.PATTERN + ")\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern COUNTED_DEATHS = Pattern.compile("(?<![\\w.$-])(" + Numbers.BARE + ") (?:people )?(deaths|fatalities|dead|injuries|wounded)\\b", Pattern.CASE_INSENSITIVE);
    // "None of them was seriously hurt" says some were hurt: no zero.
    private static final Pattern NONE = Pattern.compile("\\b(?:no one|nobody|none|no other (?:people|persons|"
            + "one)|no one else|no(?: other)? (?:injuries|deaths|fatalities|casualties|one))\\b"
            + "(?:(?!seriously|critically|severely|gravely|life-threatening)[^.;]){0,30}?\\b("
            + "killed|died|dead|injured|hurt|wounded|harmed|reported|struck|hit)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NO_KIND = Pattern.compile("\\bno(?: other)? (injuries|deaths|fatalities|"
            + "casualties)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORDINAL = Pattern.compile("\\b(?:a|the) (second|third|fourth|fifth|sixth|seventh|"
            + "eighth|ninth|tenth) (?:" + MODIFIERS + NOUN + " )?(?:,[^,.;]{1,60},)? ?" + BE + ADVERBS + "("
            + KILLED + "|" + INJURED + "|" + HIT + ")\\b", Pattern.CASE_INSENSITIVE);
    /** One named or pronoun subject and its fate: "he died", "the victim was pronounced dead". */
    private static final Pattern ONE_FATE = Pattern.compile("\\b(?:he|she|the (?:victim|man|woman|boy|girl|child|"
            + "teen|teenager|baby|infant|toddler|driver|officer|suspect|gunman|shooter|pilot|worker|student))"
            + "(?:,[^,.;]{1,60},)? " + BE + ADVERBS + "(?:later )?(" + KILLED + "|succumbed|" + INJURED + "|" + HIT
            + ")\\b(?!(?<=\\bshot) at\\b)", Pattern.CASE_INSENSITIVE);
    /** "Travon Rollins, 16, was killed": a person's name, maybe an age, and a fate. */
    private static final Pattern NAMED_FATE = Pattern.compile("\\b\\p{Lu}[\\p{L}'’-]+(?: \\p{Lu}\\.)?(?: \\p{Lu}"
            + "[\\p{L}'’-]+)+(?:, \\d{1,3},)? (?i:" + BE + ADVERBS + "(" + KILLED + "|succumbed|" + INJURED + "|" + HIT
            + "))\\b(?!(?<=\\b(?i:shot)) (?i:at)\\b)");
    /** "deadly force", "a deadly weapon": the law's words for an act, not a death. */
    private static final Pattern DEATH_WORDS = Pattern.compile("\\b(?:fatal|deadly(?! (?:force|weapons?))|fatally|"
            + "murder-suicide|(?:shooting|stabbing) deaths?|found (?:the |a )?(?:body|bodies)|"
            + "kill(?:s|ed|ing)? (?:himself|herself)|shot (?:himself|herself) dead|took (?:his|her) own life|died|death of)\\b",
            Pattern.CASE_INSENSITIVE);
    /** "two men were shot, one fatally": the killed among a group already counted. */
    private static final Pattern PART_FATALLY = Pattern.compile("\\b(?<!\\bof )(" + Numbers.BARE
            + ") (?:of them |of whom |of the victims )?(?:fatally|mortally)\\b", Pattern.CASE_INSENSITIVE);
    /** "a quadruple shooting", "a double homicide": the count in the event's name. */
    private static final Pattern MULTIPLE = Pattern.compile("\\b(double|triple|quadruple|quintuple) (?:(shooting|"
            + "stabbing)|murder|homicide|killing)\\b", Pattern.CASE_INSENSITIVE);
    /** "a girl shot herself", "shoots self", "injured himself and a companion": the one who did it is hit too. */
    private static final Pattern SELF = Pattern.compile("\\b(shot|shoots|shooting|stabbed|wounded|wounding|injured|"
            + "injuring|injures) (?:him|her)?self\\b(?: and " + NP_LIST + ")?", Pattern.CASE_INSENSITIVE);
    private static final Pattern MURDER_SUICIDE = Pattern.compile("\\bmurder-suicide\\b", Pattern.CASE_INSENSITIVE);
    /** A group named without a count is one person when its noun is singular ("Child shot in Yonkers"). */
    private static final Pattern SINGULAR = Pattern.compile("(?:man|woman|boy|girl|teen|teenager|child|kid|juvenile|"
            + "adult|victim|officer|policem[ae]n|deputy|trooper|resident|student|worker|employee|passenger|civilian|"
            + "soldier|infant|baby|toddler|person|individual|pedestrian|motorist|driver|cyclist|suspect|gunman|"
            + "shooter|brother|sister|son|daughter|father|mother|wife|husband|uncle|aunt|nephew|niece|cousin|"
            + "friend|fianc[ée]e?|guard|pilot|-old)(?: of \\w+)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ONE_NP = Pattern.compile(NP, Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_SEPARATOR = Pattern.compile(",? and |, ");
    private static final Pattern APPOSITIVE_AGE = Pattern.compile("\\d{1,3}-year-old");
    private static final Pattern COUNT_AT_START = Pattern.compile("^(?:(?:at least|more than|as many as|another|"
            + "an additional|some|about|nearly|almost|all) )?(" + Numbers.PATTERN + ")(?= )", Pattern.CASE_INSENSITIVE);

    List<Casualty> find(Sentence sentence) {
        String text = sentence.text().replace('\u00a0', ' ').replaceAll("\\s+", " ");
        List<Casualty> out = new ArrayList<>();
        if (STATISTICS.matcher(text).find() || OTHER_EVENTS.matcher(text).find()) {
            return out;
        }
        fates(GROUP_FATE, CasualtyMentions::sum, text, sentence, out);
        fates(BARE_COUNT, Numbers::value, text, sentence, out);
        fates(LEAVING, CasualtyMentions::sum, text, sentence, out);
        fates(LEAVING_BARE, Numbers::value, text, sentence, out);
        Matcher sent = SENT.matcher(text);
        while (sent.find()) {
            Integer others = sum(sent.group(2));
            add(out, Kind.INJURED, others == null ? null : others + (sent.group(1) == null ? 0 : 1), sentence);
        }
        Matcher m = ACT_ON.matcher(text);
        while (m.find()) {
            String verb = m.group(1).toLowerCase(Locale.ROOT);
            Kind kind = verb.contains("kill") || verb.startsWith("claimed") || verb.startsWith("took")
                    || verb.startsWith("murder") || verb.startsWith("death") || verb.startsWith("fatal")
                    || verb.startsWith("bod")
                    || verb.startsWith("deadly") || verb.contains("fatally") || verb.contains("mortally") ? Kind.KILLED
                    : verb.startsWith("shoot") || verb.startsWith("stab") ? Kind.HIT : Kind.INJURED;
            Integer victims = sum(m.group(2));
            // "killed his son and then himself": the killer is among the dead.
            if (victims != null && kind == Kind.KILLED
                    && text.substring(m.end()).matches("(?i)^,? (?:and )?(?:then )?(?:himself|herself)\\b.*")) {
                victims++;
            }
            add(out, kind, victims, sentence);
        }
        m = ACT_ON_COUNT.matcher(text);
        while (m.find()) {
            String verb = m.group(1).toLowerCase(Locale.ROOT);
            add(out, verb.startsWith("kill") ? Kind.KILLED : Kind.INJURED, Numbers.value(m.group(2)), sentence);
        }
        m = MULTIPLE.matcher(text);
        while (m.find()) {
            add(out, m.group(2) != null ? Kind.HIT : Kind.KILLED, multiple(m.group(1)), sentence);
        }
        m = SELF.matcher(text);
        while (m.find()) {
            Integer others = m.group(2) == null ? Integer.valueOf(0) : sum(m.group(2));
            String verb = m.group(1).toLowerCase(Locale.ROOT);
            String fate = verb.startsWith("sho") ? "shot" : verb.startsWith("stab") ? "stabbed" : "injured";
            add(out, kindOf(fate, text, m.end()), others == null ? null : others + 1, sentence);
        }
        m = TOLL.matcher(text);
        while (m.find()) {
            Kind kind = m.group(1).toLowerCase(Locale.ROOT).matches(".*(injured|wounded).*") ? Kind.INJURED
                    : Kind.KILLED;
            add(out, kind, Numbers.value(m.group(2).replaceFirst("(?i)^at least ", "")), sentence);
        }
        m = COUNTED_DEATHS.matcher(text);
        while (m.find()) {
            String what = m.group(2).toLowerCase(Locale.ROOT);
            add(out, what.equals("injuries") || what.equals("wounded") ? Kind.INJURED : Kind.KILLED,
                    Numbers.value(m.group(1)), sentence);
        }
        m = PART_FATALLY.matcher(text);
        while (m.find()) {
            add(out, Kind.KILLED, Numbers.value(m.group(1)), sentence);
        }
        m = ORDINAL.matcher(text);
        while (m.find()) {
            Kind kind = kindOf(m.group(2), text, m.end());
            add(out, kind == Kind.KILLED ? Kind.DEATH : Kind.HIT, ordinal(m.group(1)), sentence);
        }
        m = ONE_FATE.matcher(text);
        while (m.find()) {
            String fate = m.group(1).toLowerCase(Locale.ROOT);
            add(out, fate.equals("succumbed") ? Kind.KILLED : kindOf(fate, text, m.end()), 1, sentence);
        }
        m = NAMED_FATE.matcher(text);
        while (m.find()) {
            String fate = m.group(1).toLowerCase(Locale.ROOT);
            add(out, fate.equals("succumbed") ? Kind.KILLED : kindOf(fate, text, m.end()), 1, sentence);
        }
        m = NONE.matcher(text);
        while (m.find()) {
            String fate = m.group(1).toLowerCase(Locale.ROOT);
            String said = m.group().toLowerCase(Locale.ROOT);
            if (said.contains("casualties")) {
                add(out, Kind.KILLED, 0, sentence);
                add(out, Kind.INJURED, 0, sentence);
            } else if (said.contains("deaths") || said.contains("fatalities") || fate.matches("killed|died|dead")) {
                add(out, Kind.KILLED, 0, sentence);
            } else {
                add(out, Kind.INJURED, 0, sentence);
            }
        }
        if (out.stream().noneMatch(c -> c.count() == 0)) {
            m = NO_KIND.matcher(text);
            while (m.find()) {
                String what = m.group(1).toLowerCase(Locale.ROOT);
                if (!what.equals("deaths") && !what.equals("fatalities")) {
                    add(out, Kind.INJURED, 0, sentence);
                }
                if (!what.equals("injuries")) {
                    add(out, Kind.KILLED, 0, sentence);
                }
            }
        }
        if (MURDER_SUICIDE.matcher(text).find()) {
            add(out, Kind.KILLED, 2, sentence);
        } else if (DEATH_WORDS.matcher(text).find()) {
            add(out, Kind.DEATH, 1, sentence);
        }
        return out;
    }

    /** Whether a sentence recalls other or earlier events (its counts and places are not this event's). */
    static boolean recallsOtherEvents(String text) {
        return OTHER_EVENTS.matcher(text).find();
    }

    /** Matches of a pattern whose group 1 counts people and group 2 says what happened to them. */
    private static void fates(Pattern pattern, Function<String, Integer> counter, String text, Sentence sentence,
                              List<Casualty> out) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            add(out, kindOf(m.group(2), text, m.end()), counter.apply(m.group(1)), sentence);
        }
    }

    /**
     * The kind a fate word says; "shot" alone is a hit, unless the sentence goes on to say the victim died of it
     * ("was shot and later died").
     */
    private static Kind kindOf(String fate, String text, int after) {
        String f = fate.toLowerCase(Locale.ROOT);
        if (f.matches(KILLED)) {
            return Kind.KILLED;
        }
        String rest = text.substring(after).toLowerCase(Locale.ROOT);
        // "was treated at the scene but died a short time later", "was shot and later died"
        boolean diedLater = rest.matches("^[^.;]{0,80}?\\b(?:but|and|before|then|where|later)\\b[^.;]{0,30}?\\b(?:died|"
                + "succumbed|was pronounced dead|did not survive)\\b.*");
        if (diedLater) {
            return Kind.KILLED;
        }
        return f.matches(HIT) ? Kind.HIT : Kind.INJURED;
    }

    /** The people a list of counted groups counts: "a man, two women and a small child" is four. */
    private static Integer sum(String list) {
        if (list == null) {
            return null;
        }
        int total = 0;
        int groups = 0;
        for (String piece : LIST_SEPARATOR.split(list.trim())) {
            if (groups > 0 && APPOSITIVE_AGE.matcher(piece.trim()).matches()) {
                continue; // "her cousin, 19-year-old Sam": the cousin's age, not another victim
            }
            Matcher np = ONE_NP.matcher(piece.trim());
            if (!np.matches()) {
                return null;
            }
            Matcher count = COUNT_AT_START.matcher(np.group());
            Integer value;
            if (count.find()) {
                value = Numbers.value(count.group(1));
            } else if (SINGULAR.matcher(np.group()).find()) {
                value = 1;
            } else {
                return null;
            }
            if (value == null) {
                return null;
            }
            String noun = np.group().toLowerCase(Locale.ROOT);
            if (noun.matches(".*\\bmore\\b.*")) {
                return null;
            }
            // "a couple" and "a family" are groups, not one person: their size is unknown.
            if (value == 1 && noun.matches(".*\\b(couple|family|crew|staff|members|others|people)$")) {
                if (noun.endsWith("couple")) {
                    value = 2;
                } else {
                    return null;
                }
            }
            total += value;
            groups++;
        }
        return groups == 0 ? null : total;
    }

    private static int multiple(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "double" -> 2;
            case "triple" -> 3;
            case "quadruple" -> 4;
            default -> 5;
        };
    }

    private static int ordinal(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "second" -> 2;
            case "third" -> 3;
            case "fourth" -> 4;
            case "fifth" -> 5;
            case "sixth" -> 6;
            case "seventh" -> 7;
            case "eighth" -> 8;
            case "ninth" -> 9;
            default -> 10;
        };
    }

    private static void add(List<Casualty> out, Kind kind, Integer count, Sentence sentence) {
        if (count != null && count >= 0 && count < 100_000) {
            out.add(new Casualty(kind, count, sentence));
        }
    }
}
