package io.storyline.ingest.format;

/** One article of a record as a parser found it: either a draft to normalise or a broken item to dead-letter. */
public sealed interface ParsedItem permits RawItem, BrokenItem {
}
