package io.storyline.ingest;

import io.storyline.common.article.Article;
import io.storyline.common.deadletter.DeadLetter;

/** What became of one article of a {@code news.raw} record: a canonical article or a reason to dead-letter it. */
public sealed interface ItemOutcome {

    record Accepted(Article article) implements ItemOutcome {
    }

    /**
     * One item of a multi-article record that cannot become an article.
     *
     * @param key   the record's key
     * @param value the item's bytes
     */
    record Rejected(byte[] key, byte[] value, String reasonCode, String reason) implements ItemOutcome {

        public DeadLetter toDeadLetter() {
            return new DeadLetter(key, value, reasonCode, reason);
        }
    }
}
