package io.storyline.deploy.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.testing.KafkaBroker;
import io.storyline.launcher.bench.ChildPipeline;
import io.storyline.launcher.bench.Newsroom;
import io.storyline.launcher.bench.PacedPublisher;
import io.storyline.launcher.bench.ServiceInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rebalances while articles stream through: a second instance of every service joins, then the first instance of
 * every service leaves (SIGTERM), so every task, the aggregate's clustering state included, moves mid-stream.
 */
class RebalanceIT {

    /** Eighteen events, four outlets each: 72 articles; two thirds before the first instances leave, a third after. */
    static final List<Newsroom.Story> STORIES = new Newsroom(13).write(18, 4, 0.15);
    static final Map<String, Set<String>> EXPECTED = Newsroom.expectedIncidents(STORIES);

    @Test
    void instancesJoiningAndLeavingMidStreamLoseAndDuplicateNothing() {
        try (ChildPipeline pipeline = Faults.pipeline("rebalance", KafkaBroker.bootstrapServers())) {
            List<ServiceInstance> first = pipeline.startAll(Faults.READY_DEADLINE);
            try (PipelineAudit audit = new PipelineAudit(pipeline.clientSettings(), pipeline.topics());
                 PacedPublisher publisher = new PacedPublisher(pipeline.clientSettings(),
                         pipeline.topics().raw().name())) {
                int split = STORIES.size() * 2 / 3;
                publisher.publish(STORIES.subList(0, split), 4);
                int beforeJoin = audit.awaitOutput("enrich", STORIES.size() / 8);
                boolean joinedMidStream = publisher.publishing();
                List<ServiceInstance> second = new ArrayList<>();
                for (String service : ChildPipeline.SERVICES) {
                    second.add(pipeline.start(service, 2));
                }
                second.forEach(i -> i.awaitReady(Faults.READY_DEADLINE));
                int beforeLeave = audit.awaitOutput("enrich", beforeJoin + 1);
                // The rest streams in while the first instances close and their tasks move.
                publisher.publish(STORIES.subList(split, STORIES.size()), 4);
                boolean leftMidStream = publisher.publishing();
                for (ServiceInstance instance : first) {
                    // 143 is the JVM's own exit status after SIGTERM and its shutdown hooks; 137 would mean killed.
                    int code = instance.stop();
                    assertTrue(code == 0 || code == 143, instance + " did not stop cleanly (" + code + "):\n"
                            + instance.output());
                }
                publisher.awaitAcknowledged();

                List<String> problems = audit.awaitPlaced(Faults.ids(EXPECTED)).problems(EXPECTED);
                assertEquals(List.of(), problems, pipeline.logs());
                assertTrue(joinedMidStream && leftMidStream, "the stream had ended before the instances "
                        + (joinedMidStream ? "left" : "joined"));
                System.out.println("second instances joined after " + beforeJoin + ", first ones left after "
                        + beforeLeave + " enriched articles: " + audit.summary() + ", 0 lost, 0 duplicated");
            }
        }
    }
}
