package io.storyline.launcher;

import io.storyline.common.runtime.ServiceMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code storyline ingest|enrich|aggregate}: one service against a real cluster, until SIGTERM; what a container
 * runs. The options go to the service's own main ({@link ServiceMain}), so the launcher and a bare
 * {@code java ... IngestService} read them the same way.
 */
@Command(footer = "Options: [--config FILE] [--bootstrap-server HOST:PORT] [--set KEY=VALUE]...%n"
        + "Settings: defaults < --config file < KAFKA_*/STORYLINE_* environment < flags.")
public final class ServiceCommand implements Callable<Integer> {

    private final Services.Kind kind;

    @Parameters(arity = "0..*", paramLabel = "OPTION", description = "the service's options (see below)")
    List<String> options = new ArrayList<>();

    ServiceCommand(Services.Kind kind) {
        this.kind = kind;
    }

    @Override
    public Integer call() {
        return ServiceMain.run(kind.create(), options, System.getenv(), System.err);
    }
}
