package io.storyline.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The broker the launcher and the tests share, started as the container stand-in starts it. */
class EmbeddedKafkaIT {

    @Test
    void listenersFromTheSettingsAndALogDirectoryThatOutlivesARestart() throws Exception {
        Path logs = Files.createTempDirectory("embedded-kafka-logs-");
        int port = freePort();
        int controller = freePort();
        Map<String, String> settings = Map.of(
                "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners", "PLAINTEXT://127.0.0.1:" + port,
                "controller.quorum.voters", "1@127.0.0.1:" + controller,
                "log.dirs", logs.toString());

        try (EmbeddedKafka broker = EmbeddedKafka.start(settings)) {
            assertEquals("127.0.0.1:" + port, broker.bootstrapServers());
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("kept", Optional.of(2), Optional.empty())))
                        .all().get(30, TimeUnit.SECONDS);
            }
        }
        assertTrue(Files.exists(logs.resolve("meta.properties")), "the log directory is the one given, and kept");

        try (EmbeddedKafka again = EmbeddedKafka.start(settings);
             Admin admin = Admin.create(Map.of("bootstrap.servers", again.bootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertTrue(topics.contains("kept"), "a restart on the same log directory keeps the topics: " + topics);
        }
    }

    @Test
    void atExitTheBrokerWaitsForAnOwnerThatClosesItAfterItsClients() throws Exception {
        EmbeddedKafka broker = EmbeddedKafka.start(Map.of());
        Thread hook = new Thread(broker::closeAtExit, "exit-hook");
        try {
            broker.ownerClosesAtExit(Duration.ofMinutes(5));
            hook.start();
            // Until the hook waits for the owner (polling the thread's state, not a time).
            while (hook.getState() != Thread.State.TIMED_WAITING && hook.isAlive()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("still-served", Optional.of(1), Optional.empty())))
                        .all().get(30, TimeUnit.SECONDS);
            }
            assertTrue(hook.isAlive(), "the exit hook waits while the owner's clients still use the broker");
        } finally {
            broker.close();
        }
        hook.join(TimeUnit.MINUTES.toMillis(1));
        assertFalse(hook.isAlive(), "the owner's close ends the hook's wait");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
