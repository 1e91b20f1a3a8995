package io.storyline.common.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Properties;
import org.apache.kafka.common.metrics.JmxReporter;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {

    private static final String MAIN = "main.consumer.metric.reporters";

    @Test
    void theReporterJoinsTheMainConsumersDefaultReporters() {
        Properties props = new Properties();
        ConsumerLag.install(props);
        assertEquals(JmxReporter.class.getName() + "," + ConsumerLag.Reporter.class.getName(), props.get(MAIN));
        assertInstanceOf(ConsumerLag.class, props.get(ConsumerLag.CONFIG));
    }

    @Test
    void reportersAnOperatorConfiguredStay() {
        Properties props = new Properties();
        props.put("metric.reporters", "com.example.Everywhere");
        props.put("consumer.metric.reporters", "com.example.Consumers, com.example.More");
        ConsumerLag.install(props);
        assertEquals("com.example.Consumers,com.example.More," + ConsumerLag.Reporter.class.getName(),
                props.get(MAIN), "the most specific setting is the one the main consumer would use");
        ConsumerLag.install(props);
        assertEquals("com.example.Consumers,com.example.More," + ConsumerLag.Reporter.class.getName(),
                props.get(MAIN), "installed once");
    }
}
