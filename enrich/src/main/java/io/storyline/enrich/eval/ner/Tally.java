package io.storyline.enrich.eval.ner;

/** Counts for one label: gold names, predicted names, and predictions that match a gold name. */
final class Tally {

    int gold;
    int predicted;
    int correct;

    double precision() {
        return predicted == 0 ? 0 : 100.0 * correct / predicted;
    }

    double recall() {
        return gold == 0 ? 0 : 100.0 * correct / gold;
    }

    double f1() {
        return gold + predicted == 0 ? 0 : 200.0 * correct / (gold + predicted);
    }

    void add(Tally other) {
        gold += other.gold;
        predicted += other.predicted;
        correct += other.correct;
    }
}
