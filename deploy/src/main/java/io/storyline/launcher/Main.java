package io.storyline.launcher;

import io.storyline.common.runtime.ConfigException;
import io.storyline.common.runtime.KafkaUnavailableException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./storyline}: runs the pipeline locally, runs one service against a cluster, and its tools. */
@Command(name = "storyline", mixinStandardHelpOptions = true, version = "storyline 0.1.0",
        description = "Turns a firehose of news articles into live incidents, on Kafka.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main {

    static final String DEBUG_ENV = "STORYLINE_DEBUG";

    public static void main(String[] args) {
        int code = execute(args);
        System.out.flush();
        // Kafka and CoreNLP leave non-daemon threads behind; the exit code is all that matters now.
        System.exit(code);
    }

    /** Runs a command line and answers its exit code; never throws. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        Commands.register(cli);
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("storyline: " + e.getMessage() + " (see: " + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof UserError || e instanceof ConfigException) {
                err.println("storyline: " + e.getMessage());
                return 2;
            }
            if (e instanceof KafkaUnavailableException) {
                err.println("storyline: " + e.getMessage());
                return 1;
            }
            err.println("storyline: failed: " + e + (System.getenv(DEBUG_ENV) == null
                    ? " (set " + DEBUG_ENV + "=1 for the stack trace)" : ""));
            if (System.getenv(DEBUG_ENV) != null) {
                e.printStackTrace(err);
            }
            return 1;
        });
        return cli;
    }
}
