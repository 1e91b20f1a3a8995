package io.storyline.enrich.dates;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The word lists behind the grammar, read once from the tab-separated resources of one language: the lexicon of
 * date words, the fixed phrases, the holidays and the tense cues. English's lie next to this class; every other
 * language's in a folder named by its code ({@code de/lexicon.tsv}…), in the same formats.
 */
final class Lexicon {

    enum WordClass {
        MONTH, WEEKDAY, NUMBER, ORDINAL, UNIT, SEASON, PART_OF_DAY, SET_ADVERB, ZONE, ABBREVIATION,
        /** "letzten", "prochain", "pasado": the value is the direction (-1, 0, +1) from the anchor. */
        DEICTIC
    }

    /** One reading of a word: its class, its value as written in the file, and an optional flag. */
    record Entry(WordClass wordClass, String value, String flag) {
        int number() {
            return Integer.parseInt(value);
        }

        boolean flagged(String name) {
            return name.equals(flag);
        }
    }

    /** A fixed multi-word expression, as tokens, with its TIMEX3 type and value rule. */
    record Phrase(List<String> words, String type, String value) {
    }

    /** A holiday name, as tokens, with its date rule (see holidays.tsv). */
    record Holiday(List<String> words, String rule) {
    }

    private final Map<String, List<Entry>> words = new HashMap<>();
    private final Map<String, List<Phrase>> phrasesByFirstWord = new HashMap<>();
    private final Map<String, List<Holiday>> holidaysByFirstWord = new HashMap<>();
    private final Map<String, Tense> tenseCues = new HashMap<>();
    private final Map<String, Set<String>> wordLists = new HashMap<>();
    private final Map<String, List<List<String>>> phraseLists = new HashMap<>();
    private final Map<String, Set<String>> phraseFirstWords = new HashMap<>();
    private final Set<String> abbreviations = new HashSet<>();

    private final String folder;

    private Lexicon(String folder) {
        this.folder = folder;
    }

    /** English's word lists. */
    static Lexicon load() {
        return load("");
    }

    /** The word lists in {@code folder} ("" for English's, else a language code and a slash). */
    static Lexicon load(String folder) {
        Lexicon lexicon = new Lexicon(folder);
        lexicon.read("lexicon.tsv", 3, fields -> lexicon.addWord(fields));
        Tokenizer tokenizer = new Tokenizer(lexicon.abbreviations);
        lexicon.read("phrases.tsv", 3, fields -> {
            List<String> tokens = lowerTokens(tokenizer, fields[0]);
            lexicon.phrasesByFirstWord.computeIfAbsent(tokens.get(0), k -> new ArrayList<>())
                    .add(new Phrase(tokens, fields[1], fields[2]));
        });
        lexicon.read("holidays.tsv", 2, fields -> {
            List<String> tokens = lowerTokens(tokenizer, fields[0]);
            lexicon.holidaysByFirstWord.computeIfAbsent(tokens.get(0), k -> new ArrayList<>())
                    .add(new Holiday(tokens, fields[1]));
        });
        lexicon.read("tense.tsv", 2, fields -> lexicon.tenseCues.put(fields[0], Tense.valueOf(fields[1])));
        lexicon.readLists(tokenizer);
        lexicon.phrasesByFirstWord.values().forEach(list -> list.sort((a, b) -> b.words().size() - a.words().size()));
        lexicon.holidaysByFirstWord.values().forEach(list -> list.sort((a, b) -> b.words().size() - a.words().size()));
        return lexicon;
    }

    private void addWord(String[] fields) {
        Entry entry = new Entry(WordClass.valueOf(fields[1]), fields[2], fields.length > 3 ? fields[3] : null);
        words.computeIfAbsent(fields[0], k -> new ArrayList<>(1)).add(entry);
        if (fields[0].endsWith(".")) {
            abbreviations.add(fields[0]);
        }
    }

    private static List<String> lowerTokens(Tokenizer tokenizer, String phrase) {
        List<String> out = new ArrayList<>();
        for (Token token : tokenizer.tokenize(phrase)) {
            out.add(token.lower());
        }
        return out;
    }

    /** wordlists.txt: entries under "[name]" headers; one-word entries form word sets, all entries phrase lists. */
    private void readLists(Tokenizer tokenizer) {
        String[] current = {null};
        read("wordlists.txt", 1, fields -> {
            String line = fields[0].strip();
            if (line.startsWith("[") && line.endsWith("]")) {
                current[0] = line.substring(1, line.length() - 1);
                return;
            }
            if (current[0] == null) {
                throw new IllegalStateException("wordlists.txt: entry '" + line + "' before any [list] header");
            }
            wordLists.computeIfAbsent(current[0], k -> new HashSet<>()).add(line);
            List<String> tokens = lowerTokens(tokenizer, line);
            phraseLists.computeIfAbsent(current[0], k -> new ArrayList<>()).add(tokens);
            phraseFirstWords.computeIfAbsent(current[0], k -> new HashSet<>()).add(tokens.get(0));
        });
    }

    /** The one-word entries of a list of wordlists.txt, empty when the language has no such list. */
    Set<String> words(String list) {
        return wordLists.getOrDefault(list, Set.of());
    }

    /** The entries of a list of wordlists.txt as tokens, empty when the language has no such list. */
    List<List<String>> optionalPhrases(String list) {
        return phraseLists.getOrDefault(list, List.of());
    }

    /** Whether {@code word} is an entry of the named list of wordlists.txt. */
    boolean inList(String list, String word) {
        Set<String> words = wordLists.get(list);
        if (words == null) {
            throw new IllegalArgumentException("no word list [" + list + "] in wordlists.txt");
        }
        return words.contains(word);
    }

    /** Whether some entry of the named list starts with {@code word}: a cheap test before trying each phrase. */
    boolean startsPhrase(String list, String word) {
        return phraseFirstWords.getOrDefault(list, Set.of()).contains(word);
    }

    /** The entries of the named list of wordlists.txt, as tokens. */
    List<List<String>> phrases(String list) {
        List<List<String>> phrases = phraseLists.get(list);
        if (phrases == null) {
            throw new IllegalArgumentException("no word list [" + list + "] in wordlists.txt");
        }
        return phrases;
    }

    Tokenizer tokenizer() {
        return new Tokenizer(Set.copyOf(abbreviations));
    }

    /** The reading of {@code word} in {@code wordClass}, or null. */
    Entry lookup(String word, WordClass wordClass) {
        List<Entry> entries = words.get(word);
        if (entries == null) {
            return null;
        }
        for (Entry entry : entries) {
            if (entry.wordClass() == wordClass) {
                return entry;
            }
        }
        return null;
    }

    List<Phrase> phrasesStartingWith(String word) {
        return phrasesByFirstWord.getOrDefault(word, List.of());
    }

    List<Holiday> holidaysStartingWith(String word) {
        return holidaysByFirstWord.getOrDefault(word, List.of());
    }

    /** The tense a word signals, or null when it signals none; {@link Tense#NONE} marks known non-verbs. */
    Tense tenseCue(String word) {
        return tenseCues.get(word);
    }

    private void read(String file, int minFields, Consumer<String[]> sink) {
        String resource = folder + file;
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " next to " + Lexicon.class.getName());
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length < minFields) {
                    throw new IllegalStateException(resource + " line " + number + ": expected " + minFields + " fields");
                }
                sink.accept(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
