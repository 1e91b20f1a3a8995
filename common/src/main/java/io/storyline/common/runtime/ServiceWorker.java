package io.storyline.common.runtime;

import java.util.function.Consumer;

/**
 * Work a service runs in its process beside its Kafka Streams client (a plain consumer loop, say), under the same
 * runtime: started after the client, closed before it, counted in health. A worker that fails ends the process
 * (exit 1) like a failed client, so the platform restarts it.
 */
public interface ServiceWorker extends AutoCloseable {

    /** Short name for logs and health details. */
    String name();

    /**
     * Starts the work on threads of its own and returns at once.
     *
     * @param onFailure to call, once, when the worker stops for good because of {@code failure}
     */
    void start(Consumer<Throwable> onFailure);

    /** Null while the worker can do its work; what it is waiting for otherwise (for readiness). */
    String notReady();

    /** Stops the work within the shutdown timeout, finishing or handing back what it holds. */
    @Override
    void close();
}
