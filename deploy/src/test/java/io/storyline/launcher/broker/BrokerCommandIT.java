package io.storyline.launcher.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.launcher.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BrokerCommandIT {

    @Test
    void aTakenPortIsOneReadableLineAndExitTwo() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int code;
        try (ServerSocket taken = new ServerSocket(0)) {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.execute("broker", "--port", Integer.toString(taken.getLocalPort()));
        } finally {
            System.setErr(original);
        }
        String printed = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(2, code, printed);
        assertEquals(1, printed.lines().count(), printed);
        assertTrue(printed.contains("already in use"), printed);
    }
}
