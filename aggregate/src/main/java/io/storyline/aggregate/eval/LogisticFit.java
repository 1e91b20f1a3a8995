package io.storyline.aggregate.eval;

import io.storyline.aggregate.clustering.JoinModel;
import java.util.List;

/**
 * Fits a {@link JoinModel} by logistic regression: class-balanced (joins are rare among candidate pairs), with a
 * little L2 regularisation, by Newton's method (a handful of iterations on a few features; deterministic).
 */
final class LogisticFit {

    record Example(double[] features, boolean joined) {
    }

    private static final int ITERATIONS = 50;
    private static final double L2 = 1e-4;

    private LogisticFit() {
    }

    static JoinModel fit(List<Example> examples) {
        int n = examples.get(0).features().length + 1;
        long positives = examples.stream().filter(Example::joined).count();
        if (positives == 0 || positives == examples.size()) {
            throw new IllegalArgumentException("fitting needs both joined and not-joined candidates");
        }
        double positiveWeight = examples.size() / (2.0 * positives);
        double negativeWeight = examples.size() / (2.0 * (examples.size() - positives));
        double[] beta = new double[n];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[n];
            double[][] hessian = new double[n][n];
            for (Example example : examples) {
                double[] x = withBias(example.features());
                double p = 1 / (1 + Math.exp(-dot(beta, x)));
                double weight = example.joined() ? positiveWeight : negativeWeight;
                double error = (p - (example.joined() ? 1 : 0)) * weight;
                double curvature = p * (1 - p) * weight;
                for (int i = 0; i < n; i++) {
                    gradient[i] += error * x[i];
                    for (int j = 0; j < n; j++) {
                        hessian[i][j] += curvature * x[i] * x[j];
                    }
                }
            }
            for (int i = 0; i < n - 1; i++) {
                gradient[i] += L2 * examples.size() * beta[i];
                hessian[i][i] += L2 * examples.size();
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int i = 0; i < n; i++) {
                beta[i] -= step[i];
                change = Math.max(change, Math.abs(step[i]));
            }
            if (change < 1e-8) {
                break;
            }
        }
        double[] weights = new double[n - 1];
        System.arraycopy(beta, 0, weights, 0, n - 1);
        return new JoinModel(weights, beta[n - 1]);
    }

    private static double[] withBias(double[] features) {
        double[] x = new double[features.length + 1];
        System.arraycopy(features, 0, x, 0, features.length);
        x[features.length] = 1;
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Gaussian elimination with partial pivoting; the regularised Hessian is positive definite. */
    private static double[] solve(double[][] matrix, double[] vector) {
        int n = vector.length;
        double[][] a = new double[n][];
        double[] b = vector.clone();
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] rowSwap = a[col];
            a[col] = a[pivot];
            a[pivot] = rowSwap;
            double valueSwap = b[col];
            b[col] = b[pivot];
            b[pivot] = valueSwap;
            for (int row = col + 1; row < n; row++) {
                double factor = a[row][col] / a[col][col];
                for (int k = col; k < n; k++) {
                    a[row][k] -= factor * a[col][k];
                }
                b[row] -= factor * b[col];
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = b[row];
            for (int k = row + 1; k < n; k++) {
                sum -= a[row][k] * x[k];
            }
            x[row] = sum / a[row][row];
        }
        return x;
    }
}
