package io.storyline.common.incident;

/** Event types on {@code news.incident-events}. Strings, so readers accept types added later. */
public final class IncidentEventType {
    public static final String OPENED = "OPENED";
    public static final String ARTICLE_ADDED = "ARTICLE_ADDED";
    public static final String ARTICLE_UPDATED = "ARTICLE_UPDATED";
    public static final String DUPLICATE_SEEN = "DUPLICATE_SEEN";
    public static final String CORROBORATED = "CORROBORATED";
    public static final String MERGED = "MERGED";
    public static final String CLOSED = "CLOSED";
    /** The incident's toll (killed or injured) or its place changed; the event carries the key facts before and after. */
    public static final String FACTS_CHANGED = "FACTS_CHANGED";

    private IncidentEventType() {
    }
}
