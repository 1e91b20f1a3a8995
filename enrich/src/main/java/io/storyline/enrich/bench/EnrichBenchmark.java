package io.storyline.enrich.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import io.storyline.common.article.Article;
import io.storyline.common.json.Json;
import io.storyline.enrich.ArticleEnricher;
import io.storyline.enrich.language.EnrichLanguages;
import io.storyline.enrich.language.Language;
import java.io.PrintStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * {@code storyline bench enrich [--rounds N] [--warmup N] [--json]}: on one thread, on the same articles, after
 * warm-up, the throughput of Storyline's {@link ArticleEnricher} and of the baseline the enrich issue names, CoreNLP's
 * CoNLL 4-class CRF with SUTime ({@code tokenize,ssplit,pos,lemma,ner}), their ratio, and the heap each holds after
 * a full GC with only that pipeline built (the baseline is measured first, released, and built again for the
 * timing; whatever CoreNLP keeps in static caches afterwards counts against the enricher). Timed rounds alternate
 * between the two, so a busy machine slows both alike. Tokens are counted once, with CoreNLP's tokeniser.
 *
 * <p>Then, per other language whose models are on the classpath, the same enricher on that language's own
 * benchmark articles: articles/s and tokens/s on one thread, the ratio of its tokens/s to English's (the enricher's
 * per-core speed across languages, on texts of different lengths), and the heap after GC once that language's
 * models are loaded too (the heap of a deployment reading every language so far).
 */
public final class EnrichBenchmark {

    private EnrichBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = 5;
        int warmup = 3;
        boolean json = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--json" -> json = true;
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException(args[i]);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("usage: bench enrich [--rounds N] [--warmup N] [--json]");
            System.exit(2);
        }
        System.exit(run(rounds, warmup, json, System.out));
    }

    public static int run(int rounds, int warmup, boolean json, PrintStream out) {
        List<Article> articles = BenchArticles.load();
        long tokens = articles.stream().mapToLong(a -> tokenCount(a.body())).sum();
        // Heap first, each pipeline on its own: the baseline is measured, released, and built again later.
        StanfordCoreNLP firstBaseline = baselinePipeline();
        repeat(articles, 1, article -> annotate(firstBaseline, article));
        double baselineHeap = heapAfterGc();
        Reference.reachabilityFence(firstBaseline);
        StanfordCoreNLP.clearAnnotatorPool();

        ArticleEnricher enricher = new ArticleEnricher();
        Consumer<Article> enricherRun = enricher::enrich;
        repeat(articles, warmup, enricherRun);
        double enricherHeap = heapAfterGc();

        // Held in a cell so that it can be released before the other languages' heap is measured.
        StanfordCoreNLP[] baseline = {baselinePipeline()};
        Consumer<Article> baselineRun = article -> annotate(baseline[0], article);
        repeat(articles, warmup, baselineRun);

        // Timed rounds alternate, so a busy machine slows both pipelines alike.
        long baselineNanos = 0;
        long enricherNanos = 0;
        for (int r = 0; r < rounds; r++) {
            baselineNanos += timed(articles, baselineRun);
            enricherNanos += timed(articles, enricherRun);
        }
        Reference.reachabilityFence(baseline[0]);
        Measurement baselineResult = measurement("CoreNLP 4-class + SUTime", articles.size(), tokens, rounds,
                baselineNanos, baselineHeap);
        Measurement enricherResult = measurement("Storyline ArticleEnricher", articles.size(), tokens, rounds,
                enricherNanos, enricherHeap);

        double ratio = enricherResult.articlesPerSecond() / baselineResult.articlesPerSecond();
        baseline[0] = null;
        StanfordCoreNLP.clearAnnotatorPool();
        List<Measurement> languages = new java.util.ArrayList<>();
        for (Language language : EnrichLanguages.available().languages()) {
            if (language != Language.ENGLISH) {
                languages.add(measureLanguage(enricher, language, rounds, warmup));
            }
        }
        if (json) {
            ObjectNode root = toJson(articles.size(), tokens, rounds, enricherResult, baselineResult, ratio);
            ObjectNode perLanguage = root.putObject("languages");
            for (Measurement m : languages) {
                ObjectNode node = toJson(m);
                node.put("tokens_per_second_vs_english",
                        Math.round(m.tokensPerSecond() / enricherResult.tokensPerSecond() * 100) / 100.0);
                perLanguage.set(m.pipeline(), node);
            }
            out.println(root);
        } else {
            out.printf("%d articles, %d tokens, %d timed rounds each after %d warm-up rounds, one thread%n",
                    articles.size(), tokens, rounds, warmup);
            out.printf("%-28s %11s %10s %14s%n", "pipeline", "articles/s", "tokens/s", "heap after GC");
            for (Measurement m : List.of(enricherResult, baselineResult)) {
                out.printf("%-28s %11.1f %10.0f %11.0f MB%n", m.pipeline(), m.articlesPerSecond(),
                        m.tokensPerSecond(), m.heapMegabytes());
            }
            out.printf("speed-up (articles/s): %.2fx%n", ratio);
            out.printf("%nper language, the same enricher, one thread (heap: after GC with every language so far)%n");
            out.printf("%-10s %11s %10s %14s %14s%n", "language", "articles/s", "tokens/s", "tokens/s vs en",
                    "heap after GC");
            out.printf("%-10s %11.1f %10.0f %14.2f %11.0f MB%n", "en", enricherResult.articlesPerSecond(),
                    enricherResult.tokensPerSecond(), 1.0, enricherHeap);
            for (Measurement m : languages) {
                out.printf("%-10s %11.1f %10.0f %14.2f %11.0f MB%n", m.pipeline(), m.articlesPerSecond(),
                        m.tokensPerSecond(), m.tokensPerSecond() / enricherResult.tokensPerSecond(),
                        m.heapMegabytes());
            }
        }
        return 0;
    }

    /** One language's articles through the (already English-warm) enricher: its models load at the first one. */
    private static Measurement measureLanguage(ArticleEnricher enricher, Language language, int rounds, int warmup) {
        List<Article> articles = BenchArticles.load(language);
        long tokens = articles.stream().mapToLong(a -> tokenCount(a.body())).sum();
        Consumer<Article> run = enricher::enrich;
        repeat(articles, Math.max(1, warmup), run);
        double heap = heapAfterGc();
        long nanos = 0;
        for (int r = 0; r < rounds; r++) {
            nanos += timed(articles, run);
        }
        return measurement(language.code(), articles.size(), tokens, rounds, nanos, heap);
    }

    /** The baseline: CoNLL 4-class CRF, SUTime on, the POS tagger and lemmatiser SUTime needs. */
    private static StanfordCoreNLP baselinePipeline() {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        props.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz");
        props.setProperty("ner.useSUTime", "true");
        props.setProperty("ner.applyFineGrained", "false");
        return new StanfordCoreNLP(props);
    }

    private static void annotate(StanfordCoreNLP pipeline, Article article) {
        Annotation document = new Annotation(article.body());
        document.set(CoreAnnotations.DocDateAnnotation.class, article.publishedAt());
        pipeline.annotate(document);
    }

    private static void repeat(List<Article> articles, int rounds, Consumer<Article> pipeline) {
        for (int r = 0; r < rounds; r++) {
            articles.forEach(pipeline);
        }
    }

    private static long timed(List<Article> articles, Consumer<Article> pipeline) {
        long started = System.nanoTime();
        articles.forEach(pipeline);
        return System.nanoTime() - started;
    }

    private static Measurement measurement(String name, int articles, long tokens, int rounds, long nanos,
                                           double heap) {
        double seconds = nanos / 1e9;
        return new Measurement(name, articles * rounds / seconds, tokens * rounds / seconds, heap);
    }

    private static double heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    private static long tokenCount(String text) {
        PTBTokenizer<CoreLabel> tokenizer =
                new PTBTokenizer<>(new StringReader(text), new CoreLabelTokenFactory(), "");
        long count = 0;
        while (tokenizer.hasNext()) {
            tokenizer.next();
            count++;
        }
        return count;
    }

    private static ObjectNode toJson(int articles, long tokens, int rounds, Measurement enricher, Measurement baseline,
                                 double ratio) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("articles", articles);
        root.put("tokens", tokens);
        root.put("rounds", rounds);
        root.put("threads", 1);
        root.set("enricher", toJson(enricher));
        root.set("baseline", toJson(baseline));
        root.put("speedup", Math.round(ratio * 100) / 100.0);
        return root;
    }

    private static ObjectNode toJson(Measurement m) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("pipeline", m.pipeline());
        node.put("articles_per_second", Math.round(m.articlesPerSecond() * 10) / 10.0);
        node.put("tokens_per_second", Math.round(m.tokensPerSecond()));
        node.put("heap_mb", Math.round(m.heapMegabytes()));
        return node;
    }
}
