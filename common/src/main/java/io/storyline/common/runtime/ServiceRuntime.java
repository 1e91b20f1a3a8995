package io.storyline.common.runtime;

import io.storyline.common.metrics.ServiceMeters;
import io.storyline.common.metrics.ServiceMetrics;
import io.storyline.common.metrics.TopologyMetering;
import io.storyline.common.progress.ConsumerLag;
import io.storyline.common.topic.Topic;
import io.storyline.common.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link StreamsService}: creates its topics, starts its Kafka Streams client, serves health, metrics
 * ({@link ServiceMeters}; the client's records in and out are counted by {@link TopologyMetering}) and the
 * service's own HTTP routes, and closes it gracefully. A client that ends in ERROR is a failed process: {@link
 * #awaitTermination()} answers a non-zero exit code, so a container platform restarts it.
 *
 * <p>Settings: {@code storyline.shutdown.timeout} (default PT30S), {@code storyline.http.port} (unset: no HTTP
 * server; 0: any free port), {@code storyline.http.host} (what other instances use to reach this one for
 * interactive queries; default the local host name).
 *
 * <p>A service's {@link ServiceWorker}s (work beside the Streams client) start after the client and close before
 * it; one that fails ends the runtime like a failed client.
 */
public final class ServiceRuntime implements AutoCloseable {

    public static final String SHUTDOWN_TIMEOUT = "storyline.shutdown.timeout";
    /** Stream threads replaced within {@link #REPLACEMENT_WINDOW} before a failing client is shut down. */
    static final int REPLACEMENTS = 3;
    static final Duration REPLACEMENT_WINDOW = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRuntime.class);

    private final StreamsService service;
    private final StorylineConfig config;
    private final Topics topics;
    private final KafkaStreams streams;
    private final HttpEndpoints http;
    private final ServiceMeters meters;
    private final ClientProgress progress = new ClientProgress();
    private final Health health;
    private final List<ServiceWorker> workers;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean closeRequested;
    private final boolean staticMember;

    private ServiceRuntime(StreamsService service, StorylineConfig config) {
        this.service = service;
        this.config = config;
        this.topics = config.topics();
        Properties props = StreamsSettings.of(service, config, topics);
        this.staticMember = props.stringPropertyNames().stream().anyMatch(k -> k.endsWith(
                ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));
        this.meters = new ServiceMeters(service.name());
        props.put(ServiceMetrics.CONFIG, meters.metrics());
        ConsumerLag.install(props);
        this.http = HttpEndpoints.startIfConfigured(config);
        if (http != null && !props.containsKey(StreamsConfig.APPLICATION_SERVER_CONFIG)) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, http.advertisedHostAndPort());
        }
        try (Admin admin = Admin.create(AdminSettings.of(props))) {
            TopicsSetup.ensure(admin, service.topics(topics), config);
        } catch (RuntimeException e) {
            if (http != null) {
                http.close();
            }
            meters.close();
            throw e;
        }
        Topology topology = TopologyMetering.instrument(service.topology(config, topics), meteredTopics());
        LOG.debug("{} topology:\n{}", service.name(), topology.describe());
        this.streams = new KafkaStreams(topology, props);
        streams.setStateListener((newState, oldState) -> onStateChange(newState, oldState));
        streams.setGlobalStateRestoreListener(progress);
        ThreadReplacements replacements = new ThreadReplacements(REPLACEMENTS, REPLACEMENT_WINDOW, Clock.systemUTC());
        streams.setUncaughtExceptionHandler(exception -> {
            String message = io.storyline.common.deadletter.DeadLetterHeaders.messageOf(exception);
            // An error the broker answered (a transaction a restarted broker no longer knows, a timed-out commit)
            // may pass; a refusal (credentials, rights) will not, nor will a bug in the service's own code.
            boolean refused = refusal(exception) != null;
            if (!refused && brokerSide(exception) && replacements.tryReplace()) {
                LOG.warn("{}: stream thread failed, replacing it: {}", service.name(), message, exception);
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
            failure.compareAndSet(null, exception);
            if (!refused) {
                LOG.error("{}: stream thread failed, shutting the client down: {}", service.name(), message,
                        exception);
            }
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        this.workers = List.copyOf(service.workers(config, topics, meters.registry()));
        if (http != null) {
            meters.bindClient(streams);
            meters.gauge("storyline.restoring.partitions", "Store partitions of active tasks being restored",
                    progress, ClientProgress::restoringPartitions);
            health = new Health(streams, progress, AdminSettings.of(props), service.topics(topics), workers);
            http.serveHealth(health);
            http.serveMetrics(meters);
            service.httpRoutes(streams, config, topics).forEach(http::route);
        } else {
            health = null;
        }
    }

    /** The service's topics except the dead-letter topic, whose records are counted as rejections instead. */
    private Set<String> meteredTopics() {
        return service.topics(topics).stream().map(Topic::name).filter(name -> !name.equals(topics.dlq().name()))
                .collect(Collectors.toSet());
    }

    /** Creates topics, then starts the service's client; the caller owns the returned runtime. */
    public static ServiceRuntime start(StreamsService service, StorylineConfig config) {
        ServiceRuntime runtime = new ServiceRuntime(service, config);
        runtime.streams.start();
        for (ServiceWorker worker : runtime.workers) {
            worker.start(failure -> runtime.workerFailed(worker, failure));
        }
        LOG.info("{} started (application.id {}){}", service.name(),
                StreamsSettings.applicationId(service.name(), config),
                runtime.http == null ? "" : "; health and metrics on http port " + runtime.http.port());
        return runtime;
    }

    /**
     * Runs the service until it stops: SIGTERM or Ctrl-C closes it gracefully within the shutdown timeout.
     *
     * @return the process exit code: 0 after a requested stop, 1 when the client failed
     */
    public static int runUntilStopped(StreamsService service, StorylineConfig config) {
        ServiceRuntime runtime = start(service, config);
        Thread hook = new Thread(runtime::close, service.name() + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int code = runtime.awaitTermination();
        if (code != 0) {
            runtime.close();
            Exception refused = refusal(runtime.failure.get());
            if (refused != null) {
                throw new KafkaUnavailableException("Kafka refused the connection: " + refused.getMessage(), refused);
            }
        }
        return code;
    }

    /** Whether {@code failure} comes from the Kafka protocol (an error a broker answered, a request timing out). */
    private static boolean brokerSide(Throwable failure) {
        return cause(failure, t -> t instanceof org.apache.kafka.common.errors.ApiException
                || t instanceof org.apache.kafka.common.errors.RetriableException) != null;
    }

    /**
     * The cluster's refusal of this service's credentials or rights somewhere in {@code failure}: a setting to
     * fix, not a bug, so it is reported in one line, without a stack trace.
     */
    private static Exception refusal(Throwable failure) {
        return (Exception) cause(failure, t -> t instanceof AuthenticationException
                || t instanceof AuthorizationException);
    }

    /** The first throwable in {@code failure}'s cause chain that {@code kind} accepts, or null. */
    private static Throwable cause(Throwable failure, Predicate<Throwable> kind) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (kind.test(t)) {
                return t;
            }
        }
        return null;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public Topics topics() {
        return topics;
    }

    public StreamsService service() {
        return service;
    }

    /** The HTTP port actually bound, or -1 without a server. */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    /** Blocks until the client is closed or has failed; 0 for a requested stop, 1 for a failure. */
    public int awaitTermination() {
        try {
            terminated.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        return exitCode();
    }

    public int exitCode() {
        return failure.get() == null && closeRequested ? 0 : 1;
    }

    private void workerFailed(ServiceWorker worker, Throwable exception) {
        LOG.error("{}: {} failed, the process exits non-zero: {}", service.name(), worker.name(),
                exception.getMessage(), exception);
        failure.compareAndSet(null, exception);
        if (health != null) {
            health.workerFailed(worker.name(), exception);
        }
        terminated.countDown();
    }

    @Override
    public void close() {
        closeRequested = true;
        Duration timeout = config.duration(SHUTDOWN_TIMEOUT, Duration.ofSeconds(30));
        // Workers first: what they hand back (uncommitted positions) is theirs to settle while Kafka is still there.
        for (ServiceWorker worker : workers) {
            try {
                worker.close();
            } catch (RuntimeException e) {
                LOG.warn("{}: closing {} failed: {}", service.name(), worker.name(), e.getMessage());
            }
        }
        // A dynamic member leaves the group as it closes, so its partitions move at once and not after
        // session.timeout.ms (Streams otherwise stays silent); a static member stays, to take its tasks back.
        CloseOptions.GroupMembershipOperation membership = staticMember
                ? CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP
                : CloseOptions.GroupMembershipOperation.LEAVE_GROUP;
        boolean clean = streams.close(CloseOptions.groupMembershipOperation(membership).withTimeout(timeout));
        if (!clean) {
            LOG.warn("{} did not close within {}", service.name(), timeout);
        }
        if (http != null) {
            http.close();
        }
        if (health != null) {
            health.close();
        }
        meters.close();
        terminated.countDown();
    }

    private void onStateChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        LOG.debug("{}: {} -> {}", service.name(), oldState, newState);
        progress.stateChanged(newState);
        if (newState == KafkaStreams.State.ERROR) {
            failure.compareAndSet(null, new IllegalStateException("Kafka Streams client entered ERROR"));
            if (refusal(failure.get()) == null) {
                LOG.error("{}: Kafka Streams client is in ERROR; the process exits non-zero", service.name());
            }
            terminated.countDown();
        } else if (newState == KafkaStreams.State.NOT_RUNNING) {
            terminated.countDown();
        }
    }
}
