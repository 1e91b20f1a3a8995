package io.storyline.enrich.facts;

/**
 * One statement of a count of people in one sentence.
 *
 * @param kind     what happened to them
 * @param count    how many (0 for "no one was hurt")
 * @param sentence where it is said
 */
record Casualty(Kind kind, int count, Sentence sentence) {

    enum Kind {
        /** Killed, dead, died. */
        KILLED,
        /** Injured, wounded, hurt, hospitalised. */
        INJURED,
        /** Shot, stabbed, struck: the killed among them included. */
        HIT,
        /** Said to be deadly without a count ("a fatal shooting", "died"): at least one killed. */
        DEATH
    }
}
