package io.storyline.board;

import io.storyline.board.feed.TopicFeed;
import io.storyline.board.incidents.BoardState;
import io.storyline.board.ops.ConsumerLag;
import io.storyline.board.ops.DeadLetterCounts;
import io.storyline.board.ops.OpsStrip;
import io.storyline.board.ops.Throughput;
import io.storyline.board.web.BoardHttp;
import io.storyline.board.web.LiveStream;
import io.storyline.common.metrics.ServiceMeters;
import io.storyline.common.runtime.ConfigException;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.common.runtime.StreamsSettings;
import io.storyline.common.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live incident board: a process that reads Storyline's output topics and serves a page editors and operators
 * keep open. It only consumes: it writes to no topic, joins no consumer group, creates nothing, and rebuilds
 * itself from the topics at every start. {@link #start} runs it; {@link #close} stops it.
 */
public final class Board implements AutoCloseable {

    /** The services whose lag the operators' strip shows, by the name their application id derives from. */
    public static final List<String> SERVICES = List.of("ingest", "enrich", "aggregate");
    static final Duration OPS_REFRESH = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(Board.class);

    private final TopicFeed feed;
    private final Thread feedThread;
    private final Admin admin;
    private final ScheduledExecutorService opsTimer;
    private final LiveStream live;
    private final BoardHttp http;
    private final ServiceMeters meters;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closing;

    private Board(StorylineConfig config, Clock clock) {
        BoardSettings settings = BoardSettings.from(config);
        if (config.string(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, null) == null) {
            throw new ConfigException("no Kafka cluster given: use --bootstrap-server HOST:PORT "
                    + "(or KAFKA_BOOTSTRAP_SERVERS, or bootstrap.servers in --config)");
        }
        Topics topics = config.topics();
        BoardState state = new BoardState(settings, clock);
        Throughput throughput = new Throughput(clock);
        DeadLetterCounts deadLetters = new DeadLetterCounts(clock);
        admin = Admin.create(only(config, AdminClientConfig.configNames(), "storyline-board-admin"));
        Map<String, String> groups = new LinkedHashMap<>();
        SERVICES.forEach(service -> groups.put(service, StreamsSettings.applicationId(service, config)));
        LiveStream[] liveRef = new LiveStream[1];
        OpsStrip ops = new OpsStrip(throughput, deadLetters, new ConsumerLag(admin, groups), clock, board -> {
            board.put("incidents", state.size());
            board.put("viewers", liveRef[0] == null ? 0 : liveRef[0].viewers());
            board.put("unreadable_records", state.unreadable());
        });
        live = new LiveStream(state, ops, settings.maxClients());
        liveRef[0] = live;
        feed = new TopicFeed(only(config, ConsumerConfig.configNames(), "storyline-board"), topics, settings, state,
                throughput, deadLetters, live::changed, clock);
        meters = new ServiceMeters("board");
        meters.gauge("storyline.board.incidents", "Incidents the board holds", state, BoardState::size);
        meters.gauge("storyline.board.viewers", "Browsers following the live feed", live, LiveStream::viewers);
        meters.gauge("storyline.board.unreadable.records", "Records of the output topics the board could not read",
                state, BoardState::unreadable);
        try {
            http = new BoardHttp(settings.port(), state, ops, live, feed::caughtUp, feed::waitingFor,
                    meters::scrape);
        } catch (RuntimeException e) {
            admin.close();
            meters.close();
            throw e;
        }
        opsTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "board-ops");
            thread.setDaemon(true);
            return thread;
        });
        opsTimer.scheduleWithFixedDelay(() -> {
            try {
                ops.refresh();
                live.opsChanged();
            } catch (RuntimeException e) {
                LOG.warn("measuring the services' lag failed: {}", e.getMessage());
            }
        }, 0, OPS_REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        feedThread = new Thread(() -> {
            try {
                feed.run();
            } finally {
                stopped.countDown();
            }
        }, "board-feed");
    }

    /** Starts reading the topics and serving the page; the caller owns the board. */
    public static Board start(StorylineConfig config) {
        return start(config, Clock.systemUTC());
    }

    static Board start(StorylineConfig config, Clock clock) {
        Board board = new Board(config, clock);
        board.feedThread.start();
        LOG.info("board serving http://localhost:{}/", board.port());
        return board;
    }

    /** Runs the board until SIGTERM or Ctrl-C; 0 after a requested stop, 1 when its feed failed. */
    public static int runUntilStopped(StorylineConfig config) {
        Board board = start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(board::close, "board-shutdown"));
        System.err.println("storyline board: http://localhost:" + board.port() + "/");
        try {
            board.stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        board.close();
        return board.closing ? 0 : 1;
    }

    public int port() {
        return http.port();
    }

    /** Whether the board has read what the topics held when it started. */
    public boolean ready() {
        return feed.caughtUp();
    }

    /** Kafka settings for one client: the keys it knows, so no other client's setting is passed as unknown. */
    private static Map<String, Object> only(StorylineConfig config, java.util.Set<String> known, String clientId) {
        Map<String, Object> out = new LinkedHashMap<>();
        config.kafkaSettings().forEach((key, value) -> {
            if (known.contains(key)) {
                out.put(key, value);
            }
        });
        out.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return out;
    }

    @Override
    public synchronized void close() {
        if (closing && stopped.getCount() == 0 && !feedThread.isAlive()) {
            return;
        }
        closing = true;
        feed.close();
        try {
            feedThread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        opsTimer.shutdownNow();
        live.close();
        http.close();
        admin.close(Duration.ofSeconds(5));
        meters.close();
    }
}
