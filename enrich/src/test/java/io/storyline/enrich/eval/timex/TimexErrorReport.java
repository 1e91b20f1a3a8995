package io.storyline.enrich.eval.timex;

import io.storyline.common.article.DateMention;
import io.storyline.enrich.dates.DateExtractor;
import java.nio.file.Path;
import java.util.List;

/**
 * Development aid, not a test: prints every disagreement between the tagger and the gold of a TimeML directory
 * (missed, spurious, wrong span, wrong value or type), one per line with the document's creation date, for
 * studying which rule to improve. Usage: {@code TimexErrorReport DIR [LANGUAGE]}.
 */
public final class TimexErrorReport {

    private TimexErrorReport() {
    }

    public static void main(String[] args) throws Exception {
        List<TimemlDocument> docs = TimexEvaluation.readAll(Path.of(args[0]));
        DateExtractor extractor = new DateExtractor(args.length > 1
                ? io.storyline.enrich.language.Language.of(args[1]) : io.storyline.enrich.language.Language.ENGLISH);
        for (TimemlDocument doc : docs) {
            List<DateMention> system = extractor.tag(doc.text(), doc.creationDate());
            report(doc, system);
        }
        TimexScores all = TimexEvaluation.score(extractor, docs).get(TimexEvaluation.ALL);
        System.out.printf("SCORES relaxed %.2f strict %.2f value %.2f type %.2f%n", 100 * all.relaxedF1(),
                100 * all.strictF1(), 100 * all.valueF1(), 100 * all.typeAccuracy());
    }

    private static void report(TimemlDocument doc, List<DateMention> system) {
        boolean[] used = new boolean[system.size()];
        int s = 0;
        for (GoldTimex g : doc.timexes()) {
            while (s < system.size() && system.get(s).end() <= g.start()) {
                if (!used[s]) {
                    print("SPURIOUS", doc, null, system.get(s));
                }
                s++;
            }
            if (s < system.size() && system.get(s).start() < g.end()) {
                DateMention m = system.get(s);
                used[s] = true;
                String kind = !g.value().equals(m.value()) ? "VALUE" : !g.type().equals(m.type()) ? "TYPE"
                        : m.start() != g.start() || m.end() != g.end() ? "SPAN" : null;
                if (kind != null) {
                    print(kind, doc, g, m);
                }
                s++;
            } else {
                print("MISSED", doc, g, null);
            }
        }
        for (; s < system.size(); s++) {
            if (!used[s]) {
                print("SPURIOUS", doc, null, system.get(s));
            }
        }
    }

    private static void print(String kind, TimemlDocument doc, GoldTimex g, DateMention m) {
        int from = g != null ? g.start() : m.start();
        int to = g != null ? g.end() : m.end();
        String left = doc.text().substring(Math.max(0, from - 50), from).replace('\n', ' ');
        String right = doc.text().substring(to, Math.min(doc.text().length(), to + 30)).replace('\n', ' ');
        String gold = g == null ? "-" : "[" + doc.text().substring(g.start(), g.end()) + "] " + g.type() + " " + g.value();
        String sys = m == null ? "-" : "[" + m.text() + "] " + m.type() + " " + m.value();
        System.out.println(kind + "\t" + doc.creationDate() + "\t" + gold + "\t" + sys + "\t" + left + " <<>> " + right
                + "\t" + doc.name());
    }
}
