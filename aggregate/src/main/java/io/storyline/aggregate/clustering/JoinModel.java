package io.storyline.aggregate.clustering;

import java.util.Arrays;

/**
 * The join-or-create decision: a linear model (log-odds) over {@link MatchFeatures}. An article joins its best
 * candidate when the candidate's score reaches the threshold; otherwise it opens an incident. The weights are
 * fitted by logistic regression on candidate pairs of the development data ({@code ClusteringEvaluation --fit});
 * the threshold is the one knob operators turn ({@code storyline.aggregate.join.threshold}).
 */
public record JoinModel(double[] weights, double bias) {

    public JoinModel {
        if (weights.length != MatchFeatures.NAMES.length) {
            throw new IllegalArgumentException("a join model needs " + MatchFeatures.NAMES.length + " weights");
        }
        weights = weights.clone();
    }

    public static JoinModel defaults() {
        // One model for both kinds of dev data: logistic regression on the candidate pairs of gva-dev, gva-dev
        // folded into a denser stream and ecbplus-dev as the enrich service writes them, each set weighted
        // equally (ClusteringEvaluation --examples, then a balanced fit); see aggregate/README.md.
        return new JoinModel(new double[] {6.2860, 3.9194, 2.9030, -1.2576, 1.5609, -0.1033, -1.2727, -0.6386,
            2.3863, -0.1082, -0.9709, -0.0114, -0.3917}, -0.7867);
    }

    public double score(MatchFeatures features) {
        double[] values = features.values();
        double sum = bias;
        for (int i = 0; i < values.length; i++) {
            sum += weights[i] * values[i];
        }
        return sum;
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JoinModel model && Arrays.equals(weights, model.weights) && bias == model.bias;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights) * 31 + Double.hashCode(bias);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("JoinModel{");
        for (int i = 0; i < weights.length; i++) {
            out.append(MatchFeatures.NAMES[i]).append('=').append(String.format("%.3f", weights[i])).append(", ");
        }
        return out.append("bias=").append(String.format("%.3f", bias)).append('}').toString();
    }
}
