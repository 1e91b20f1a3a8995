package io.storyline.deploy.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.launcher.bench.ChildPipeline;
import io.storyline.launcher.bench.Newsroom;
import io.storyline.launcher.bench.PacedPublisher;
import io.storyline.launcher.bench.ServiceInstance;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The broker restarted (SIGTERM, as a roll or an upgrade restarts it) while articles stream through all three
 * services, with transactions open, then started again on the same data: the services ride it out without a
 * restart of their own, and exactly-once still holds.
 *
 * <p>Not SIGKILL: a crashed single broker can itself leave a transaction open for good (one of 54 crash-and-restart
 * cycles of Kafka 4.4.0 lost a commit marker on {@code __consumer_offsets}, see deploy/README.md, "After a broker
 * crash"), which the services cannot repair (an operator aborts it); the services' own crashes are {@link ServiceCrashIT}'s.
 */
class BrokerRestartIT {

    static final List<Newsroom.Story> STORIES = new Newsroom(11).write(10, 4, 0.15);
    static final Map<String, Set<String>> EXPECTED = Newsroom.expectedIncidents(STORIES);

    @Test
    void aBrokerKilledMidStreamAndRestartedLosesAndDuplicatesNothing() {
        try (BrokerProcess broker = BrokerProcess.start();
             ChildPipeline pipeline = Faults.pipeline("broker-restart", broker.bootstrapServers())) {
            List<ServiceInstance> instances = pipeline.startAll(Faults.READY_DEADLINE);
            try (PipelineAudit audit = new PipelineAudit(pipeline.clientSettings(), pipeline.topics());
                 PacedPublisher publisher = new PacedPublisher(pipeline.clientSettings(),
                         pipeline.topics().raw().name())) {
                // Three quarters stream in before the restart, the rest while the broker is down: it lands mid-stream.
                int split = STORIES.size() * 3 / 4;
                publisher.publish(STORIES.subList(0, split), 8);
                int before = audit.awaitOutput("enrich", STORIES.size() / 4);
                broker.stop();
                publisher.publish(STORIES.subList(split, STORIES.size()), 8);
                broker.startAgain();
                publisher.awaitAcknowledged();

                List<String> problems = audit.awaitPlaced(Faults.ids(EXPECTED)).problems(EXPECTED);
                assertEquals(List.of(), problems, pipeline.logs());
                instances.forEach(i -> assertTrue(i.isAlive(), i + " did not survive the broker's restart:\n"
                        + pipeline.logs()));
                System.out.println("broker restarted after " + before + " enriched articles: "
                        + audit.summary() + ", 0 lost, 0 duplicated");
            }
        }
    }
}
