package io.storyline.enrich.bench;

/**
 * What one pipeline achieved on the benchmark articles.
 *
 * @param heapMegabytes heap in use after a full GC while the pipeline was alive
 */
record Measurement(String pipeline, double articlesPerSecond, double tokensPerSecond, double heapMegabytes) {
}
