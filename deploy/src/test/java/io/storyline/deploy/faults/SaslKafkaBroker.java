package io.storyline.deploy.faults;

import io.storyline.broker.EmbeddedKafka;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * A real broker whose client listener only takes authenticated connections (SASL_PLAINTEXT with SCRAM-SHA-256 for
 * Storyline's user, PLAIN for the administrator who creates it), one per test JVM, started on first use. It is
 * the launcher's own {@link EmbeddedKafka} with security settings on top: the listener keeps its name and speaks
 * SASL, and the credentials live in listener-scoped JAAS settings, so nothing JVM-wide changes for other tests.
 */
final class SaslKafkaBroker {

    static final String USER = "storyline";
    static final String PASSWORD = "storyline-secret";
    static final String MECHANISM = "SCRAM-SHA-256";
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "admin-secret";

    private static EmbeddedKafka broker;

    private SaslKafkaBroker() {
    }

    static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = EmbeddedKafka.start(Map.of(
                    "listener.security.protocol.map", "PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "sasl.enabled.mechanisms", "PLAIN," + MECHANISM,
                    // The broker talks to itself (transaction verification) over its client listener, with SASL too.
                    "inter.broker.listener.name", "PLAINTEXT",
                    "sasl.mechanism.inter.broker.protocol", "PLAIN",
                    "listener.name.plaintext.plain.sasl.jaas.config", plain(ADMIN, ADMIN_PASSWORD)
                            .replace(";", " user_" + ADMIN + "=\"" + ADMIN_PASSWORD + "\";"),
                    "listener.name.plaintext.scram-sha-256.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;"));
            createUser(broker.bootstrapServers());
        }
        return broker.bootstrapServers();
    }

    /** What an operator sets for a Storyline process: {@code KAFKA_*} variables only. */
    static Map<String, String> environment(String password) {
        Map<String, String> env = new HashMap<>();
        clientSettings(password).forEach((key, value) ->
                env.put("KAFKA_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_'), value.toString()));
        return env;
    }

    /** Client settings of Storyline's user, with {@code password}. */
    static Map<String, Object> clientSettings(String password) {
        return new HashMap<>(Map.of("bootstrap.servers", bootstrapServers(),
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + USER + "\" password=\"" + password + "\";"));
    }

    private static void createUser(String bootstrap) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap, "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "PLAIN", "sasl.jaas.config", plain(ADMIN, ADMIN_PASSWORD)))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096), PASSWORD))).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the SCRAM user: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String plain(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }
}
