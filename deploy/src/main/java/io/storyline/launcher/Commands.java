package io.storyline.launcher;

import io.storyline.launcher.tail.TailCommand;
import io.storyline.launcher.tools.EvalCommand;
import picocli.CommandLine;

/** The launcher's commands, in the order {@code --help} lists them. */
final class Commands {

    private Commands() {
    }

    static void register(CommandLine cli) {
        for (Services.Kind kind : Services.Kind.values()) {
            CommandLine service = new CommandLine(new ServiceCommand(kind));
            service.getCommandSpec().usageMessage().description(kind.description());
            cli.addSubcommand(kind.command(), service);
        }
        cli.addSubcommand("tail", new TailCommand());
        cli.addSubcommand("eval", new EvalCommand());
    }
}
