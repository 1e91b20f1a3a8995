package io.storyline.launcher.dlq;

import io.storyline.common.runtime.StorylineConfig;
import io.storyline.launcher.KafkaOptions;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code storyline dlq}: what is on the dead-letter topic, grouped by the service that gave up and the reason, with
 * a count, the time span and one sample each, so an operator sees what failed and how often before replaying it.
 */
@Command(name = "dlq", mixinStandardHelpOptions = true, subcommands = {DlqReplayCommand.class},
        description = "List the dead letters on news.dlq, grouped by service and reason, with counts and a sample; "
                + "`dlq replay` re-publishes them once their cause is fixed.")
public final class DlqCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    LetterFilter filter;

    @Spec
    CommandSpec spec;

    /** One service's letters of one reason. */
    record Group(String service, String reason, List<DeadLetter> letters) {
    }

    @Override
    public Integer call() {
        StorylineConfig config = kafka.resolveWithCluster(Map.of());
        String topic = config.topics().dlq().name();
        List<DeadLetter> letters = DeadLetterReader.read(config.kafkaSettings(), topic,
                filter.since(Instant.now()), filter.matches());
        PrintWriter out = spec.commandLine().getOut();
        String where = topic + " (" + config.string("bootstrap.servers", "?") + ")" + filter.describe();
        if (letters.isEmpty()) {
            out.println("no dead letters on " + where);
            out.flush();
            return 0;
        }
        out.println(letters.size() + " dead letter" + (letters.size() == 1 ? "" : "s") + " on " + where + ":");
        for (Group group : groups(letters)) {
            List<DeadLetter> in = group.letters();
            long omitted = in.stream().filter(l -> l.valueOmitted() != null).count();
            out.printf("  %-10s %-28s %6d   %s .. %s%s%n", group.service(), group.reason(), in.size(),
                    in.get(0).time(), in.get(in.size() - 1).time(),
                    omitted == 0 ? "" : "   (" + omitted + " without their value: not replayable from here)");
            DeadLetter sample = in.get(0);
            out.println("      e.g. " + sample.at() + ", key " + sample.keyText()
                    + (sample.sourcePosition() == null ? "" : ", from " + sample.sourcePosition()) + ": "
                    + oneLine(sample.message()));
        }
        out.println("once a cause is fixed: ./storyline dlq replay --reason REASON [--service SERVICE] [--dry-run]");
        out.flush();
        return 0;
    }

    static List<Group> groups(List<DeadLetter> letters) {
        Map<String, Map<String, List<DeadLetter>>> byService = new TreeMap<>();
        for (DeadLetter letter : letters) {
            byService.computeIfAbsent(letter.service(), s -> new TreeMap<>())
                    .computeIfAbsent(letter.reason(), r -> new java.util.ArrayList<>()).add(letter);
        }
        List<Group> out = new java.util.ArrayList<>();
        byService.forEach((service, reasons) -> reasons.forEach((reason, in) ->
                out.add(new Group(service, reason, in))));
        return out;
    }

    private static String oneLine(String message) {
        String line = message.replaceAll("\\s+", " ").strip();
        return line.length() <= 200 ? line : line.substring(0, 199) + "…";
    }
}
