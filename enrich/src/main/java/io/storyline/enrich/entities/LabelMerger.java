package io.storyline.enrich.entities;

/**
 * Combines the two CRFs' token labels: the primary (3-class) labels stand, except that a run the 4-class model
 * calls MISC becomes MISC when no primary name crosses its edges. A title, event or nationality the primary model
 * can only call a person, place or organisation is then not counted as one.
 */
final class LabelMerger {

    private LabelMerger() {
    }

    static String[] merge(String[] primary, String[] misc) {
        String[] out = primary.clone();
        int i = 0;
        while (i < misc.length) {
            if (!"MISC".equals(misc[i])) {
                i++;
                continue;
            }
            int end = i;
            while (end < misc.length && "MISC".equals(misc[end])) {
                end++;
            }
            if (!crossesEdge(primary, i, end)) {
                for (int k = i; k < end; k++) {
                    out[k] = "MISC";
                }
            }
            i = end;
        }
        return out;
    }

    /** Whether a primary name starts before {@code start} and runs into the run, or runs on past {@code end}. */
    private static boolean crossesEdge(String[] primary, int start, int end) {
        boolean leftCrossed = start > 0 && !Token.OUTSIDE.equals(primary[start - 1])
                && primary[start - 1].equals(primary[start]);
        boolean rightCrossed = end < primary.length && !Token.OUTSIDE.equals(primary[end])
                && primary[end].equals(primary[end - 1]);
        return leftCrossed || rightCrossed;
    }
}
