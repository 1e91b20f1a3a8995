package io.storyline.deploy.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storyline.common.testing.KafkaBroker;
import io.storyline.launcher.bench.ChildPipeline;
import io.storyline.launcher.bench.Newsroom;
import io.storyline.launcher.bench.PacedPublisher;
import io.storyline.launcher.bench.ServiceInstance;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kill -9 of one service while articles stream through the pipeline (a quarter of them through the victim, the
 * last quarter still to come), then a restart on the same state directory: exactly-once processing must leave
 * every article in exactly one incident, once on every topic.
 */
class ServiceCrashIT {

    /** Ten events, four outlets each, some reprints: 40 articles. */
    static final List<Newsroom.Story> STORIES = new Newsroom(7).write(10, 4, 0.15);
    static final Map<String, Set<String>> EXPECTED = Newsroom.expectedIncidents(STORIES);

    @ParameterizedTest(name = "kill -9 {0} mid-stream")
    @ValueSource(strings = {"ingest", "enrich", "aggregate"})
    void aServiceKilledMidStreamAndRestartedLosesAndDuplicatesNothing(String victim) {
        try (ChildPipeline pipeline = Faults.pipeline("crash-" + victim, KafkaBroker.bootstrapServers())) {
            List<ServiceInstance> instances = pipeline.startAll(Faults.READY_DEADLINE);
            ServiceInstance target = instances.stream().filter(i -> i.service().equals(victim)).findFirst()
                    .orElseThrow();
            try (PipelineAudit audit = new PipelineAudit(pipeline.clientSettings(), pipeline.topics());
                 PacedPublisher publisher = new PacedPublisher(pipeline.clientSettings(),
                         pipeline.topics().raw().name())) {
                // Three quarters stream in before the kill, the rest after it: the fault lands mid-stream.
                int split = STORIES.size() * 3 / 4;
                publisher.publish(STORIES.subList(0, split), 8);
                int before = audit.awaitOutput(victim, STORIES.size() / 4);
                target.kill();
                publisher.publish(STORIES.subList(split, STORIES.size()), 8);
                pipeline.start(victim, 1);
                publisher.awaitAcknowledged();

                List<String> problems = audit.awaitPlaced(Faults.ids(EXPECTED)).problems(EXPECTED);
                assertEquals(List.of(), problems, pipeline.logs());
                System.out.println("kill -9 " + victim + " after " + before + " of its records: " + audit.summary()
                        + ", 0 lost, 0 duplicated");
            }
        }
    }
}
