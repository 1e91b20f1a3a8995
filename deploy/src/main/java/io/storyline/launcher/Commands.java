package io.storyline.launcher;

import io.storyline.launcher.board.BoardCommand;
import io.storyline.launcher.broker.BrokerCommand;
import io.storyline.launcher.dlq.DlqCommand;
import io.storyline.launcher.local.DemoCommand;
import io.storyline.launcher.local.RunCommand;
import io.storyline.launcher.tail.TailCommand;
import io.storyline.launcher.tools.BenchCommand;
import io.storyline.launcher.tools.EnrichFileCommand;
import io.storyline.launcher.tools.EvalCommand;
import io.storyline.launcher.tools.PublishCommand;
import io.storyline.launcher.tools.TopicsCommand;
import io.storyline.launcher.tools.TrainCommand;
import picocli.CommandLine;

/** The launcher's commands, in the order {@code --help} lists them. */
final class Commands {

    private Commands() {
    }

    static void register(CommandLine cli) {
        cli.addSubcommand("demo", new DemoCommand());
        cli.addSubcommand("run", new RunCommand());
        cli.addSubcommand("publish", new PublishCommand());
        for (Services.Kind kind : Services.Kind.values()) {
            CommandLine service = new CommandLine(new ServiceCommand(kind));
            service.getCommandSpec().usageMessage().description(kind.description());
            // The service's own main reads its options; picocli only passes them on.
            service.setUnmatchedOptionsArePositionalParams(true);
            cli.addSubcommand(kind.command(), service);
        }
        cli.addSubcommand("board", new BoardCommand());
        cli.addSubcommand("tail", new TailCommand());
        cli.addSubcommand("topics", new TopicsCommand());
        cli.addSubcommand("dlq", new DlqCommand());
        cli.addSubcommand("broker", new BrokerCommand());
        cli.addSubcommand("enrich-file", new EnrichFileCommand());
        cli.addSubcommand("eval", new EvalCommand());
        cli.addSubcommand("bench", new BenchCommand());
        cli.addSubcommand("train", new TrainCommand());
        // Each benchmark reads its own options.
        cli.getSubcommands().get("bench").getSubcommands().values()
                .forEach(benchmark -> benchmark.setUnmatchedOptionsArePositionalParams(true));
    }
}
