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
 * The broker killed with SIGKILL while articles stream through all three services, then started again on the same
 * data: the services ride it out without a restart of their own, and exactly-once still holds.
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
                // Three quarters stream in before the kill, the rest after it: the fault lands mid-stream.
                int split = STORIES.size() * 3 / 4;
                publisher.publish(STORIES.subList(0, split), 8);
                int before = audit.awaitOutput("enrich", STORIES.size() / 4);
                broker.kill();
                publisher.publish(STORIES.subList(split, STORIES.size()), 8);
                broker.startAgain();
                publisher.awaitAcknowledged();

                List<String> problems = audit.awaitPlaced(Faults.ids(EXPECTED)).problems(EXPECTED);
                assertEquals(List.of(), problems, pipeline.logs());
                instances.forEach(i -> assertTrue(i.isAlive(), i + " did not survive the broker's restart:\n"
                        + pipeline.logs()));
                System.out.println("kill -9 of the broker after " + before + " enriched articles: "
                        + audit.summary() + ", 0 lost, 0 duplicated");
            }
        }
    }
}
