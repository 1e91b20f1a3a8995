package io.storyline.enrich.eval.timex;

import io.storyline.common.article.DateMention;
import java.util.List;

/**
 * TempEval-3 counts for temporal expressions, added up over documents. Gold and system expressions are paired one
 * to one in text order when their spans overlap (relaxed match) ; a pair with identical spans is also a strict
 * match. Value and type are judged on the relaxed pairs: value F1 = relaxed F1 × value accuracy, as TempEval-3
 * defines attribute F1.
 */
final class TimexScores {

    int documents;
    int gold;
    int system;
    int relaxed;
    int strict;
    int valueCorrect;
    int typeCorrect;

    /** Scores one document's output against its gold annotations. */
    void add(List<GoldTimex> goldTimexes, List<DateMention> systemTimexes) {
        documents++;
        gold += goldTimexes.size();
        system += systemTimexes.size();
        int s = 0;
        for (GoldTimex g : goldTimexes) {
            while (s < systemTimexes.size() && systemTimexes.get(s).end() <= g.start()) {
                s++;
            }
            if (s < systemTimexes.size() && systemTimexes.get(s).start() < g.end()) {
                DateMention m = systemTimexes.get(s);
                relaxed++;
                if (m.start() == g.start() && m.end() == g.end()) {
                    strict++;
                }
                if (g.value().equals(m.value())) {
                    valueCorrect++;
                }
                if (g.type().equals(m.type())) {
                    typeCorrect++;
                }
                s++;
            }
        }
    }

    void add(TimexScores other) {
        documents += other.documents;
        gold += other.gold;
        system += other.system;
        relaxed += other.relaxed;
        strict += other.strict;
        valueCorrect += other.valueCorrect;
        typeCorrect += other.typeCorrect;
    }

    double relaxedPrecision() {
        return ratio(relaxed, system);
    }

    double relaxedRecall() {
        return ratio(relaxed, gold);
    }

    double relaxedF1() {
        return f1(relaxedPrecision(), relaxedRecall());
    }

    double strictPrecision() {
        return ratio(strict, system);
    }

    double strictRecall() {
        return ratio(strict, gold);
    }

    double strictF1() {
        return f1(strictPrecision(), strictRecall());
    }

    double valueAccuracy() {
        return ratio(valueCorrect, relaxed);
    }

    double valueF1() {
        return relaxedF1() * valueAccuracy();
    }

    double typeAccuracy() {
        return ratio(typeCorrect, relaxed);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
