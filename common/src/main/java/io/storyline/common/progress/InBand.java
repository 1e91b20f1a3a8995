package io.storyline.common.progress;

/**
 * What travels on a topic that carries progress marks: a record of data, or a {@link ProgressMark}. Streams over
 * such topics are typed {@code InBand<V>}, so no stage can mistake a mark for data; a tombstone (a null value) is
 * a null {@code InBand}, as it was a null {@code V}.
 */
public sealed interface InBand<V> {

    record Data<V>(V value) implements InBand<V> {
    }

    record Mark<V>(ProgressMark mark) implements InBand<V> {

        /** The same mark in a stream of another value type (a mark carries no value). */
        public <W> Mark<W> retyped() {
            return new Mark<>(mark);
        }
    }

    static <V> InBand<V> data(V value) {
        return value == null ? null : new Data<>(value);
    }

    static <V> InBand<V> mark(ProgressMark mark) {
        return new Mark<>(mark);
    }

    /** The data value of {@code item}, null for a tombstone; a mark has none. */
    static <V> V value(InBand<V> item) {
        if (item instanceof Mark) {
            throw new IllegalArgumentException("a progress mark carries no data");
        }
        return item == null ? null : ((Data<V>) item).value();
    }

    static boolean isMark(InBand<?> item) {
        return item instanceof Mark;
    }
}
