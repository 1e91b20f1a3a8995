package io.storyline.enrich.dates;

/** Turns a matched expression into its TIMEX3 value in a context; null when it has no value there. */
@FunctionalInterface
interface Resolution {

    Resolved resolve(Context context);

    /** A fixed value, the same in every context (durations, sets, PRESENT_REF). */
    static Resolution constant(String type, String value) {
        Resolved resolved = new Resolved(type, value, null);
        return context -> resolved;
    }

    /** A calendar value computed from the context; its type (DATE or TIME) follows from its granularity. */
    static Resolution moment(MomentRule rule) {
        return context -> {
            Moment moment = rule.apply(context);
            return moment == null ? null : Resolved.of(moment);
        };
    }

    @FunctionalInterface
    interface MomentRule {
        Moment apply(Context context);
    }
}
